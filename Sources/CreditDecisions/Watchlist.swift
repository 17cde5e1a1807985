import CreditCore
import CreditForecast

/// Every workspace of a forecast ranked by the action it needs, for customer success.
///
/// Order: running short, then near the cap, then healthy; within a status the earlier month the
/// event becomes likely first (a workspace where it never does, last), then the more at stake
/// in the window (expected shortfall credits for running short, expected forfeited credits near
/// the cap), then the higher chance, then the name, then the run's own order. Months and money
/// lead because they hardly move with Monte Carlo noise, where chances a point apart would
/// swap from seed to seed; a $51k problem is never put after a $6k one for its name.
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
        self.init(entries: workspaces.map { WatchlistEntry($0, thresholds: thresholds) }, thresholds: thresholds)
    }

    /// The watchlist of entries made under `thresholds` (`WatchlistEntry.init(_:thresholds:)`),
    /// one per workspace in the run's order: a run that keeps only its workspaces' entries, not
    /// their months, ranks them so.
    package init(entries unranked: [WatchlistEntry], thresholds: WatchlistThresholds) {
        self.thresholds = thresholds
        entries = Self.order(unranked).enumerated().map { rank, index in
            var entry = unranked[index]
            entry.rank = rank + 1
            return entry
        }
    }

    /// The indices of `workspaces` in watchlist order under `thresholds`, most urgent first (the
    /// forecast's summary lists workspaces the same way).
    public static func order(of workspaces: [WorkspaceForecast], thresholds: WatchlistThresholds = .standard) -> [Int] {
        order(workspaces.map { WatchlistEntry($0, thresholds: thresholds) })
    }

    /// The indices of `entries`, most urgent first.
    package static func order(_ entries: [WatchlistEntry]) -> [Int] {
        entries.indices.sorted { precedes(entries[$0], $0, entries[$1], $1) }
    }

    /// Whether `lhs`, the entry of the run's workspace `left`, comes before `rhs`, of workspace
    /// `right`: a strict total order (the run's own order breaks the last tie), so the most
    /// urgent few can be kept as workspaces arrive and come out as a sort of all of them would.
    package static func precedes(_ lhs: WatchlistEntry, _ left: Int, _ rhs: WatchlistEntry, _ right: Int) -> Bool {
        if lhs.status != rhs.status { return lhs.status < rhs.status }
        if lhs.actionBy != rhs.actionBy {
            guard let leftBy = lhs.actionBy else { return false }
            guard let rightBy = rhs.actionBy else { return true }
            return leftBy < rightBy
        }
        if lhs.moneyAtStake != rhs.moneyAtStake { return lhs.moneyAtStake > rhs.moneyAtStake }
        if lhs.urgency != rhs.urgency { return lhs.urgency > rhs.urgency }
        if lhs.workspace != rhs.workspace { return lhs.workspace < rhs.workspace }
        return left < right
    }

    /// How many entries have `status`.
    public func count(_ status: WatchlistStatus) -> Int {
        entries.count { $0.status == status }
    }
}
