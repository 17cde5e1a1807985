import CreditCore
import CreditForecast

/// Every workspace of a forecast ranked by the action it needs, for customer success.
///
/// Order: running short, then near the cap, then healthy; within a status the higher chance (in
/// the thresholds' window) first, then the earlier month it becomes likely, then the name, then
/// the run's own order, so the ranking is total and the same from run to run.
public struct Watchlist: Sendable, Equatable {
    /// The thresholds applied.
    public var thresholds: WatchlistThresholds
    /// The entries, most urgent first, ranked from 1.
    public var entries: [WatchlistEntry]

    /// The watchlist of `run` under `thresholds`.
    public init(run: ForecastRun, thresholds: WatchlistThresholds = .standard) {
        self.init(workspaces: run.workspaces, thresholds: thresholds)
    }

    /// The watchlist of `workspaces` under `thresholds`.
    public init(workspaces: [WorkspaceForecast], thresholds: WatchlistThresholds = .standard) {
        self.thresholds = thresholds
        let unranked = workspaces.map { WatchlistEntry($0, thresholds: thresholds) }
        let order = unranked.indices.sorted { left, right in
            let lhs = unranked[left]
            let rhs = unranked[right]
            if lhs.status != rhs.status { return lhs.status < rhs.status }
            if lhs.urgency != rhs.urgency { return lhs.urgency > rhs.urgency }
            if lhs.actionBy != rhs.actionBy {
                guard let leftBy = lhs.actionBy else { return false }
                guard let rightBy = rhs.actionBy else { return true }
                return leftBy < rightBy
            }
            if lhs.workspace != rhs.workspace { return lhs.workspace < rhs.workspace }
            return left < right
        }
        entries = order.enumerated().map { rank, index in
            var entry = unranked[index]
            entry.rank = rank + 1
            return entry
        }
    }

    /// How many entries have `status`.
    public func count(_ status: WatchlistStatus) -> Int {
        entries.count { $0.status == status }
    }
}
