/// A backtest's scores gathered record by record, in the run's order: every `BacktestScore`,
/// the histograms of where the actuals fell among the trials and the reliability tables, and
/// none of the records. A backtest of a hundred thousand workspaces makes millions of records
/// (232 bytes each); a run that hands them on as they come (`Backtest.run`'s `deliver`) keeps
/// only this.
///
/// Every figure is a sum over records taken in the run's order, so it is the same to the last
/// bit whether the records were kept or not, and for any thread count.
public struct BacktestTally: Sendable, Equatable {
    /// The models scored, in the run's order.
    public let models: [BacktestModel]
    /// The horizon: records have steps 1 … `horizon`.
    public let horizon: Int
    /// Records added.
    public private(set) var count = 0
    /// Parts of 0…1 in a PIT histogram (`pitHistogram(of:target:)`): tenths.
    public static let pitBins = 10

    /// Per model and target (`BacktestTarget.allCases` order): the sums of every step together
    /// at index 0, then of step 1 … `horizon`.
    private var sums: [[[BacktestScore.Sums]]]
    /// Per model and target: the PIT histogram's unnormalised shares.
    private var pitShares: [[[Double]]]
    /// Per model: the reliability tables of each `BacktestEvent` within the horizon, in
    /// `allCases` order, then of both events pooled (a record's cap hit, then its shortfall).
    private var reliabilityTallies: [[ReliabilityBin.Tally]]
    /// Per model, per workspace (by the number `add(_:workspace:)` was given): its usage
    /// forecasts and those inside each band, for `coverageInterval(of:band:byProbability:)`.
    /// 16 bytes a workspace and model: a million workspaces' backtest of four models keeps 64 MB.
    private var workspaceCoverage: [[WorkspaceCoverage]]

    /// One workspace's usage forecasts and how many fell inside each band, whole and by the
    /// share of their probability (`TargetForecast.inBand80`, `pitCoverage80`, …). A workspace
    /// has at most `BacktestSettings.maximumOrigins × 120` forecasts (14,400), which 16 bits
    /// hold; the shares are summed in single precision, ample for an interval's ends.
    private struct WorkspaceCoverage: Sendable, Equatable {
        var count: UInt16 = 0
        var covered80: UInt16 = 0
        var covered90: UInt16 = 0
        var pitCovered80: Float = 0
        var pitCovered90: Float = 0

        /// Counts one usage forecast.
        mutating func add(_ usage: TargetForecast) {
            count += 1
            if usage.inBand80 { covered80 += 1 }
            if usage.inBand90 { covered90 += 1 }
            pitCovered80 += Float(usage.pitCoverage80)
            pitCovered90 += Float(usage.pitCoverage90)
        }
    }

    /// Nothing added yet, with room for the workspaces numbered `0 ..< workspaces` (room for
    /// others is made as they come).
    public init(models: [BacktestModel], horizon: Int, workspaces: Int = 0) {
        precondition(horizon >= 1, "a horizon of at least one month")
        self.models = models
        self.horizon = horizon
        let targets = BacktestTarget.allCases.count
        sums = Array(
            repeating: Array(repeating: Array(repeating: BacktestScore.Sums(), count: horizon + 1), count: targets), count: models.count)
        pitShares = Array(repeating: Array(repeating: Array(repeating: 0, count: Self.pitBins), count: targets), count: models.count)
        reliabilityTallies = Array(
            repeating: Array(repeating: ReliabilityBin.Tally(), count: BacktestEvent.allCases.count + 1), count: models.count)
        workspaceCoverage = Array(repeating: Array(repeating: WorkspaceCoverage(), count: max(0, workspaces)), count: models.count)
    }

    /// The tally of `records`, in their order, their workspaces numbered as they first come.
    public init(models: [BacktestModel], horizon: Int, records: [BacktestRecord]) {
        self.init(models: models, horizon: horizon)
        var numbers: [String: Int] = [:]
        for record in records {
            let workspace = numbers[record.workspace] ?? numbers.count
            numbers[record.workspace] = workspace
            add(record, workspace: workspace)
        }
    }

    /// Adds the next record of the run: one of `models`, its step within the horizon, of the
    /// workspace numbered `workspace` (0 or more, the same for every record of one workspace:
    /// its index in the history, say). A run has at most 65,535 records of one workspace and
    /// model (`BacktestSettings.maximumOrigins` origins of at most 120 steps: 14,400).
    public mutating func add(_ record: BacktestRecord, workspace: Int) {
        guard let model = models.firstIndex(of: record.model) else { preconditionFailure("a record of a model not scored") }
        precondition((1...horizon).contains(record.step), "a step within the horizon")
        precondition(workspace >= 0, "a workspace's number is 0 or more")
        count += 1
        if workspace >= workspaceCoverage[model].count {
            workspaceCoverage[model].append(
                contentsOf: repeatElement(WorkspaceCoverage(), count: workspace + 1 - workspaceCoverage[model].count))
        }
        precondition(workspaceCoverage[model][workspace].count < UInt16.max, "at most 65,535 records of one workspace and model")
        workspaceCoverage[model][workspace].add(record.forecast(of: .usage))
        for (target, kind) in BacktestTarget.allCases.enumerated() {
            let forecast = record.forecast(of: kind)
            sums[model][target][record.step].add(forecast)
            sums[model][target][record.step].addEvents(of: record)
            sums[model][target][0].add(forecast)
            if record.isLastStep { sums[model][target][0].addEvents(of: record) }
            Self.addPIT(forecast.pit, to: &pitShares[model][target])
        }
        guard record.isLastStep else { return }
        for (index, event) in BacktestEvent.allCases.enumerated() {
            reliabilityTallies[model][index].add(record.forecast(of: event))
        }
        for event in BacktestEvent.allCases { reliabilityTallies[model][BacktestEvent.allCases.count].add(record.forecast(of: event)) }
    }

