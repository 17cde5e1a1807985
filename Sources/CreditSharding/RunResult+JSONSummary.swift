import CreditCore
import CreditReports

extension RunResult {
    /// What the command prints with `--format json`, on one line: the run (command, as-of month,
    /// input hash, workspaces, where the reports are) and the first `limit` rows of its main table
    /// in the order the text summary lists them, keyed by the CSV file's columns — a forecast's
    /// `summary.csv` most urgent first, a watchlist's `watchlist.csv`, a renewal's
    /// `renew-summary.csv`.
    public func summaryJSON(reportDirectory: String, limit: Int = 20) -> String {
        let table: CSVTable?
        var order: [Int]?
        switch kind {
        case .forecast:
            let run = forecastReports.run
            table = ForecastCSV.summary(run)
            order = UrgencyRanking.order(run.workspaces)
        case .watchlist:
            table = watchlistReports?.csv
        case .renew:
            table = renewReports?.summaryCSV
        }
        let rows = table.map { $0.jsonRows(order: Array((order ?? Array($0.rows.indices)).prefix(limit))) } ?? .array([])
        return JSONValue.object([
            ("command", .string(kind.rawValue)),
            ("as_of", .string(run.asOf.description)),
            ("input_hash", .string(run.inputHash)),
            ("workspaces", .integer(positions.count)),
            ("report_directory", .string(reportDirectory)),
            ("rows", rows),
        ]).compact + "\n"
    }
}
