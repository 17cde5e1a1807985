import Foundation
import Testing

/// What the command line as a whole says: commands misspelt, help grouped, JSON on standard output.
@Suite struct CommandLineTests {
    @Test func aMistypedCommandGetsASuggestion() throws {
        let commands =
            "Commands: ledger, check, forecast, watchlist, renew, backtest, merge, split (creditcast --help says what each does)\n"
        for (word, message) in [
            ("forcast", "Error: unknown command 'forcast'; did you mean 'forecast'?\n" + commands),
            ("Watchlst", "Error: unknown command 'Watchlst'; did you mean 'watchlist'?\n" + commands),
            ("deploy", "Error: unknown command 'deploy'\n" + commands),
        ] {
            let result = try CommandRunner.run([word, "--usage", "samples/team-usage.csv"])
            #expect(result.status == 64)
            #expect(result.standardError == message)
            #expect(result.standardOutput == "")
        }
        // Commands, help and options still reach the argument parser.
        #expect(try CommandRunner.run(["help", "forecast"]).standardOutput.hasPrefix("OVERVIEW: Project each workspace's pool"))
        #expect(try CommandRunner.run(["--version"]).status == 0)
    }

    @Test func helpGroupsTheOptions() throws {
        let help = try CommandRunner.run(["forecast", "--help"]).standardOutput
        let headings = help.split(separator: "\n").filter { $0.hasSuffix(":") && $0.uppercased() == $0 }.map(String.init)
        #expect(
            headings == [
                "INPUT AND RUN:", "USAGE MODEL:", "POOL RULES AND PRICES:", "READING THE USAGE FILE:", "BEYOND ONE MACHINE:", "EXCEL:",
                "OPTIONS:",
            ])
    }

    /// A summary row as JSON holds the same values as the CSV file's row.
    static func csvRows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static func text(_ value: Any) -> String {
        switch value {
        case is NSNull: ""
        case let number as NSNumber: number.stringValue
        default: "\(value)"
        }
    }

    @Test func formatJSONPrintsTheSummaryRowsAsTheCSVHasThem() throws {
        let out = try CommandRunner.temporaryDirectory().path
        let result = try CommandRunner.run([
            "watchlist", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv", "--trials", "300", "--out",
            out,
            "--format", "json", "--limit", "3",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("}\n") && result.standardOutput.filter { $0 == "\n" }.count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["command"] as? String == "watchlist")
        #expect(json["as_of"] as? String == "2026-10")
        #expect(json["workspaces"] as? Int == 24)
        #expect(json["report_directory"] as? String == out)
        let rows = try #require(json["rows"] as? [[String: Any]])
        let csv = try Self.csvRows(out + "/watchlist.csv")
        #expect(rows.count == 3)
        for (row, expected) in zip(rows, csv) {
            #expect(Set(row.keys) == Set(expected.keys))
            for (key, value) in row where key != "reason" {
                // Numbers compare by value: JSON readers drop the CSV's trailing zeros.
                if let number = value as? NSNumber, !(value is String) {
                    #expect(number.doubleValue == Double(expected[key] ?? ""), "\(key)")
                } else {
                    #expect(Self.text(value) == expected[key], "\(key)")
                }
            }
        }
    }
}
