import CreditForecast

/// The forecast's CSV files: `forecast.csv` (one row per workspace and month) and `summary.csv`
/// (one row per workspace), in the run's workspace order.
///
/// Number formats, chosen so that spreadsheets read every cell as a number: credits are whole
/// numbers; probabilities have 4 decimals (0.0001 is finer than any forecast's precision); means
/// of credits have 1 decimal (a whole number would show 0 for a 1-in-20 chance of forfeiting
/// 10 credits); money has 2 decimals. A month or value that does not exist is an empty cell.
package enum ForecastCSV {
    /// Places for probabilities.
    static let probabilityPlaces = 4
    /// Places for means of credits.
    static let meanPlaces = 1

    /// `forecast.csv` of `run` as a table in memory, for a reader that wants it whole (a
    /// workbook's month sheet of one workspace).
    package static func forecast(_ run: ForecastRun) -> CSVTable {
        CSVTable(header: forecastHeader, gathering: { emit throws(ReportWriteError) in try forecastRows(run, emit) })
    }

    /// `summary.csv` of `run` as a table in memory (a workbook's summary sheet, the rows
    /// standard output lists as JSON).
    package static func summary(_ run: ForecastRun) -> CSVTable {
        CSVTable(header: summaryHeader, gathering: { emit throws(ReportWriteError) in try summaryRows(run, emit) })
    }

    /// `forecast.csv`'s columns.
    static let forecastHeader = [
        "workspace", "month", "seats", "accrual", "cap", "usage_p10", "usage_p50", "usage_p90",
        "balance_p5", "balance_p10", "balance_p50", "balance_p90", "balance_p95", "balance_mean",
        "p_cap", "p_shortfall", "forfeited_mean", "shortfall_mean", "payg_cost_mean",
    ]

    /// `forecast.csv`, streamed as it is written (see `CSVTable.file`), so that a million
    /// workspaces' twelve million rows never exist at once.
    static func forecastFile(_ run: ForecastRun) -> ReportFile {
        CSVTable.file(path: "forecast.csv", header: forecastHeader) { emit throws(ReportWriteError) in try forecastRows(run, emit) }
    }

    /// `forecast.csv`'s rows, one per workspace and month, each handed to `emit`.
    static func forecastRows(_ run: ForecastRun, _ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        for workspace in run.workspaces { try forecastRows(of: workspace, emit) }
    }

    /// `forecast.csv`'s rows of one workspace, a month each, handed to `emit`: the whole run's
    /// file is these in the run's order, whether made from held months or as workspaces arrive
    /// (`ForecastDigest`).
    static func forecastRows(
        of workspace: WorkspaceForecast, _ emit: ([CSVCell]) throws(ReportWriteError) -> Void
    ) throws(ReportWriteError) {
        for month in workspace.months {
            try emit([
                .text(workspace.name), .month(month.month), .integer(month.seats), .integer(month.accrual),
                .integer(month.cap), .integer(month.usage.p10), .integer(month.usage.p50), .integer(month.usage.p90),
                .integer(month.closing.p5), .integer(month.closing.p10), .integer(month.closing.p50),
                .integer(month.closing.p90), .integer(month.closing.p95),
                .decimal(month.closingMean, places: meanPlaces),
                .decimal(month.probabilityOfCapHit, places: probabilityPlaces),
                .decimal(month.probabilityOfShortfall, places: probabilityPlaces),
                .decimal(month.forfeitedMean, places: meanPlaces),
                .decimal(month.shortfallMean, places: meanPlaces),
                .money(month.payAsYouGoCostMean),
            ])
        }
    }

    /// `summary.csv`'s columns.
    static let summaryHeader = [
        "workspace", "plan", "seats", "starting_balance", "cap", "p_any_cap", "p_any_shortfall",
        "cap_likely_by", "shortfall_likely_by", "expected_forfeited", "expected_shortfall", "expected_payg_cost",
    ]

    /// `summary.csv`, streamed as it is written.
    static func summaryFile(_ run: ForecastRun) -> ReportFile {
        CSVTable.file(path: "summary.csv", header: summaryHeader) { emit throws(ReportWriteError) in try summaryRows(run, emit) }
    }

    /// `summary.csv`'s rows, one per workspace, each handed to `emit`.
    static func summaryRows(_ run: ForecastRun, _ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        for workspace in run.workspaces {
            try emit([
                .text(workspace.name), .text(workspace.plan), .integer(workspace.seats),
                .integer(workspace.startingBalance), .integer(workspace.cap),
                .decimal(workspace.probabilityOfAnyCapHit, places: probabilityPlaces),
                .decimal(workspace.probabilityOfAnyShortfall, places: probabilityPlaces),
                workspace.capHitLikelyBy.map(CSVCell.month) ?? .empty,
                workspace.shortfallLikelyBy.map(CSVCell.month) ?? .empty,
                .decimal(workspace.expectedForfeited, places: meanPlaces),
                .decimal(workspace.expectedShortfall, places: meanPlaces),
                .money(workspace.expectedPayAsYouGoCost),
            ])
        }
    }
}
