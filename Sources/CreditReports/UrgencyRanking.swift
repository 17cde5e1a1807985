import CreditDecisions
import CreditForecast

/// The order in which a reader should look at a forecast's workspaces: the watchlist's, under
/// the standard thresholds (running short, then near the cap, then healthy; within each the
/// earlier month the event becomes likely, then the more money at stake), so the forecast's
/// summary and the watchlist never disagree and neither flips with Monte Carlo noise.
package enum UrgencyRanking {
    /// `workspaces`, most urgent first.
    static func sorted(_ workspaces: [WorkspaceForecast]) -> [WorkspaceForecast] {
        order(workspaces).map { workspaces[$0] }
    }

    /// The indices of `workspaces`, most urgent first; lets a caller keep what it holds per index
    /// (a chart path) with each workspace, even when two workspaces share a name.
    package static func order(_ workspaces: [WorkspaceForecast]) -> [Int] {
        Watchlist.order(of: workspaces)
    }
}
