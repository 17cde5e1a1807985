import CreditCore
import CreditForecast
import CreditReports

extension RunResult {
    /// What the command prints with `--format json`, on one line: the run (command, as-of month,
    /// input hash, workspaces, where the reports are) and the first `limit` rows of its main table
    /// in the order the text summary lists them, keyed by the CSV file's columns — a forecast's
    /// `summary.csv` most urgent first, a watchlist's `watchlist.csv`, a renewal's
    /// `renew-summary.csv`. A forecast with scenarios adds each scenario's portfolio totals and
    /// total cost (`ScenarioReports.portfolio`).
    public func summaryJSON(reportDirectory: String, limit: Int = 20) -> String {
        let rows: JSONValue
        switch kind {
        case .forecast:
            // Only the listed workspaces' rows are made: a portfolio may hold a million.
            let reports = forecastReports
            let run = reports.run
            let listed = reports.order.prefix(limit).map { run.workspaces[$0] }
            rows = ForecastCSV.summary(ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: listed))
                .jsonRows()
        case .watchlist:
            rows = watchlistReports?.table(limit: limit).jsonRows() ?? .array([])
        case .renew:
            rows = renewReports.map { $0.summaryCSV.jsonRows(order: Array($0.summaryCSV.rows.indices.prefix(limit))) } ?? .array([])
        }
        return JSONValue.object(
            [
                ("command", .string(kind.rawValue)),
                ("as_of", .string(run.asOf.description)),
                ("input_hash", .string(run.inputHash)),
                ("workspaces", .integer(positions.count)),
                ("report_directory", .string(reportDirectory)),
                ("rows", rows),
            ] + (scenarioReports.map { [("scenarios", $0.portfolio.jsonRows())] } ?? [])
        ).compact + "\n"
    }
}
