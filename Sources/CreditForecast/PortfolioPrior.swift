import CreditCore

/// What a portfolio's workspaces tell about each one: how trends spread (`TrendPrior`) and the
/// yearly pattern they share (`SeasonalProfile`). `SeatsUsageModel` weighs each workspace's own
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

    /// A prior with the given parts.
    public init(trend: TrendPrior, seasonality: SeasonalProfile) {
        self.trend = trend
        self.seasonality = seasonality
    }

    /// The prior of a workspace with no portfolio around it: `TrendPrior.standalone` and no
    /// seasonality.
    public static func standalone(_ parameters: SeatsModelParameters) -> PortfolioPrior {
        PortfolioPrior(trend: .standalone(parameters), seasonality: .none)
    }

    /// The prior estimated from every workspace of `history`: the seasonal profile from the
    /// workspaces' own trend lines, then the trend prior from their seasonally adjusted slopes.
    public static func estimate(from history: UsageHistory, parameters: SeatsModelParameters) -> PortfolioPrior {
        let raw = history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount) }
        let seasonality = SeasonalProfile.estimate(from: raw, firstMonth: history.firstMonth)
        let adjusted =
            seasonality.isNone
            ? raw : history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount, seasonality: seasonality) }
        return PortfolioPrior(trend: .estimate(from: adjusted, parameters: parameters), seasonality: seasonality)
    }
}
