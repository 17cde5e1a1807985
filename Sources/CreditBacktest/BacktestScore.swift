/// One model's scores on one target, at one step or over every step: means over every
/// (origin, workspace) forecast in the group.
public struct BacktestScore: Sendable, Equatable {
    /// The model.
    public var model: BacktestModel
    /// What was forecast.
    public var target: BacktestTarget
    /// Months after the origin; `nil` for every step together.
    public var step: Int?
    /// Forecasts scored.
    public var count: Int
    /// The share of actuals inside the P10–P90 band (nominal 0.8).
    public var coverage80: Double
    /// The share of actuals inside the P5–P95 band (nominal 0.9).
    public var coverage90: Double
    /// The P10–P90 band's coverage with a point mass counted by the share of its probability
    /// inside the band (`TargetForecast.pitCoverage80`; nominal 0.8): an idle month is inside
    /// any band whose low end is 0, but only part of its probability is.
    public var pitCoverage80: Double
    /// The P5–P95 band's, likewise (nominal 0.9).
    public var pitCoverage90: Double
    /// Mean pinball loss of the P10, in credits.
    public var pinballP10: Double
    /// Mean pinball loss of the P50, in credits (half the mean absolute error of the median).
    public var pinballP50: Double
    /// Mean pinball loss of the P90, in credits.
    public var pinballP90: Double
    /// Mean CRPS, in credits.
    public var crps: Double
    /// Mean weighted interval score of the five percentiles, in credits
    /// (`ScoringRules.weightedIntervalScore`).
    public var weightedIntervalScore: Double
    /// Mean of P50 − actual, in credits: positive when the model forecasts too high.
    public var bias: Double
    /// Brier score of "a cap hit within `step` months" (within the horizon for `step == nil`).
    public var brierCapHit: Double
    /// Brier score of "a shortfall within `step` months" (within the horizon for `step == nil`).
    public var brierShortfall: Double

    /// The scores of `records` (all of one model; not empty) on `target`, labelled `step`. The
    /// event scores use `eventRecords`: the same records for one step, the last step of each
    /// origin for all steps.
    public init(model: BacktestModel, target: BacktestTarget, step: Int?, records: [BacktestRecord], eventRecords: [BacktestRecord]) {
        self.model = model
        self.target = target
        self.step = step
        count = records.count
        let n = Double(max(1, records.count))
        var covered80 = 0
        var covered90 = 0
        var pitCovered80 = 0.0
        var pitCovered90 = 0.0
        var p10 = 0.0
        var p50 = 0.0
        var p90 = 0.0
        var crps = 0.0
        var interval = 0.0
        var bias = 0.0
        for record in records {
            let forecast = record.forecast(of: target)
            if forecast.inBand80 { covered80 += 1 }
            if forecast.inBand90 { covered90 += 1 }
            pitCovered80 += forecast.pitCoverage80
            pitCovered90 += forecast.pitCoverage90
            p10 += forecast.pinball(level: 10)
            p50 += forecast.pinball(level: 50)
            p90 += forecast.pinball(level: 90)
            crps += forecast.crps
            interval += forecast.weightedIntervalScore
            bias += Double(forecast.quantiles.p50 - forecast.actual)
        }
        coverage80 = Double(covered80) / n
        coverage90 = Double(covered90) / n
        pitCoverage80 = pitCovered80 / n
        pitCoverage90 = pitCovered90 / n
        pinballP10 = p10 / n
        pinballP50 = p50 / n
        pinballP90 = p90 / n
        self.crps = crps / n
        weightedIntervalScore = interval / n
        self.bias = bias / n
        let events = Double(max(1, eventRecords.count))
        brierCapHit = eventRecords.reduce(0) { $0 + $1.capHit.brier } / events
        brierShortfall = eventRecords.reduce(0) { $0 + $1.shortfall.brier } / events
    }
}
