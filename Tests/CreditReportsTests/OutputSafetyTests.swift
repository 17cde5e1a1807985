import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation
import Testing

@testable import CreditReports

/// Names from users' files must not run code in the spreadsheet that opens a report, nor break
/// a Markdown table: checked on the files the reports really write, and in LibreOffice Calc.
@Suite struct OutputSafetyTests {
    /// Workspace names that a spreadsheet would evaluate, or that would break a table, unless
    /// neutralised; and how each must appear in a CSV record.
    static let hostileNames: [(name: String, csv: String)] = [
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"http://example.com\",\"x\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""),
        ("+41 22 555", "'+41 22 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "\"'\r=1+1\""),
        ("=1,2", "\"'=1,2\""),
        ("Acme", "Acme"),
    ]

    /// A run whose workspaces carry `names`, built from the report fixtures' first workspace.
    static func run(names: [String]) -> ForecastRun {
        var run = Fixtures.run()
        let template = run.workspaces[0]
        run.workspaces = names.map { name in
            var workspace = template
            workspace.name = name
            workspace.plan = name
            return workspace
        }
        return run
    }

    @Test func everyCSVCellCarryingANameIsNeutralisedAndNumbersStayNumbers() throws {
        let names = Self.hostileNames.map(\.name)
        let run = Self.run(names: names)
        let summary = ForecastCSV.summaryFile(run).text
        let forecast = ForecastCSV.forecastFile(run).text
        let ledger = LedgerReport(workspaces: names.map { (workspace: $0, rows: Fixtures.walkThrough) }).csv
        for (name, csv) in Self.hostileNames {
            // The workspace and the plan (both user text) are neutralised; the numbers after them are not.
            #expect(summary.contains("\n\(csv),\(csv),10,120000,150000,0.4300,0.0000,,,1234.6,0.0,0.00\n"), "\(name.debugDescription)")
            #expect(forecast.contains("\n\(csv),2026-04,10,30000,150000,7000,10000,13000,"), "\(name.debugDescription)")
            #expect(ledger.contains("\n\(csv),2026-04,0,30000,0,18000,0,0,12000,150000,0.00,0,0,0\n"), "\(name.debugDescription)")
        }
        // A negative number is a number, never text with a quote.
        #expect(CSVTable.record([.integer(-12), .money(Money(cents: -250)), .decimal(-0.5, places: 1)]) == "-12,-2.50,-0.5\n")
    }

    @Test func namesNeverBreakTheMarkdownReportNorInjectHTML() throws {
        let names = [
            "a|b", "`code`", "<script>alert(1)</script>", "two\nlines", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
        ]
        let reports = ForecastReports(run: Self.run(names: names), assumptions: Fixtures.assumptions)
        let markdown = try #require(reports.files.file(at: "report.md")).text
        #expect(!markdown.contains("<"))
        // The brackets are escaped, so no link is formed.
        #expect(!markdown.contains("[x](javascript"))
        // Every table row has as many unescaped cell separators as its table's header.
        var separators: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                separators = nil
                continue
            }
            var count = 0
            var escaped = false
            for character in line {
                if character == "|", !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            if let separators { #expect(count == separators, "\(line)") } else { separators = count }
        }
        for name in names {
            #expect(markdown.contains("### \(MarkdownTable.escape(name))\n"))
        }
    }

    // MARK: - LibreOffice Calc

    @Test(.enabled(if: Calc.soffice != nil, Comment(rawValue: Calc.missing)))
    func calcShowsNeutralisedNamesAsTextAndNumbersAsNumbers() throws {
        let directory = try TestFiles.directory()
        let names = Self.hostileNames.map(\.name)
        try ForecastCSV.summaryFile(Self.run(names: names)).text.write(
            toFile: directory + "/summary.csv", atomically: true, encoding: .utf8)
        // The control: the same names written raw, which Calc must evaluate, or this test could not fail.
        let raw = "workspace,seats\n" + names.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\",10\n" }.joined()
        try raw.write(toFile: directory + "/raw.csv", atomically: true, encoding: .utf8)

        let sheets = try Calc.open(["summary.csv", "raw.csv"], in: directory)
        let summary = try #require(sheets["summary"])
        for (row, name) in names.enumerated() {
            let reference = "\(row + 2)"
            for column in ["A", "B"] {
                let cell = try #require(summary[column + reference], "\(column + reference)")
                #expect(cell.type == "s", "\(name.debugDescription) in \(column + reference) is not text")
                #expect(cell.formula == nil, "\(name.debugDescription) in \(column + reference) became a formula")
                let shown = CSVCell.formulaTriggers.contains(name.unicodeScalars.first.map(Character.init)!) ? "'" + name : name
                #expect(cell.value == shown.replacingOccurrences(of: "\r", with: "\n"))
            }
            for (column, value) in [("C", "10"), ("D", "120000"), ("E", "150000"), ("F", "0.43"), ("J", "1234.6")] {
                let cell = try #require(summary[column + reference])
                #expect(cell.type == "n" && cell.formula == nil && cell.value == value, "\(column + reference): \(cell)")
            }
        }
        let control = try #require(sheets["raw"]?["A2"])
        #expect(control.formula == "1+1", "Calc did not evaluate the raw formula, so the check above proves nothing")
    }
}
