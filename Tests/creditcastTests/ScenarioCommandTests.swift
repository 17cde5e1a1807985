import Foundation
import Testing

@Suite struct ScenarioCommandTests {
    private static let portfolio = ["--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv"]

    @Test func forecastPutsScenariosBesideAnUnchangedBaseline() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nsame,2026-11,,,1,\nbigger,2027-02,+5,,,Birch Inc\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let plain = directory.appendingPathComponent("plain")
        let with = directory.appendingPathComponent("with")
        let common = Self.portfolio + ["--trials", "300", "--horizon", "6", "--quiet"]
        #expect(try CommandRunner.run(["forecast"] + common + ["--out", plain.path]).status == 0)
        let result = try CommandRunner.run(["forecast"] + common + ["--out", with.path, "--scenario", scenario.path])
        #expect(result.status == 0, "\(result.standardError)")
        // The baseline's figures do not move when scenarios run beside it.
        for file in ["forecast.csv", "summary.csv"] {
            #expect(try Data(contentsOf: plain.appendingPathComponent(file)) == Data(contentsOf: with.appendingPathComponent(file)))
        }
        let lines = try String(contentsOf: with.appendingPathComponent("scenarios.csv"), encoding: .utf8).split(separator: "\n")
        #expect(
            lines[0]
                == "workspace,scenario,seats_last,accrual_last,cap_last,balance_p50_last,p_any_cap,p_any_shortfall,cap_likely_by,shortfall_likely_by,expected_forfeited,expected_shortfall,expected_payg_cost,expected_package_cost,seat_fees,total_cost,cost_note"
        )
        #expect(lines.count == 1 + 24 * 3)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func figures(_ workspace: String, _ scenario: String) -> [String] {
            Array(rows.first { $0[0] == workspace && $0[1] == scenario }!.dropFirst(2))
        }
        // A multiplier of 1 on the same trials is the baseline exactly.
        #expect(figures("Birch Inc", "same") == figures("Birch Inc", "baseline"))
        // The workspaces file fixes Birch Inc at 9 Growth seats; 5 more earn 14 × 3,000, cap 5 × that.
        #expect(Array(figures("Birch Inc", "bigger").prefix(3)) == ["14", "42000", "210000"])
        #expect(figures("Cedar Group", "bigger") == figures("Cedar Group", "baseline"))
        #expect(FileManager.default.fileExists(atPath: with.appendingPathComponent("scenarios.md").path))
    }

    /// Cents of a CSV amount such as `2700.00`.
    private static func cents(_ amount: String) -> Int? {
        let parts = amount.split(separator: ".")
        guard parts.count == 2, let units = Int(parts[0]), let fraction = Int(parts[1]) else { return nil }
        return units * 100 + fraction
    }

    /// `$1,234.56` for 123,456 cents, as the summaries print money.
    private static func dollars(_ cents: Int) -> String {
        var units = String(cents / 100)
        for index in stride(from: units.count - 3, to: 0, by: -3) {
            units.insert(",", at: units.index(units.startIndex, offsetBy: index))
        }
        return "$\(units)." + String(format: "%02d", cents % 100)
    }

    /// The walk-through's workspace, 10 Growth seats at $45 a seat a month, forecast for 2026-08
    /// to 2027-01 beside scenarios that add seats, move plan to a priced Pro and to an unpriced
    /// Launch: seat fees are seat-months × price to the cent, and where Launch has no price every
    /// report says the cost is credit spend only.
    @Test func scenariosShowSeatFeesAndTotalCostOrSayTheyLeaveThemOut() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pricing = directory.appendingPathComponent("pricing.yaml")
        try "plans:\n  launch: 2000\n  growth: {credits: 3000, seat_price: 45}\n  pro: {credits: 4000, seat_price: 59.50}\n"
            .write(to: pricing, atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier\nmore,2026-10,+10,,\nupgrade,2026-11,,pro,\ncheaper,2026-09,,launch,\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let arguments = [
            "forecast", "--usage", "samples/walkthrough.csv", "--plan", "growth", "--seats", "10", "--pricing", pricing.path,
            "--trials", "200", "--horizon", "6", "--scenario", scenario.path, "--out", out.path,
        ]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try String(contentsOf: out.appendingPathComponent("scenarios.csv"), encoding: .utf8).split(separator: "\n")
        #expect(
            lines[0]
                == "workspace,scenario,seats_last,accrual_last,cap_last,balance_p50_last,p_any_cap,p_any_shortfall,cap_likely_by,shortfall_likely_by,expected_forfeited,expected_shortfall,expected_payg_cost,expected_package_cost,seat_fees,total_cost,cost_note"
        )
        // The note holds a comma, so the CSV quotes it.
        let note = ",\"credit spend only, excluding seat fees\""
        let rows = lines.dropFirst().map {
            $0.replacingOccurrences(of: note, with: ",NOTE").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.map { $0[1] } == ["baseline", "more", "upgrade", "cheaper"])
        // Baseline: 10 seats × 6 months × $45. More: 10 seats in August and September, 20 from
        // October, 100 seat-months × $45. Upgrade: 30 Growth seat-months × $45 and, from
        // November, 30 Pro seat-months × $59.50.
        let expectedFees = ["baseline": 270_000, "more": 450_000, "upgrade": 135_000 + 178_500]
        for row in rows {
            let payg = try #require(Self.cents(row[12]))
            let packages = try #require(Self.cents(row[13]))
            #expect(packages == 0)
            if let fees = expectedFees[row[1]] {
                #expect(Self.cents(row[14]) == fees)
                #expect(Self.cents(row[15]) == fees + payg + packages)
                #expect(row[16] == "")
            } else {
                #expect(Array(row[14...]) == ["", "", "NOTE"])
            }
        }
        // The terminal and scenarios.md say it beside the unpriced scenario, and the portfolio
        // total leaves nothing out silently.
        let said = "\(Self.dollars(try #require(Self.cents(rows[3][12])))) (credit spend only, excluding seat fees)"
        func printed(_ scenario: String) -> [String] {
            let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix(scenario + " ") } ?? ""
            return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.suffix(2)
        }
        #expect(printed("cheaper") == ["—", said])
        #expect(printed("baseline") == ["$2,700.00", Self.dollars(270_000 + Self.cents(rows[0][12])!)])
        #expect(printed("more") == ["$4,500.00", Self.dollars(450_000 + Self.cents(rows[1][12])!)])
        // Markdown escapes the dollar sign; the portfolio and the workspace tables both say it.
        let markdown = try String(contentsOf: out.appendingPathComponent("scenarios.md"), encoding: .utf8)
        let cheaperRows = markdown.split(separator: "\n").filter { $0.contains("| cheaper ") }
        #expect(cheaperRows.count == 2)
        #expect(
            cheaperRows.allSatisfy {
                $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
                    .hasSuffix("| — | \(said.replacingOccurrences(of: "$", with: "\\$")) |")
            })
        // `--format json` carries the same totals.
        let json = try CommandRunner.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["scenario"] as? String } == ["baseline", "more", "upgrade", "cheaper"])
        #expect(scenarios[1]["seat_fees"] as? Double == 4_500)
        #expect(scenarios[3]["seat_fees"] is NSNull)
        #expect(scenarios[3]["cost_note"] as? String == "credit spend only, excluding seat fees")
    }

    @Test func aBadScenarioFileIsBadInputAndWritesNothing() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier\ngrow,next year,+5,,\n".write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["forecast"] + Self.portfolio + ["--trials", "50", "--out", out.path, "--scenario", scenario.path])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: \(scenario.path):2: month \"next year\" is not a month; write it like 2026-04 or Apr 2026\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
