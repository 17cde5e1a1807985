/// The proper scoring rules and interval checks a backtest applies, each a pure function of a
/// forecast and what happened.
///
/// Lower is better for every score. Quantiles of a sample are nearest-rank, as in the forecast's
/// reports (`Percentiles.nearestRank(percent:count:)`).
public enum ScoringRules {
    /// The continuous ranked probability score of the empirical distribution of `sorted` (sorted
    /// ascending, not empty) against `observation`:
    ///
    ///     CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx = E|X − y| − ½·E|X − X′|
    ///
    /// For a sample `x₍₁₎ ≤ … ≤ x₍ₙ₎` this is exactly
    /// `(1/n)·Σ|xᵢ − y| − (1/n²)·Σ (2i − n − 1)·x₍ᵢ₎`: the `n²` pairs of `E|X − X′|` collapse to one
    /// weighted sum over the sorted values, so the score costs a sort, not `n²` work. It is in the
    /// forecast's own unit (credits) and, for a point forecast, equals the absolute error.
    public static func crps<Sample: RandomAccessCollection>(sorted sample: Sample, observation: Double) -> Double
    where Sample.Element == Double {
        let n = Double(sample.count)
        precondition(n > 0, "CRPS of an empty sample")
        var absolute = 0.0
        var spread = 0.0
        var rank = 1.0
        for value in sample {
            absolute += abs(value - observation)
            spread += (2 * rank - n - 1) * value
            rank += 1
        }
        return absolute / n - spread / (n * n)
    }

    /// The pinball (quantile) loss of `quantile`, forecast as the `level` quantile (0 … 1), when
    /// `observation` happened: `level·(y − q)` when `y ≥ q`, else `(1 − level)·(q − y)`. Its mean is
    /// smallest when `q` is the true `level` quantile.
    public static func pinball(quantile: Double, level: Double, observation: Double) -> Double {
        observation >= quantile ? level * (observation - quantile) : (1 - level) * (quantile - observation)
    }

    /// The weighted interval score of a median and the 80% and 90% bands around it, from the five
    /// percentiles P5, P10, P50, P90, P95: `0.4 × Σ pinball` over those levels, which is
    /// `(½·|y − m| + 0.1/2·IS₈₀ + 0.05/2·IS₉₀)/2.5` in the interval-score form. Any model that
    /// gives the five percentiles (statsforecast's peers in `Benchmarks/real-data` do) is scored
    /// by the same formula.
    public static func weightedIntervalScore(
        p5: Double, p10: Double, p50: Double, p90: Double, p95: Double, observation: Double
    ) -> Double {
        let levels = [(p5, 0.05), (p10, 0.1), (p50, 0.5), (p90, 0.9), (p95, 0.95)]
        return 0.4 * levels.reduce(0) { $0 + pinball(quantile: $1.0, level: $1.1, observation: observation) }
    }

    /// The Brier score of a probability forecast: `(p − o)²` with `o` 1 if the event happened.
    public static func brier(probability: Double, happened: Bool) -> Double {
        let outcome = happened ? 1.0 : 0.0
        return (probability - outcome) * (probability - outcome)
    }

    /// The probability integral transform of `observation` under the empirical distribution of
    /// `sorted` (sorted ascending, not empty): `F(y−)…F(y)`, the share of the sample below the
    /// observation to the share at or below it. A forecast of whole credits has point masses (an
    /// idle month's zero, a steady seat's usage), so the transform is a range, not a point; for a
    /// calibrated forecast a point drawn uniformly from it is uniform on 0…1 (Czado, Gneiting and
    /// Held, "Predictive model assessment for count data", 2009). Two binary searches: a backtest
    /// takes it for every target, of a thousand trials each.
    public static func pit<Sample: RandomAccessCollection>(sorted sample: Sample, observation: Double) -> ClosedRange<Double>
    where Sample.Element == Double {
        let n = Double(sample.count)
        precondition(n > 0, "PIT of an empty sample")
        /// How many leading values of `sample` satisfy `isLeading` (true up to a point, then false).
        func leadingCount(_ isLeading: (Double) -> Bool) -> Int {
            var low = sample.startIndex
            var count = sample.count
            while count > 0 {
                let half = count / 2
                let middle = sample.index(low, offsetBy: half)
                if isLeading(sample[middle]) {
                    low = sample.index(after: middle)
                    count -= half + 1
                } else {
                    count = half
                }
            }
            return sample.distance(from: sample.startIndex, to: low)
        }
        return Double(leadingCount { $0 < observation }) / n...Double(leadingCount { $0 <= observation }) / n
    }

    /// The share of the PIT range `pit` that lies in `band` (levels 0…1): the probability that a
    /// point drawn uniformly from `pit` falls in the band, or whether the point does when the
    /// range is one. This is the band's coverage that counts a point mass by the part of its
    /// probability inside the band: an idle month forecast idle with probability 0.5 is covered
    /// by the P10–P90 band with weight 0.8, not 1, though the band's low end is 0. Its mean over
    /// forecasts is the band's nominal level when the forecasts are calibrated, point masses or
    /// not; where there are none it agrees with the plain coverage to one trial's share.
    public static func pitCoverage(_ pit: ClosedRange<Double>, band: ClosedRange<Double>) -> Double {
        let width = pit.upperBound - pit.lowerBound
        guard width > 0 else { return band.contains(pit.lowerBound) ? 1 : 0 }
        let overlap = min(pit.upperBound, band.upperBound) - max(pit.lowerBound, band.lowerBound)
        return max(0, overlap) / width
    }

    /// Whether `observation` lies in the closed interval `[lower, upper]`. Closed, because usage
    /// and balances are whole credits with point masses (zero, the cap) that a band may sit on.
    public static func covers(lower: Int, upper: Int, observation: Int) -> Bool {
        lower <= observation && observation <= upper
    }
}
