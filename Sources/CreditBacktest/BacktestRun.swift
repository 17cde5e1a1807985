import CreditCore

/// A whole backtest: every record and what is needed to reproduce them.
public struct BacktestRun: Sendable, Equatable {
    /// The settings the run used.
    public var settings: BacktestSettings
    /// The history's first month.
    public var firstMonth: Month
    /// The history's last month: nothing after it could be compared.
    public var lastMonth: Month
    /// The cut-off months, oldest first.
    public var origins: [Month]
    /// Workspaces in the history (not all may have enough history at every origin).
    public var workspaceCount: Int
    /// The caller's fingerprint of the inputs.
    public var inputHash: String
    /// One record per origin, workspace, model and step, in that order (models as in
    /// `settings.scoredModels`).
    public var records: [BacktestRecord]

    /// A run with the given values; `Backtest.run` is the usual source.
    public init(
        settings: BacktestSettings, firstMonth: Month, lastMonth: Month, origins: [Month], workspaceCount: Int,
        inputHash: String, records: [BacktestRecord]
    ) {
        self.settings = settings
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.origins = origins
        self.workspaceCount = workspaceCount
        self.inputHash = inputHash
        self.records = records
    }

    /// The models scored, candidates first.
    public var models: [BacktestModel] { settings.scoredModels }

    /// Scores per model and target: one row per step that has records, then one for every step
    /// (`step == nil`).
    public var scores: [BacktestScore] {
        var byModel: [BacktestModel: [BacktestRecord]] = [:]
        for record in records { byModel[record.model, default: []].append(record) }
        var scores: [BacktestScore] = []
        for model in models {
            let all = byModel[model] ?? []
            let lastSteps = all.filter(\.isLastStep)
            for target in BacktestTarget.allCases {
                for step in 1...settings.horizon {
                    let records = all.filter { $0.step == step }
                    guard !records.isEmpty else { continue }
                    scores.append(BacktestScore(model: model, target: target, step: step, records: records, eventRecords: records))
                }
                if !all.isEmpty {
                    scores.append(BacktestScore(model: model, target: target, step: nil, records: all, eventRecords: lastSteps))
                }
            }
        }
        return scores
    }

    /// The all-steps score of `model` on `target`, if it was scored.
    public func overallScore(of model: BacktestModel, target: BacktestTarget = .usage) -> BacktestScore? {
        let records = records.filter { $0.model == model }
        guard !records.isEmpty else { return nil }
        return BacktestScore(model: model, target: target, step: nil, records: records, eventRecords: records.filter(\.isLastStep))
    }

    /// Where the actuals fell among `model`'s trials of `target`: the share of forecasts whose
    /// PIT (`TargetForecast.pit`) lies in each of `bins` equal parts of 0…1, a range spread over
    /// the parts it spans. Calibrated forecasts give every part the same share; too wide a band
    /// piles the shares in the middle, too narrow or biased a one at the ends. Empty when the
    /// model has no records.
    public func pitHistogram(of model: BacktestModel, target: BacktestTarget = .usage, bins: Int = 10) -> [Double] {
        precondition(bins >= 1, "at least one bin")
        var shares = [Double](repeating: 0, count: bins)
        var count = 0
        for record in records where record.model == model {
            count += 1
            let pit = record.forecast(of: target).pit
            if pit.lowerBound == pit.upperBound {
                shares[min(bins - 1, Int(pit.lowerBound * Double(bins)))] += 1
            } else {
                for bin in 0..<bins {
                    shares[bin] += ScoringRules.pitCoverage(pit, band: Double(bin) / Double(bins)...Double(bin + 1) / Double(bins))
                }
            }
        }
        return count == 0 ? [] : shares.map { $0 / Double(count) }
    }

    /// The reliability table of `model`'s forecasts of `event` within the horizon.
    public func reliability(of model: BacktestModel, event: BacktestEvent, bins: Int = 10) -> [ReliabilityBin] {
        ReliabilityBin.table(records.filter { $0.model == model && $0.isLastStep }.map { $0.forecast(of: event) }, bins: bins)
    }
}
