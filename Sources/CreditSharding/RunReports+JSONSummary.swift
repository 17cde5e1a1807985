import CreditCore
import CreditForecast
import CreditReports

extension RunReports {
    /// What the command prints with `--format json`, on one line: the run (command, as-of month,
    /// input hash, workspaces, where the reports are) and the first `limit` rows of its main table
    /// in the order the text summary lists them, keyed by the CSV file's columns — a forecast's
    /// `summary.csv` most urgent first, a watchlist's `watchlist.csv`, a renewal's
    /// `renew-summary.csv`. A forecast with scenarios adds each scenario's portfolio totals and
    /// total cost (`ScenarioReports.portfolio`).
    public func summaryJSON(reportDirectory: String, limit: Int = 20) -> String {
        let rows: JSONValue
        var scenarioRows: [(String, JSONValue)] = []
        switch rendered {
        case let .forecast(reports, scenarios):
            // Only the listed workspaces' rows are made: a portfolio may hold a million.
            let run = reports.run
            let listed = reports.order.prefix(limit).map { run.workspaces[$0] }
            rows = ForecastCSV.summary(ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: listed))
                .jsonRows()
            scenarioRows = scenarios.map { [("scenarios", $0.portfolio.jsonRows())] } ?? []
        case let .watchlist(reports):
            rows = reports.table(limit: limit).jsonRows()
        case let .renew(reports):
            let table = reports.summaryCSV
            rows = table.jsonRows(order: Array(table.rows.indices.prefix(limit)))
        }
        let run = result.run
        return JSONValue.object(
            [
                ("command", .string(result.kind.rawValue)),
                ("as_of", .string(run.asOf.description)),
                ("input_hash", .string(run.inputHash)),
                ("workspaces", .integer(result.positions.count)),
                ("report_directory", .string(reportDirectory)),
                ("rows", rows),
            ] + scenarioRows
        ).compact + "\n"
    }
}
