/// The tunable constants of `SeatsUsageModel` (see its documentation for the equations), kept
/// together so a backtest can search over them.
public struct SeatsModelParameters: Sendable, Equatable, Hashable {
    /// Half-life, in months, of the recency weight `w = 2^(−age/halfLife)` of a seat's own months;
    /// `nil` weighs every month since the seat joined equally. Recency lets a seat that went idle
    /// (or left without a row) stay mostly idle.
    public var recencyHalfLife: Double?
    /// `κ` in the seat's own-history weight `m/(m + κ)`; the rest of a seat's draws come from the
    /// pooled distribution of all seats, so a seat with one month of history is not pinned to it.
    public var pooledPriorMonths: Double
    /// `k` in the trend shrinkage `n/(n + k)` toward a flat trend.
    public var trendShrinkMonths: Double
    /// `φ`, the damping of the trend per month ahead (damped-trend exponential smoothing).
    public var trendDamping: Double
    /// The largest trend allowed, in log-credits per month (0.1 ≈ 10.5% a month), and the largest
    /// spread of the per-trial slope.
    public var maxSlope: Double
    /// `σ₀`, the prior standard deviation of the log common factor.
    public var commonFactorPriorSigma: Double
    /// `k₀`, the prior's weight in months (pseudo-observations) when estimating the common factor.
    public var commonFactorPriorMonths: Double
    /// Scales the parameter uncertainty terms (the per-trial level and slope draws); 0 turns
    /// them off.
    public var parameterUncertainty: Double
    /// Seats with fewer months of history than this get a per-seat lognormal jitter.
    public var jitterBelowMonths: Int
    /// `σⱼ` for a seat with one month; a seat with `m` months gets `σⱼ/√m`.
    public var jitterSigma: Double

    /// Parameters with the given values; the defaults are `standard`.
    public init(
        recencyHalfLife: Double? = 12, pooledPriorMonths: Double = 1, trendShrinkMonths: Double = 6,
        trendDamping: Double = 0.8, maxSlope: Double = 0.1, commonFactorPriorSigma: Double = 0.3,
        commonFactorPriorMonths: Double = 3, parameterUncertainty: Double = 1,
        jitterBelowMonths: Int = 6, jitterSigma: Double = 0.3
    ) {
        self.recencyHalfLife = recencyHalfLife
        self.pooledPriorMonths = pooledPriorMonths
        self.trendShrinkMonths = trendShrinkMonths
        self.trendDamping = trendDamping
        self.maxSlope = maxSlope
        self.commonFactorPriorSigma = commonFactorPriorSigma
        self.commonFactorPriorMonths = commonFactorPriorMonths
        self.parameterUncertainty = parameterUncertainty
        self.jitterBelowMonths = jitterBelowMonths
        self.jitterSigma = jitterSigma
    }

    /// The defaults: half-life 12, κ 1, k 6, φ 0.8, slope ≤ 0.1, σ₀ 0.3 with weight 3 months,
    /// full parameter uncertainty, jitter 0.3/√m below 6 months.
    public static let standard = SeatsModelParameters()

    /// Resampling each seat's own months uniformly with no prior: no recency weight, no pooling,
    /// no prior on the common factor (only the history's excess spread sets it), no parameter
    /// uncertainty, no jitter. A history whose every seat used the same every month then
    /// forecasts exactly that usage.
    public static let resamplingOnly = SeatsModelParameters(
        recencyHalfLife: nil, pooledPriorMonths: 0, commonFactorPriorSigma: 0, commonFactorPriorMonths: 1,
        parameterUncertainty: 0, jitterBelowMonths: 0, jitterSigma: 0
    )
}
