/// The tunable constants of `SeatsUsageModel` (see its documentation for the equations), kept
/// together so a backtest can search over them.
public struct SeatsModelParameters: Sendable, Equatable, Hashable {
    /// Half-life, in months, of the recency weight `w = 2^(−age/halfLife)` of a seat's own months;
    /// `nil` weighs every month since the seat joined equally. Recency lets a seat that went idle
    /// (or left without a row) stay mostly idle.
    public var recencyHalfLife: Double?
    /// `κ` in the seat's own-history weight `m/(m + κ)`; the rest of a seat's draws come from the
    /// pooled distribution of all seats' months relative to their seats' means, times its own
    /// mean, so a seat with one month of history is not pinned to it.
    public var pooledPriorMonths: Double
    /// `τ₀`, the standard deviation of the trend prior of a workspace forecast on its own, in
    /// log-credits per month (see `TrendPrior`).
    public var trendPriorSigma: Double
    /// `k₀`, the weight of that prior, in workspaces, when a prior is estimated across a
    /// portfolio.
    public var trendPriorWorkspaces: Double
    /// `k_σ`, the weight of the common factor's standalone `σ_s`, in workspaces, in the fixed
    /// level's prior spread `σ₀` learnt across a portfolio (`PortfolioPrior.factorSigma`). Each
    /// workspace's errors are measured over many months, so their median is known far better
    /// than one workspace's slope: flights' eleven airlines (3–11 months each) stray 6% from
    /// their lines, and at a weight of 10 `σ₀` was 12.4%, the band twice as wide as the months
    /// moved (WIS 1.09× the best peer's; 0.95× at 2, 0.93× at 1).
    public var factorPriorWorkspaces: Double
    /// `φ`, the damping of the trend per month ahead (damped-trend exponential smoothing).
    public var trendDamping: Double
    /// The largest trend allowed, in log-credits per month (0.1 ≈ 10.5% a month), and the largest
    /// spread of the per-trial slope.
    public var maxSlope: Double
    /// `A`, the amplitude (log scale) of the yearly season a history under a year may hide: its
    /// slope's sampling variance gains `TrendEstimate.seasonAliasVariance`, so a line through a
    /// few months of a season is not extrapolated as growth. Used only where the portfolio could
    /// not measure a season (`SeasonalProfile.isMeasured`); 0 turns it off. Flights' WIS was
    /// 1.33× the best peer's at 0.05, 1.22× at 0.1 and at 0.2 (before the seat draws were drawn in).
    public var unseenSeasonAmplitude: Double
    /// `σ_s`, the prior standard deviation of the log common factor of a workspace forecast on
    /// its own (and of the local level's noise); across a portfolio, the fixed level's prior `σ₀`
    /// blends it with the workspaces' errors about their trend lines (`PortfolioPrior.factorSigma`).
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
    /// `k_ρ` in the shrinkage `n/(n + k_ρ)` of the residuals' lag-one autocorrelation toward 0.
    public var persistenceShrinkMonths: Double
    /// The largest persistence `ρ̃` used: how much of the last month's departure from the
    /// model's level carries into the next month (0 turns the carry-over off).
    public var maxPersistence: Double
    /// Whether a share of trials, the Akaike weight of a wandering level against a fixed one,
    /// take the workspace's level and monthly spread from simple exponential smoothing of its
    /// history (`LocalLevel`): there the forecast starts from where the series stands, its spread
    /// grows with the horizon as the level's innovations say, and the carry-over is not used.
    /// `false` gives every trial the fixed level, its spread from the residuals about the trend
    /// line.
    public var localLevel: Bool
    /// Whether a workspace whose level is fixed, with two years of history or more, replays past
    /// years' same calendar months for the share of forecast months that would have forecast
    /// its history best (`CalendarReplay`): usage that comes in a season and stops outside it
    /// keeps its idle months and its seats' bursting together.
    public var calendarReplay: Bool
    /// Whether the portfolio's season measures how usage follows a month's weekdays
    /// (`SeasonalProfile.workingDayElasticity`), kept where it stands out of its noise.
    public var workingDays: Bool
    /// Whether a portfolio whose season cannot be measured measures how usage follows a month's
    /// days (`SeasonalProfile.monthLengthElasticity`), kept where it stands out of its noise.
    public var monthLength: Bool
    /// Whether a fixed level follows the level the portfolio's workspaces share beyond their own
    /// lines, as far as its workspace moved with the others (`SharedLevel`).
    public var sharedLevel: Bool

