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
                == "workspace,scenario,seats_last,accrual_last,cap_last,balance_p50_last,p_any_cap,p_any_shortfall,cap_likely_by,shortfall_likely_by,expected_forfeited,expected_shortfall,expected_payg_cost"
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
