import CreditTestSupport
import Foundation
import Testing

/// Every CSV file the command writes, with names out of every input file that a spreadsheet would
/// evaluate: workspace names (usage file), a plan name (pricing file, which reaches the
/// workspaces' plan column and the sensitivity settings) and a scenario name. No field may start
/// as a formula, in the files' text and in LibreOffice Calc.
@Suite struct SpreadsheetSafetyTests {
    static let plan = "=hyperlink(\"http://example.com\",\"x\")"
    static let workspaces = ["=1+1", "-2+3", "@SUM(A1:A9)", "+41 22 555"]

    /// Runs forecast (with a scenario and `--trials-out`), watchlist, renew with sensitivity,
    /// backtest and ledger on hostile inputs; returns every CSV file written, by name.
    private func everyCSV(in directory: URL) throws -> [String: String] {
        func write(_ text: String, _ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: false, encoding: .utf8)
            return url.path
        }
        let pricing = try write("plans:\n  launch: 2000\n  '\(Self.plan)': 3000\n  pro: 4000\n", "pricing.yaml")
        var usage = "workspace,seat,month,credits\n"
        for (index, name) in Self.workspaces.enumerated() {
            for month in 1...9 {
                for seat in ["a", "b"] {
                    usage += "\"\(name)\",\(seat),2025-0\(month),\(1_000 * (index + 1) + 317 * month)\n"
                }
            }
        }
        let usageFile = try write(usage, "usage.csv")
        let workspacesFile = try write(
            "workspace,plan,seats\n" + Self.workspaces.map { "\"\($0)\",launch,2\n" }.joined(), "workspaces.csv")
        let scenario = try write("scenario,month,seats,plan,usage_multiplier\n+grow,2025-11,+1,,\n", "scenario.csv")
        let inputs = ["--usage", usageFile, "--workspaces", workspacesFile, "--pricing", pricing]
        let out = { (name: String) in directory.appendingPathComponent(name).path }
        let runs: [[String]] = [
            ["forecast"] + inputs + [
                "--trials", "30", "--horizon", "12", "--scenario", scenario, "--trials-out", out("trials/trials.csv"), "--out",
                out("forecast"),
            ],
            ["watchlist"] + inputs + ["--trials", "30", "--out", out("watchlist")],
            ["renew"] + inputs + ["--trials", "20", "--sensitivity", "--out", out("renew")],
            ["backtest"] + inputs + ["--trials", "20", "--horizon", "2", "--origins", "2", "--out", out("backtest")],
        ]
        for arguments in runs {
            let result = try CommandRunner.run(arguments + ["--quiet"])
            #expect(result.status == 0, "\(arguments[0]): \(result.standardError)")
        }
        let ledger = try CommandRunner.run([
            "ledger", "--usage", usageFile, "--workspaces", workspacesFile, "--pricing", pricing, "--format", "csv",
        ])
        #expect(ledger.status == 0, "ledger: \(ledger.standardError)")
        var files = ["ledger.csv": ledger.standardOutput]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".csv"), path.contains("/") else { continue }
            files[path] = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    /// The fields of a CSV text (RFC 4180), record by record.
    private func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\n" {
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    @Test func noFieldOfAnyCSVStartsAsAFormula() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let files = try everyCSV(in: directory)
        #expect(
            files.keys.sorted() == [
                "backtest/backtest.csv", "backtest/scores.csv", "forecast/annual.csv", "forecast/forecast.csv", "forecast/scenarios.csv",
                "forecast/summary.csv", "ledger.csv", "renew/renew-summary.csv", "renew/renew.csv", "renew/sensitivity.csv",
                "trials/trials.csv", "watchlist/watchlist.csv",
            ])
        for (name, text) in files {
            var hostile = 0
            for (line, record) in records(text).enumerated() {
                for field in record {
                    guard let first = field.unicodeScalars.first else { continue }
                    if first == "'" { hostile += 1 }
                    // A leading "-" is a negative number's, nothing else's.
                    let safe = !["=", "+", "@", "\t", "\r"].contains(first) && (first != "-" || Double(field) != nil)
                    #expect(safe, "\(name):\(line + 1): \(field.debugDescription)")
                }
            }
            // Each file with names carries neutralised ones, or it would prove nothing (the
            // backtest's scores name only models and targets).
            #expect(hostile > 0 || name == "backtest/scores.csv", "\(name) holds no name from the inputs")
        }
        let sensitivity = try #require(files["renew/sensitivity.csv"])
        #expect(sensitivity.contains("\"'\(Self.plan.replacingOccurrences(of: "\"", with: "\"\""))\""))
    }

    @Test(.enabled(if: Calc.soffice != nil, Comment(rawValue: Calc.missing)))
    func calcEvaluatesNoCellOfAnyCSV() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let files = try everyCSV(in: directory)
        let flat = directory.appendingPathComponent("calc")
        try FileManager.default.createDirectory(at: flat, withIntermediateDirectories: true)
        var names: [String] = []
        for (name, text) in files {
            let flatName = name.replacingOccurrences(of: "/", with: "-")
            try text.write(to: flat.appendingPathComponent(flatName), atomically: false, encoding: .utf8)
            names.append(flatName)
        }
        // The control: a name written raw, which Calc must evaluate, or this test could not fail.
        try "workspace\n=1+1\n".write(to: flat.appendingPathComponent("raw.csv"), atomically: false, encoding: .utf8)
        let sheets = try Calc.open(names + ["raw.csv"], in: flat.path)
        #expect(sheets["raw"]?["A2"]?.formula == "1+1", "Calc did not evaluate the raw formula, so the check proves nothing")
        for name in names {
            let sheet = try #require(sheets[String(name.dropLast(4))], "\(name)")
            #expect(!sheet.isEmpty)
            for (reference, cell) in sheet {
                #expect(cell.formula == nil, "\(name) \(reference) became a formula: \(cell)")
            }
            // Every hostile workspace name arrives as the text it was, behind its quote.
            if name != "backtest-scores.csv" {
                let texts = Set(sheet.values.filter { $0.type == "s" }.map(\.value))
                for workspace in Self.workspaces {
                    #expect(texts.contains("'" + workspace), "\(name) lacks \(workspace)")
                }
            }
        }
    }
}
