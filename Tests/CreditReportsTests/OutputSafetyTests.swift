import CreditCore
import CreditForecast
import CreditLedger
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
        let summary = ForecastCSV.summary(run).text
        let forecast = ForecastCSV.forecast(run).text
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

    /// `soffice` on the `PATH`, `nil` where LibreOffice is not installed.
    static let calc: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let calcMissing =
        "LibreOffice Calc is not installed, so exported CSV files are not opened in it: "
        + "bash scripts/install-deps.sh --with-calc installs it (CI does)"

    @Test(.enabled(if: calc != nil, Comment(rawValue: calcMissing)))
    func calcShowsNeutralisedNamesAsTextAndNumbersAsNumbers() throws {
        let directory = try Fixtures.temporaryDirectory()
        let names = Self.hostileNames.map(\.name)
        try ForecastCSV.summary(Self.run(names: names)).text.write(toFile: directory + "/summary.csv", atomically: true, encoding: .utf8)
        // The control: the same names written raw, which Calc must evaluate, or this test could not fail.
        let raw = "workspace,seats\n" + names.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\",10\n" }.joined()
        try raw.write(toFile: directory + "/raw.csv", atomically: true, encoding: .utf8)

        let sheets = try Self.openInCalc(["summary.csv", "raw.csv"], in: directory)
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

    /// One cell of a sheet as Calc saved it: its type (`s` text, `n` number), formula and value.
    struct SheetCell: Equatable, CustomStringConvertible {
        var type: String
        var formula: String?
        var value: String
        var description: String { "\(type) \(formula.map { "=\($0) " } ?? "")\(value.debugDescription)" }
    }

    /// Opens each CSV file in Calc, saves it as xlsx and reads the cells back: per file name
    /// (without `.csv`), the cells by reference (`A2`).
    static func openInCalc(_ files: [String], in directory: String) throws -> [String: [String: SheetCell]] {
        // Comma, quote, UTF-8, from line 1, default formats, en-US, quoted fields not forced to
        // text, special numbers detected, and "evaluate formulas" on: the most trusting import.
        let filter = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"
        _ = try run(
            calc!,
            [
                "--headless", "-env:UserInstallation=file://\(directory)/calc-profile", "--infilter=\(filter)",
                "--convert-to", "xlsx", "--outdir", directory,
            ] + files.map { "\(directory)/\($0)" })
        var sheets: [String: [String: SheetCell]] = [:]
        for file in files {
            let name = String(file.dropLast(4))
            let json = try run("/usr/bin/env", ["python3", "-c", xlsxReader, "\(directory)/\(name).xlsx"])
            let cells = try JSONDecoder().decode([String: [String?]].self, from: Data(json.utf8))
            sheets[name] = cells.mapValues { SheetCell(type: $0[0] ?? "", formula: $0[1], value: $0[2] ?? "") }
        }
        return sheets
    }

    /// Prints the first sheet of an xlsx as JSON: `{"A2": [type, formula, value]}`, shared
    /// strings resolved.
    static let xlsxReader = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        book = zipfile.ZipFile(sys.argv[1])
        strings = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns):
                strings.append("".join(t.text or "" for t in item.iter("{%s}t" % ns["m"])))
        cells = {}
        for cell in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter("{%s}c" % ns["m"]):
            kind = cell.get("t", "n")
            formula = cell.find("m:f", ns)
            value = cell.find("m:v", ns)
            text = value.text if value is not None else None
            if kind == "s" and text is not None:
                text = strings[int(text)]
            cells[cell.get("r")] = [kind, formula.text if formula is not None else None, text]
        print(json.dumps(cells))
        """

    /// Runs `executable` and returns its standard output; throws when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure(
                command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus, errors: errorText)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A helper command that failed, with what it printed on standard error.
    struct CommandFailure: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var errors: String
        var description: String { "\(command) exited with \(status): \(errors)" }
    }
}
