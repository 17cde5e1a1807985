import CreditForecast

/// One forecast quantity (a month's usage, or the pool's closing balance) from one origin, set
/// against what happened.
public struct TargetForecast: Sendable, Equatable {
    /// What happened: the month's real usage, or the balance the ledger gives on real usage.
    public var actual: Int
    /// The nearest-rank P5, P10, P50, P90 and P95 of the trials.
    public var quantiles: Percentiles
    /// The mean of the trials.
    public var mean: Double
    /// The CRPS of the trials against `actual`, in credits (`ScoringRules.crps`).
    public var crps: Double
    /// Where `actual` fell among the trials: the share below it to the share at or below it
    /// (`ScoringRules.pit`).
    public var pit: ClosedRange<Double>

    /// A scored forecast with the given values.
    public init(actual: Int, quantiles: Percentiles, mean: Double, crps: Double, pit: ClosedRange<Double>) {
        self.actual = actual
        self.quantiles = quantiles
        self.mean = mean
        self.crps = crps
        self.pit = pit
    }

    /// Scores the trials `sorted` (ascending, not empty) against `actual`.
    public init<Sample: RandomAccessCollection>(sorted: Sample, actual: Int) where Sample.Element == Double, Sample.Index == Int {
        let count = sorted.count
        func rank(_ percent: Int) -> Int {
            Int(sorted[sorted.startIndex + Percentiles.nearestRank(percent: percent, count: count) - 1])
        }
        self.init(
            actual: actual, quantiles: Percentiles(p5: rank(5), p10: rank(10), p50: rank(50), p90: rank(90), p95: rank(95)),
            mean: sorted.reduce(0, +) / Double(count), crps: ScoringRules.crps(sorted: sorted, observation: Double(actual)),
            pit: ScoringRules.pit(sorted: sorted, observation: Double(actual))
        )
    }

    /// Whether `actual` is inside the P10–P90 band.
    public var inBand80: Bool { ScoringRules.covers(lower: quantiles.p10, upper: quantiles.p90, observation: actual) }
    /// Whether `actual` is inside the P5–P95 band.
    public var inBand90: Bool { ScoringRules.covers(lower: quantiles.p5, upper: quantiles.p95, observation: actual) }

    /// The P10–P90 band's coverage with point masses counted by their probability inside it
    /// (`ScoringRules.pitCoverage`).
    public var pitCoverage80: Double { ScoringRules.pitCoverage(pit, band: 0.1...0.9) }
    /// The P5–P95 band's, likewise.
    public var pitCoverage90: Double { ScoringRules.pitCoverage(pit, band: 0.05...0.95) }

    /// The weighted interval score of the five percentiles against `actual`
    /// (`ScoringRules.weightedIntervalScore`).
    public var weightedIntervalScore: Double {
        ScoringRules.weightedIntervalScore(
            p5: Double(quantiles.p5), p10: Double(quantiles.p10), p50: Double(quantiles.p50), p90: Double(quantiles.p90),
            p95: Double(quantiles.p95), observation: Double(actual))
    }

    /// The pinball loss of the P10, P50 or P90 (`level` 10, 50 or 90).
    public func pinball(level: Int) -> Double {
        let quantile =
            switch level {
            case 10: quantiles.p10
            case 50: quantiles.p50
            case 90: quantiles.p90
            default: preconditionFailure("pinball loss is kept for P10, P50 and P90")
            }
        return ScoringRules.pinball(quantile: Double(quantile), level: Double(level) / 100, observation: Double(actual))
    }
}
