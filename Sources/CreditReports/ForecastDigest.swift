import CreditDecisions
import CreditForecast

/// A forecast's workspaces taken in the run's order as they are summarised (a single run's
/// batches, or a merge's shard lines) and reduced at once to what its reports keep, so that
/// memory holds the reported summary, not every month of every workspace.
///
/// Of each workspace it keeps the forecast without its months (what `summary.csv`, the summary
/// tables and `annual.csv` show) and its watchlist entry (what ranks it); `forecast.csv`'s rows
/// of its months go to a `RecordSpool` as it arrives. Months are kept only where a report shows
/// them: the most urgent workspaces' (`report.md`'s details, their charts and workbook sheets,
/// kept as the run goes by the watchlist's total order, so they are a sort's first few), or every
/// workspace's when every one gets a chart. The reports rendered from a digest are those of the
/// whole run byte for byte.
///
/// Fed on one thread (the command's, between batches), hence unchecked.
public final class ForecastDigest: @unchecked Sendable {
    /// Whose months a digest keeps.
    public enum Months: Sendable, Equatable {
        /// Every workspace's.
        case all
        /// The `count` most urgent workspaces' (by the standard thresholds' ranking).
        case mostUrgent(Int)
        /// None: a watchlist ranks by its entries alone.
        case none
    }

    /// The thresholds the entries are made under.
    public let thresholds: WatchlistThresholds
    /// Whose months are kept.
    public let months: Months
    /// Every workspace so far, in the run's order; months only where `months` keeps them.
    public private(set) var workspaces: [WorkspaceForecast] = []
    /// Every workspace's watchlist entry under `thresholds`, in the run's order, unranked.
    package private(set) var entries: [WatchlistEntry] = []
    /// `forecast.csv`'s rows so far; `nil` when the digest spools none (a watchlist).
    package let rows: RecordSpool?
    /// The workspaces holding their months under `.mostUrgent`, most urgent first.
    private var urgent: [Int] = []
    /// `order`, once asked for (a million workspaces take a second to sort).
    private var ranked: [Int]?

    /// An empty digest: entries under `thresholds`, `months` kept, `forecast.csv`'s rows spooled
    /// when `spoolsRows`.
    /// - Throws: `ReportWriteError` when the spool cannot be made in the temporary directory.
    public init(thresholds: WatchlistThresholds = .standard, months: Months, spoolsRows: Bool) throws(ReportWriteError) {
        self.thresholds = thresholds
        self.months = months
        rows = spoolsRows ? try RecordSpool() : nil
    }

    /// The digest of a forecast's reports: standard thresholds (the urgency order), rows
    /// spooled, and months kept for the workspaces `charts` and `report.md`'s `detailLimit` show.
    public convenience init(
        forecastCharting charts: ChartSelection, detailLimit: Int = ForecastReports.standardDetailLimit
    ) throws(ReportWriteError) {
        try self.init(months: charts == .all ? .all : .mostUrgent(max(0, detailLimit)), spoolsRows: true)
    }

    /// Takes the next workspaces of the run, in its order.
    /// - Throws: `ReportWriteError` when the spool cannot be written (a full disk).
    public func append(contentsOf batch: [WorkspaceForecast]) throws(ReportWriteError) {
        for workspace in batch { try append(workspace) }
    }

    /// Takes the next workspace of the run.
    /// - Throws: `ReportWriteError` when the spool cannot be written (a full disk).
    public func append(_ workspace: WorkspaceForecast) throws(ReportWriteError) {
        if let rows { try ForecastCSV.forecastRows(of: workspace, rows.append) }
        ranked = nil
        let index = workspaces.count
        let entry = WatchlistEntry(workspace, thresholds: thresholds)
        entries.append(entry)
        var kept = workspace
        switch months {
        case .all: break
        case .none: Self.dropMonths(of: &kept)
        case let .mostUrgent(count):
            let place = urgent.firstIndex { Watchlist.precedes(entry, index, entries[$0], $0) } ?? urgent.count
            if place < count {
                urgent.insert(index, at: place)
                if urgent.count > count { Self.dropMonths(of: &workspaces[urgent.removeLast()]) }
            } else {
                Self.dropMonths(of: &kept)
            }
        }
        workspaces.append(kept)
    }

    /// Leaves `workspace` its summary: its forecast months and the history months its chart
    /// draws go, as no report of a workspace without months shows them.
    private static func dropMonths(of workspace: inout WorkspaceForecast) {
        workspace.months = []
        workspace.recentUsage = []
        workspace.recentClosing = []
    }

    /// The indices of the workspaces, most urgent first under `thresholds` (`Watchlist.order`).
    package var order: [Int] {
        if let ranked { return ranked }
        let order = Watchlist.order(entries)
        ranked = order
        return order
    }
}