    /// Parameters with the given values; the defaults are `standard`.
    public init(
        recencyHalfLife: Double? = 24, pooledPriorMonths: Double = 1, trendPriorSigma: Double = 0.005,
        trendPriorWorkspaces: Double = 10, factorPriorWorkspaces: Double = 2, trendDamping: Double = 0.95, maxSlope: Double = 0.1,
        unseenSeasonAmplitude: Double = 0.1,
        commonFactorPriorSigma: Double = 0.25,
        commonFactorPriorMonths: Double = 2, parameterUncertainty: Double = 1,
        jitterBelowMonths: Int = 6, jitterSigma: Double = 0.3, persistenceShrinkMonths: Double = 6,
        maxPersistence: Double = 0.9, localLevel: Bool = true, calendarReplay: Bool = true, workingDays: Bool = true,
        monthLength: Bool = true, sharedLevel: Bool = true
    ) {
        self.recencyHalfLife = recencyHalfLife
        self.pooledPriorMonths = pooledPriorMonths
        self.trendPriorSigma = trendPriorSigma
        self.trendPriorWorkspaces = trendPriorWorkspaces
        self.factorPriorWorkspaces = factorPriorWorkspaces
        self.trendDamping = trendDamping
        self.maxSlope = maxSlope
        self.unseenSeasonAmplitude = unseenSeasonAmplitude
        self.commonFactorPriorSigma = commonFactorPriorSigma
        self.commonFactorPriorMonths = commonFactorPriorMonths
        self.parameterUncertainty = parameterUncertainty
        self.jitterBelowMonths = jitterBelowMonths
        self.jitterSigma = jitterSigma
        self.persistenceShrinkMonths = persistenceShrinkMonths
        self.maxPersistence = maxPersistence
        self.localLevel = localLevel
        self.calendarReplay = calendarReplay
        self.workingDays = workingDays
        self.monthLength = monthLength
        self.sharedLevel = sharedLevel
    }

    /// The defaults: half-life 24, κ 1, a standalone trend prior of ±0.5% a month weighted as 10
    /// workspaces, the standalone common factor weighted as 2, φ 0.95, slope ≤ 0.1, an unseen
    /// season of amplitude 0.1, σ₀ 0.25 with weight 2 months, full parameter uncertainty, jitter
    /// 0.3/√m below 6 months, persistence shrunk by `n/(n+6)` and at most 0.9, the local level, the
    /// calendar replay, the working days, the month length and the shared level on.
    /// Chosen by `creditcast-bench calibration` (rolling-origin backtests of the bundled samples
    /// and of generated portfolios, checked on other seeds).
    public static let standard = SeatsModelParameters()

    /// Resampling each seat's own months uniformly with no prior: no recency weight, no pooling,
    /// no prior on the common factor (only the history's excess spread sets it), no parameter
    /// uncertainty, no jitter, no carry-over of the last month, no local level, no calendar
    /// replay, no working days, no month length, no shared level. A history whose every seat used
    /// the same every month then forecasts exactly that usage.
    public static let resamplingOnly = SeatsModelParameters(
        recencyHalfLife: nil, pooledPriorMonths: 0, commonFactorPriorSigma: 0, commonFactorPriorMonths: 1,
        parameterUncertainty: 0, jitterBelowMonths: 0, jitterSigma: 0, maxPersistence: 0, localLevel: false,
        calendarReplay: false, workingDays: false, monthLength: false, sharedLevel: false
    )
}
