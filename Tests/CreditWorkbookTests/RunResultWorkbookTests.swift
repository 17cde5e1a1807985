import CreditCore
import CreditForecast
import CreditLedger
import CreditReports
import CreditSharding
import CreditTestSupport
import Foundation
import Testing

@testable import CreditWorkbook

@Suite struct RunResultWorkbookTests {
    /// A forecast of three workspaces: one heading for the cap, one short, one steady.
    static func forecast() throws -> RunResult {
        let history = Fixtures.history([
            Fixtures.workspace("Near cap", Array(repeating: 1_000, count: 12)),
            Fixtures.workspace("Short/EU", Array(repeating: 9_000, count: 12)),
            Fixtures.workspace("Steady", Array(repeating: 3_000, count: 12)),
        ])
        let run = try ForecastEngine.run(
            history: history, pools: Fixtures.pools(for: history), pricing: Fixtures.pricing, rules: Fixtures.rules(),
            settings: ForecastSettings(horizon: 12, trials: 200, seed: 7), threads: 2, inputHash: "test")
        return RunResult(
            run: run, assumptions: ReportAssumptions(pricing: Fixtures.pricing, rules: Fixtures.rules()),
            payload: .forecast([("baseline", run.workspaces)], annual: []))
    }

    @Test func aForecastWorkbookRestatesTheSummaryWithNumbersAsNumbers() throws {
        let result = try Self.forecast()
        let path = try TestFiles.directory() + "/forecast.xlsx"
        try Workbook.bytes(of: try RunReports(result).workbook().sheets).write(to: URL(fileURLWithPath: path))
        let book = try WorkbookReader.read(path)

        let workspaces = result.baselineRun.workspaces
        let urgency = UrgencyRanking.order(workspaces)
        // Slashes are not allowed in a tab name.
        let tabs = urgency.map { workspaces[$0].name.replacingOccurrences(of: "/", with: "_") }
        #expect(book.sheets.map(\.name) == ["About", "Summary"] + tabs)
        #expect(try #require(book.sheet("About")).value("A1") == "creditcast forecast report, as of 2025-12 (\(CreditcastVersion.current))")

        let summary = try #require(book.sheet("Summary"))
        let csv = ForecastCSV.summary(result.baselineRun)
        #expect(summary.frozen == "A2")
        #expect(summary.autofilter == "A1:L4")
        let columns = Array("ABCDEFGHIJKL").map(String.init)
        #expect(columns.map { summary.value($0 + "1") } == csv.header)
        // Row 2 is the most urgent workspace, every cell as in summary.csv, typed and formatted.
        for (row, index) in urgency.enumerated() {
            for (column, cell) in zip(columns, csv.rows[index]) {
                let reference = column + String(row + 2)
                switch cell {
                case let .text(text):
                    #expect(summary.type(reference) == "s" && summary.value(reference) == text, "\(reference)")
                case let .number(digits):
                    #expect(summary.type(reference) == "n", "\(reference)")
                    #expect(Double(summary.value(reference) ?? "") == Double(digits), "\(reference)")
                case .empty:
                    #expect(summary.value(reference) == nil, "\(reference)")
                }
            }
        }
        #expect(
            ["C2", "D2", "E2", "F2", "J2", "L2"].map { summary.format($0) } == ["#,##0", "#,##0", "#,##0", "0.0%", "#,##0.0", "$#,##0.00"])
    }

    @Test func eachDetailedWorkspaceHasItsMonthsAndABalanceFan() throws {
        let result = try Self.forecast()
        let path = try TestFiles.directory() + "/forecast.xlsx"
        try Workbook.bytes(of: try RunReports(result).workbook().sheets).write(to: URL(fileURLWithPath: path))
        let book = try WorkbookReader.read(path)
        let sheet = try #require(book.sheet("Short_EU"))
        let workspace = try #require(result.baselineRun.workspaces.first { $0.name == "Short/EU" })
        #expect(sheet.value("B2") == "2026-01" && sheet.value("B13") == "2026-12" && sheet.value("B14") == nil)
        #expect(sheet.value("K13") == String(workspace.months[11].closing.p50))
        #expect(sheet.charts.count == 1)
        let chart = try #require(sheet.charts.first)
        #expect(chart.title == "Short/EU: closing balance and cap")
        #expect(
            chart.series == [
                ["P90 balance", "Short_EU!$B$2:$B$13", "Short_EU!$L$2:$L$13"],
                ["median balance", "Short_EU!$B$2:$B$13", "Short_EU!$K$2:$K$13"],
                ["P10 balance", "Short_EU!$B$2:$B$13", "Short_EU!$J$2:$J$13"],
                ["cap", "Short_EU!$B$2:$B$13", "Short_EU!$E$2:$E$13"],
            ])
    }

    @Test func aSheetLongerThanExcelAllowsIsRefusedBeforeWriting() {
        let rows = Array(repeating: [WorkbookCell.number(1)], count: WorkbookSheet.maximumRows + 1)
        #expect(throws: WorkbookError.tooManyRows(sheet: "Summary", rows: 1_048_576)) {
            try Workbook(sheets: [WorkbookSheet(name: "Summary", columns: [WorkbookColumn("seats", .whole)], rows: rows)])
        }
        #expect(
            WorkbookError.tooManyRows(sheet: "Summary", rows: 1_048_576).description
                == "the workbook's sheet 'Summary' would need 1048576 rows, more than Excel's 1048575 a sheet")
    }
}
