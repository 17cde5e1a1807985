import CreditCore

/// What a portfolio's workspaces tell about each one: how trends spread (`TrendPrior`), the
/// yearly pattern they share (`SeasonalProfile`) and how far months stray from the trend line
/// through the months before them (the common factor's prior spread). `SeatsUsageModel` weighs each workspace's own
/// history against it.
///
/// Estimated from the history being forecast, so a workspace's forecast depends on the other
/// workspaces forecast with it through these few numbers (and only through them: its random
/// draws never do). A run states the prior it used, and passing that prior back
/// (`ForecastSettings.portfolioPrior`) reproduces a workspace's figures on its own.
public struct PortfolioPrior: Sendable, Equatable, Hashable {
    /// The spread of workspaces' trends.
    public var trend: TrendPrior
    /// The yearly pattern.
    public var seasonality: SeasonalProfile
    /// `σ₀`, the prior standard deviation of a month's log usage about a fixed level's trend
    /// line, which a workspace's own spread is weighed against (`factorSigma(lineErrorVariances:parameters:)`).
    public var factorSigma: Double
    /// How far the workspaces stood above or below their own trend lines together, month by
    /// month: the level a fixed level's forecast follows as far as its workspace moved with the
    /// others (`SharedLevel`).
    public var sharedDepartures: SharedDepartures

    /// A prior with the given parts.
    public init(
        trend: TrendPrior, seasonality: SeasonalProfile, factorSigma: Double, sharedDepartures: SharedDepartures = .none
    ) {
        self.trend = trend
        self.seasonality = seasonality
        self.factorSigma = factorSigma
        self.sharedDepartures = sharedDepartures
    }

    /// The prior of a workspace with no portfolio around it: `TrendPrior.standalone`, no
    /// seasonality and the common factor's standalone spread `commonFactorPriorSigma`.
    public static func standalone(_ parameters: SeatsModelParameters) -> PortfolioPrior {
        PortfolioPrior(trend: .standalone(parameters), seasonality: .none, factorSigma: parameters.commonFactorPriorSigma)
    }

    /// The prior estimated from every workspace of `history`: the seasonal profile from the
    /// workspaces' own trend lines, then the trend prior, the common factor's spread and the
    /// shared departures from their seasonally adjusted logs.
    public static func estimate(from history: UsageHistory, parameters: SeatsModelParameters) -> PortfolioPrior {
        let raw = history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount) }
        let seasonality = SeasonalProfile.estimate(
            from: raw, firstMonth: history.firstMonth, workingDays: parameters.workingDays, monthLength: parameters.monthLength)
        let adjusted =
            seasonality.isNone
            ? raw : history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount, seasonality: seasonality) }
        return PortfolioPrior(
            trend: .estimate(from: adjusted, parameters: parameters, unseenSeason: !seasonality.isMeasured), seasonality: seasonality,
            factorSigma: factorSigma(lineErrorVariances: adjusted.compactMap { lineErrorVariance(of: $0.logs) }, parameters: parameters),
            sharedDepartures: parameters.sharedLevel ? .measure(from: adjusted, monthCount: history.monthCount) : .none)
    }
}
