import Foundation
import Testing

@Suite struct RenewCommandTests {
    private static let portfolio = ["--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv"]

    @Test func renewCSVHasEveryStrategyPerWorkspaceAndIsByteIdenticalWhateverTheThreadCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var outputs: [[String]] = []
        for threads in ["1", "2"] {
            let out = directory.appendingPathComponent("t\(threads)")
            let result = try CommandRunner.run(["renew"] + Self.portfolio + ["--trials", "200", "--threads", threads, "--out", out.path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("portfolio"))
            outputs.append(
                try ["renew.csv", "renew.md", "provenance.json", "renew-summary.csv"].map {
                    try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)
                })
        }
        #expect(outputs[0] == outputs[1])
        let lines = outputs[0][0].split(separator: "\n")
        #expect(
            lines[0]
                == "workspace,scenario,renewal,strategy,expected_cost,p90_cost,p_any_payg,expected_unused_credits,recommended,saving_vs_payg"
        )
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // One row per strategy searched, as many as the summary says for each workspace.
        let summary = outputs[0][3].split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let searched = try #require(summary[0].firstIndex(of: "strategies_searched"))
        #expect(summary[0][(searched + 1)...] == ["seat_fees", "total_cost", "cost_note"])
        #expect(summary.count == 1 + 24)
        #expect(rows.count == summary.dropFirst().reduce(0) { $0 + Int($1[searched])! })
        // The built-in plans carry no seat price: every row's cost is credit spend only, and says so.
        #expect(
            outputs[0][3].split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",,,\"credit spend only, excluding seat fees\"") })
        // Lumen Co needs about 1.5 million credits beyond its pool: 1,000,000 + 500,000 bought up
        // front beats auto-purchase of 1,000,000, the best single strategy.
        let lumen = rows.filter { $0[0] == "Lumen Co" }
        let lumenChoice = try #require(lumen.first { $0[8] == "1" })
        #expect(lumenChoice[3].hasPrefix("upfront-1000000+500000"))
        let autoMillion = try #require(lumen.first { $0[3] == "auto-1000000" })
        #expect(Double(lumenChoice[4])! < Double(autoMillion[4])!)
        // Exactly one recommendation per workspace, and it is the cheapest expected cost.
        for workspace in Set(rows.map { $0[0] }) {
            let own = rows.filter { $0[0] == workspace }
            #expect(own.count { $0[8] == "1" } == 1)
            let chosen = own.first { $0[8] == "1" }!
            #expect(own.allSatisfy { Double($0[4])! >= Double(chosen[4])! })
        }
        #expect(outputs[0][2].contains("\"renew.csv\""))
    }

    @Test func scenariosArePlannedBesideTheBaselineOnTheSameTrials() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nsame,2026-11,,,1,\nbusier,2026-11,,,2,Birch Inc\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run(
            ["renew"] + Self.portfolio + [
                "--trials", "200", "--out", out.path, "--scenario", scenario.path, "--quiet",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try String(contentsOf: out.appendingPathComponent("renew.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func costs(_ workspace: String, _ scenario: String) -> [String] {
            rows.filter { $0[0] == workspace && $0[1] == scenario }.map { $0[3...7].joined(separator: ",") }
        }
        // A multiplier of 1 is the baseline exactly: the same trials, the same figures.
        #expect(costs("Birch Inc", "same") == costs("Birch Inc", "baseline"))
        #expect(costs("Aster Labs", "busier") == costs("Aster Labs", "baseline"))
        #expect(costs("Birch Inc", "busier") != costs("Birch Inc", "baseline"))
        #expect(Set(rows.map { $0[1] }) == ["baseline", "same", "busier"])
    }

    /// The walk-through's 10 Growth seats at $45 a seat a month, renewing for 2026-08 to
    /// 2027-07: seat fees are seat-months × price to the cent beside the recommended purchase,
    /// and an unpriced plan's scenario says it is credit spend only.
    @Test func scenariosShowTheRenewalYearsSeatFeesAndTotalCost() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pricing = directory.appendingPathComponent("pricing.yaml")
        try "plans:\n  launch: 2000\n  growth: {credits: 3000, seat_price: 45}\n  pro: {credits: 4000, seat_price: 59.50}\n"
            .write(to: pricing, atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier\nmore,2026-10,+10,,\nupgrade,2026-11,,pro,\ncheaper,2026-09,,launch,\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run([
            "renew", "--usage", "samples/walkthrough.csv", "--plan", "growth", "--seats", "10", "--pricing", pricing.path,
            "--trials", "200", "--scenario", scenario.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let note = "credit spend only, excluding seat fees"
        let lines = try String(contentsOf: out.appendingPathComponent("renew-summary.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let rows = lines.dropFirst().map {
            $0.replacingOccurrences(of: "\"\(note)\"", with: "NOTE").split(separator: ",", omittingEmptySubsequences: false).map(
                String.init)
        }
        func column(_ name: String, _ scenario: String) throws -> String {
            let index = try #require(header.firstIndex(of: name))
            return try #require(rows.first { $0[1] == scenario })[index]
        }
        func cents(_ amount: String) -> Int { Int(amount.replacingOccurrences(of: ".", with: "")) ?? -1 }
        // Baseline: 120 seat-months × $45. More: 10 seats in August and September, 20 for the
        // other 10 months, 220 × $45. Upgrade: 30 Growth seat-months × $45, then 90 Pro ones × $59.50.
        for (scenario, fees) in [("baseline", 540_000), ("more", 990_000), ("upgrade", 135_000 + 535_500)] {
            #expect(cents(try column("seat_fees", scenario)) == fees)
            #expect(cents(try column("total_cost", scenario)) == fees + cents(try column("expected_cost", scenario)))
            #expect(try column("cost_note", scenario) == "")
        }
        #expect(try column("seat_fees", "cheaper") == "")
        #expect(try column("total_cost", "cheaper") == "")
        #expect(try column("cost_note", "cheaper") == "NOTE")
        // The summary's portfolio table and renew.md say it beside the scenario.
        let printed = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("cheaper ") })
        #expect(printed.hasSuffix("(\(note))"))
        let markdown = try String(contentsOf: out.appendingPathComponent("renew.md"), encoding: .utf8)
        #expect(markdown.contains("Seat fees $5,400.00 for the year; expected total cost "))
        #expect(markdown.split(separator: "\n").contains { $0.hasPrefix("| cheaper ") && $0.hasSuffix("(\(note)) |") })
        #expect(markdown.split(separator: "\n").contains { $0.hasPrefix("**cheaper**") && $0.hasSuffix(": \(note).") })
    }

    @Test func badScenarioRowsAreNamedByFileAndLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nok,2027-01,+1,,,\nbad,2027-01,,gold,,\ntypo,2027-01,1,,,Brich Inc\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(
            ["renew"] + Self.portfolio + [
                "--trials", "10", "--scenario", scenario.path, "--out", directory.appendingPathComponent("o").path,
            ])
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: \(scenario.path):3: unknown plan \"gold\"; the pricing lists launch, growth, pro\n")
        try "scenario,month,seats,plan,usage_multiplier,workspace\ntypo,2027-01,1,,,Brich Inc\n".write(
            to: scenario, atomically: true, encoding: .utf8)
        let typo = try CommandRunner.run(
            ["renew"] + Self.portfolio + [
                "--trials", "10", "--scenario", scenario.path, "--out", directory.appendingPathComponent("o").path,
            ])
        #expect(typo.status == 1)
        #expect(typo.standardError.contains("\(scenario.path):2: workspace \"Brich Inc\" is not in the usage file"))
    }

    @Test func aRenewalBeforeTheForecastIsBadInput() throws {
        let result = try CommandRunner.run(
            ["renew"] + Self.portfolio + ["--renewal", "2026-01", "--trials", "10", "--out", "/tmp/creditcast-renew-never"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the renewal month 2026-01 is before the forecast's first month 2026-11"))
    }
}
