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

    /// A score with the given values (`Sums.score` makes them).
    init(
        model: BacktestModel, target: BacktestTarget, step: Int?, count: Int, coverage80: Double, coverage90: Double,
        pitCoverage80: Double, pitCoverage90: Double, pinballP10: Double, pinballP50: Double, pinballP90: Double, crps: Double,
        weightedIntervalScore: Double, bias: Double, brierCapHit: Double, brierShortfall: Double
    ) {
        self.model = model
        self.target = target
        self.step = step
        self.count = count
        self.coverage80 = coverage80
        self.coverage90 = coverage90
        self.pitCoverage80 = pitCoverage80
        self.pitCoverage90 = pitCoverage90
        self.pinballP10 = pinballP10
        self.pinballP50 = pinballP50
        self.pinballP90 = pinballP90
        self.crps = crps
        self.weightedIntervalScore = weightedIntervalScore
        self.bias = bias
        self.brierCapHit = brierCapHit
        self.brierShortfall = brierShortfall
    }

    /// The scores of `records` (all of one model; not empty) on `target`, labelled `step`. The
    /// event scores use `eventRecords`: the same records for one step, the last step of each
    /// origin for all steps.
    public init(model: BacktestModel, target: BacktestTarget, step: Int?, records: [BacktestRecord], eventRecords: [BacktestRecord]) {
        var sums = Sums()
        for record in records { sums.add(record.forecast(of: target)) }
        for record in eventRecords { sums.addEvents(of: record) }
        self = sums.score(model: model, target: target, step: step)
    }
}
