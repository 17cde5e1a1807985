import CreditCore
import CreditForecast
import CreditReports
import Testing

@testable import CreditWorkbook

@Suite struct NumberStyleTests {
    /// Every column of every CSV file the reports write.
    static var everyReportColumn: [String] {
        let run = ForecastRun(
            requested: ForecastSettings(horizon: 12, trials: 1, seed: 1), asOf: Month(year: 2026, month: 3)!, inputHash: "", workspaces: [])
        return ForecastCSV.forecast(run).header + ForecastCSV.summary(run).header + ForecastReports.annualHeader
            + WatchlistReports.header + RenewReports.header + RenewReports.summaryHeader + ScenarioReports.header
            + SensitivityReports.header + LedgerReport.csvColumns
    }

    @Test func everyReportColumnHasAStyle() {
        let unstyled = Self.everyReportColumn.filter { NumberStyle.ofColumn($0) == nil }
        #expect(unstyled == [])
        #expect(NumberStyle.ofColumn("a_new_column") == nil)
    }

    @Test func columnsReadInTheirUnits() {
        let styles = [
            "workspace", "seats", "balance_p50", "usage_p90", "p_cap", "pct_of_cap", "expected_forfeited", "expected_payg_cost", "swing",
        ]
        .map { NumberStyle.ofColumn($0) }
        #expect(styles == [.text, .whole, .whole, .whole, .percent, .percent, .mean, .dollars, .general])
        #expect(NumberStyle.allCases.map(\.excelFormat) == [nil, "#,##0", "#,##0.0", "0.0%", "$#,##0.00", "#,##0.00##"])
    }
}
