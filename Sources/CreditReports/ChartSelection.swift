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

    /// Per workspace (by index), whether it gets a chart when `report.md` details the
    /// `detailLimit` most urgent; `order` is every workspace's index, most urgent first.
    func charted(order: [Int], detailLimit: Int) -> [Bool] {
        switch self {
        case .all: return Array(repeating: true, count: order.count)
        case .none: return Array(repeating: false, count: order.count)
        case .top:
            var charted = Array(repeating: false, count: order.count)
            for index in order.prefix(max(0, detailLimit)) { charted[index] = true }
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