    /// A PIT added to a histogram: a point to the part it falls in, a range spread over the parts
    /// it spans by the share of it inside each.
    private static func addPIT(_ pit: ClosedRange<Double>, to shares: inout [Double]) {
        let bins = shares.count
        if pit.lowerBound == pit.upperBound {
            shares[min(bins - 1, Int(pit.lowerBound * Double(bins)))] += 1
        } else {
            for bin in 0..<bins {
                shares[bin] += ScoringRules.pitCoverage(pit, band: Double(bin) / Double(bins)...Double(bin + 1) / Double(bins))
            }
        }
    }

    /// Scores per model and target: one per step that has records, then one for every step
    /// (`step == nil`).
    public var scores: [BacktestScore] {
        var scores: [BacktestScore] = []
        for (index, model) in models.enumerated() {
            for (target, kind) in BacktestTarget.allCases.enumerated() {
                let groups = sums[index][target]
                for step in 1...horizon where groups[step].count > 0 {
                    scores.append(groups[step].score(model: model, target: kind, step: step))
                }
                if groups[0].count > 0 { scores.append(groups[0].score(model: model, target: kind, step: nil)) }
            }
        }
        return scores
    }

    /// The every-step score of `model` on `target`; `nil` when it has no records.
    public func overallScore(of model: BacktestModel, target: BacktestTarget = .usage) -> BacktestScore? {
        guard let index = models.firstIndex(of: model) else { return nil }
        let group = sums[index][BacktestTarget.allCases.firstIndex(of: target)!][0]
        return group.count > 0 ? group.score(model: model, target: target, step: nil) : nil
    }

    /// Where the actuals fell among `model`'s trials of `target`: the share of forecasts whose
    /// PIT (`TargetForecast.pit`) lies in each tenth of 0…1, a range spread over the tenths it
    /// spans. Calibrated forecasts give every tenth the same share; too wide a band piles the
    /// shares in the middle, too narrow or biased a one at the ends. Empty when the model has no
    /// records.
    public func pitHistogram(of model: BacktestModel, target: BacktestTarget = .usage) -> [Double] {
        guard let index = models.firstIndex(of: model) else { return [] }
        let target = BacktestTarget.allCases.firstIndex(of: target)!
        let count = sums[index][target][0].count
        return count == 0 ? [] : pitShares[index][target].map { $0 / Double(count) }
    }

    /// The 90% interval of `model`'s usage coverage of `band`, the workspaces taken as the
    /// independent units (`CoverageInterval`): each forecast inside the band counted whole, or,
    /// `byProbability`, by the share of its probability inside (`TargetForecast.pitCoverage80`).
    /// `nil` when fewer than two workspaces have its forecasts.
    public func coverageInterval(of model: BacktestModel, band: CoverageInterval.Band, byProbability: Bool = false) -> CoverageInterval? {
        guard let index = models.firstIndex(of: model) else { return nil }
        let workspaces = workspaceCoverage[index]
        let inside = workspaces.map { workspace in
            switch (band, byProbability) {
            case (.central80, false): Double(workspace.covered80)
            case (.central90, false): Double(workspace.covered90)
            case (.central80, true): Double(workspace.pitCovered80)
            case (.central90, true): Double(workspace.pitCovered90)
            }
        }
        return CoverageInterval(inside: inside, counts: workspaces.map { Int($0.count) })
    }

    /// The reliability table (tenths) of `model`'s forecasts of `event` within the horizon.
    public func reliability(of model: BacktestModel, event: BacktestEvent) -> [ReliabilityBin] {
        guard let index = models.firstIndex(of: model) else { return ReliabilityBin.Tally().bins }
        return reliabilityTallies[index][BacktestEvent.allCases.firstIndex(of: event)!].bins
    }

    /// The reliability table (tenths) of `model`'s forecasts of every event within the horizon
    /// together.
    public func reliabilityOfEveryEvent(of model: BacktestModel) -> [ReliabilityBin] {
        guard let index = models.firstIndex(of: model) else { return ReliabilityBin.Tally().bins }
        return reliabilityTallies[index][BacktestEvent.allCases.count].bins
    }
}
