import CreditForecast

/// Which workspaces of a forecast get a balance chart.
///
/// A chart is a few kilobytes, and a portfolio of 100,000 workspaces wrote half a gigabyte of
/// them that no one opens: by default only the workspaces `report.md` shows get one.
public enum ChartSelection: String, Sendable, CaseIterable {
    /// The workspaces `report.md` details: the most urgent, up to its detail limit.
    case top
    /// Every workspace.
    case all
    /// No workspace.
    case none

    /// Per workspace of `workspaces` (by index), whether it gets a chart when `report.md`
    /// details the `detailLimit` most urgent.
    func charted(_ workspaces: [WorkspaceForecast], detailLimit: Int) -> [Bool] {
        switch self {
        case .all: return Array(repeating: true, count: workspaces.count)
        case .none: return Array(repeating: false, count: workspaces.count)
        case .top:
            var charted = Array(repeating: false, count: workspaces.count)
            for index in UrgencyRanking.order(workspaces).prefix(max(0, detailLimit)) { charted[index] = true }
            return charted
        }
    }

    /// How many of `count` workspaces get a chart when `report.md` details `detailLimit`.
    public func chartCount(workspaces count: Int, detailLimit: Int = ForecastReports.standardDetailLimit) -> Int {
        switch self {
        case .all: count
        case .none: 0
        case .top: min(count, max(0, detailLimit))
        }
    }
}
