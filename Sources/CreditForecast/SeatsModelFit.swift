/// What `SeatsUsageModel` estimated from one workspace's history for one reading of its level,
/// fixed or wandering (`SeatsUsageModel.fit`, `wanderingFit`), for reports and backtests.
public struct SeatsModelFit: Sendable, Equatable {
    /// `n`: months from the workspace's first month with data to the as-of month.
    public var months: Int
    /// `b̂`: the least-squares slope of seasonally adjusted log monthly usage per counted seat,
    /// per month.
    public var rawSlope: Double
    /// `b̃`: `b̂` weighed against the `TrendPrior` and clamped to `±maxSlope`; the slope the
    /// forecast uses before damping.
    public var slope: Double
    /// `s_b`: the standard deviation of the per-trial slope draw.
    public var slopeSpread: Double
    /// `σ_F`: the standard deviation of the log common factor, per month.
    public var commonFactorSigma: Double
    /// `σ_L`: the standard deviation of the per-trial log level draw.
    public var levelSigma: Double
    /// The log-variance of the monthly total that resampling seats alone explains, `ln(1 + cv²)`.
    public var resamplingLogVariance: Double
    /// Seats simulated (history seats plus pooled extra seats).
    public var seats: Int
    /// `ρ̃`: the shrunk lag-one autocorrelation of the log residuals, the share of the last
    /// month's departure that carries into the next.
    public var persistence: Double
    /// `g`: the log of the last month's usage per seat over the level the seat draws give.
    public var lastMonthGap: Double
    /// `α`: the local level's smoothing weight (0 without a local level).
    public var smoothing: Double
    /// `G`: the local level over the level the seat draws give, in logs; for a fixed level, the
    /// shared level's lift (`SharedLevel`; 0 without either).
    public var levelGap: Double
    /// `α·σ_N`: the standard deviation of the level's monthly step; for a fixed level, the
    /// shared level's `β·α_c·σ_c` (0 without either).
    public var levelWalkSigma: Double
    /// `π`: the share of forecast months that replay a past year's same calendar month
    /// (`CalendarReplay`; 0 without).
    public var replayShare: Double

    /// Creates a fit summary.
    public init(
        months: Int, rawSlope: Double, slope: Double, slopeSpread: Double, commonFactorSigma: Double,
        levelSigma: Double, resamplingLogVariance: Double, seats: Int, persistence: Double = 0, lastMonthGap: Double = 0,
        smoothing: Double = 0, levelGap: Double = 0, levelWalkSigma: Double = 0, replayShare: Double = 0
    ) {
        self.months = months
        self.rawSlope = rawSlope
        self.slope = slope
        self.slopeSpread = slopeSpread
        self.commonFactorSigma = commonFactorSigma
        self.levelSigma = levelSigma
        self.resamplingLogVariance = resamplingLogVariance
        self.seats = seats
        self.persistence = persistence
        self.lastMonthGap = lastMonthGap
        self.smoothing = smoothing
        self.levelGap = levelGap
        self.levelWalkSigma = levelWalkSigma
        self.replayShare = replayShare
    }
}
