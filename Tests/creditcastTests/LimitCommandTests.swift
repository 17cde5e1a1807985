import Foundation
import Testing

/// Values at the documented limits (a trillion credits a month, ten million seats, $100 a
/// credit, a usage multiplier of 1,000) go through every command to a result, and values past
/// them are refused with a message, never a trap.
@Suite struct LimitCommandTests {
    /// Writes `text` to `name` in a fresh folder and returns its path.
    static func file(_ name: String, _ text: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Two seats of one workspace, a trillion credits each in one month: every month of its
    /// history is the most a file may give.
    static func trillionUsage(in directory: URL) throws -> String {
        try file("big.csv", "workspace,seat,month,credits\nBig,a,2026-01,1000000000000\nBig,b,2026-02,1000000000000\n", in: directory)
    }

    /// Growth at 3,000 credits a seat and pay-as-you-go at its highest price, $100 a credit.
    static func dearPricing(in directory: URL) throws -> String {
        try file("price.yaml", "plans:\n  growth: {credits: 3000, seat_price: 10000}\npay_as_you_go: 100\n", in: directory)
    }

    static func lines(_ directory: URL, _ name: String) throws -> [Substring] {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
    }

    @Test func aTrillionCreditsAMonthAtTheHighestPriceIsBilledExactly() throws {
        // Every bootstrap month is 10¹²; 2 growth seats accrue 6,000 into a cap of 30,000 that the
        // pool never keeps, so each month bills 999,999,994,000 credits at $100: 10¹⁶ cents a
        // trial-month, 2 × 10¹⁹ cents over 2,000 trials (past 64 bits: the tallies trapped).
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run([
            "forecast", "--usage", try Self.trillionUsage(in: directory), "--pricing", try Self.dearPricing(in: directory),
            "--plan", "growth", "--model", "bootstrap", "--trials", "2000", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try Self.lines(out, "summary.csv")[1] == "Big,growth,2,0,30000,0.0000,1.0000,,2026-03,0.0,11999999928000.0,1199999992800000.00")
        let month = try Self.lines(out, "forecast.csv")[1]
        #expect(month.hasPrefix("Big,2026-03,2,6000,30000,1000000000000,1000000000000,1000000000000,"))
        #expect(month.hasSuffix(",0.0000,1.0000,0.0,999999994000.0,99999999400000.00"))
    }

    @Test(arguments: ["bootstrap", "seats"])
    func theMostSeatsForecastWithEitherModel(model: String) throws {
        // Ten million growth seats accrue 3 × 10¹⁰ a month, cap 1.5 × 10¹¹. The seats model draws
        // the 9,999,998 extra seats as one sum, and every month is held at 10¹² credits, so both
        // models fall short by 9.7 × 10¹¹ a month.
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run([
            "forecast", "--usage", try Self.trillionUsage(in: directory), "--pricing", try Self.dearPricing(in: directory),
            "--plan", "growth", "--seats", "10000000", "--model", model, "--trials", "500", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try Self.lines(out, "summary.csv")[1]
                == "Big,growth,10000000,0,150000000000,0.0000,1.0000,,2026-03,0.0,11640000000000.0,1164000000000000.00")
    }

    @Test func aScenarioAtTheLimitsHoldsUsageAtATrillion() throws {
        // From April: ten million seats (5,000,000 times the two) and usage times 1,000, so each
        // month would be 5 × 10²¹ credits: held at 10¹², short by 10¹² − 3 × 10¹⁰. March is the
        // baseline's 10¹² − 6,000. Seats at the most a seat may cost, $10,000: 2 in March, then 10⁷ for 11 months.
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let scenario = try Self.file("most.csv", "scenario,month,seats,plan,usage_multiplier\nmost,2026-04,10000000,,1000\n", in: directory)
        let result = try CommandRunner.run([
            "forecast", "--usage", try Self.trillionUsage(in: directory), "--pricing", try Self.dearPricing(in: directory),
            "--plan", "growth", "--model", "bootstrap", "--trials", "100", "--scenario", scenario, "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try Self.lines(out, "scenarios.csv")[2]
                == "Big,most,10000000,30000000000,150000000000,0,0.0000,1.0000,,2026-03,0.0,11669999994000.0,1166999999400000.00,0.00,"
                + "1100000020000.00,1168099999420000.00,")
    }

    @Test func seatsAndMultipliersPastTheLimitsAreFileErrors() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = try Self.file(
            "huge.csv", "scenario,month,seats,plan,usage_multiplier\nhuge,2026-04,999999999,,999999\n", in: directory)
        let workspaces = try Self.file("ws.csv", "workspace,plan,seats\nBig,growth,1000000000000\n", in: directory)
        let usage = try Self.trillionUsage(in: directory)
        let fromScenario = try CommandRunner.run([
            "forecast", "--usage", usage, "--plan", "growth", "--trials", "10", "--scenario", scenario,
            "--out", directory.appendingPathComponent("a").path,
        ])
        #expect(fromScenario.status == 1)
        #expect(
            fromScenario.standardError == """
                creditcast: \(scenario):2: seats "999999999" is too many; a workspace has at most 10,000,000 seats
                creditcast: \(scenario):2: usage_multiplier "999999" is too large; the most is 1000

                """)
        let fromWorkspaces = try CommandRunner.run([
            "forecast", "--usage", usage, "--workspaces", workspaces, "--trials", "10", "--out", directory.appendingPathComponent("b").path,
        ])
        #expect(fromWorkspaces.status == 1)
        #expect(
            fromWorkspaces.standardError
                == "creditcast: \(workspaces):2: seats \"1000000000000\" is too many; a workspace has at most 10,000,000 seats\n")
    }

    @Test func aYearOfHalfATrillionHasNoLevelSwing() throws {
        // Twelve equal months of 5 × 10¹¹: P10 = P90 = the mean, so the usage level's multipliers
        // are exactly 1 (the ratio's numerator, 5 × 10¹¹ × 12 × 10⁶ × 2, passed 64 bits).
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let rows = (1...12).map { String(format: "Half,a,2026-%02d,500000000000", $0) }
        let usage = try Self.file("half.csv", "workspace,seat,month,credits\n" + rows.joined(separator: "\n") + "\n", in: directory)
        let result = try CommandRunner.run([
            "renew", "--usage", usage, "--pricing", try Self.dearPricing(in: directory), "--plan", "growth", "--trials", "50",
            "--sensitivity", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let level = try Self.lines(out, "sensitivity.csv").filter { $0.contains(",usage-level,") && $0.contains(",renewal_cost,") }
        #expect(!level.isEmpty)
        #expect(level.allSatisfy { $0.contains(",usage-level,x1,x1,") && $0.hasSuffix(",0.00") })
    }

    @Test(arguments: [
        (["forecast", "--trials", "1000000000000"], "--trials must be 1 to 1,000,000"),
        (["forecast", "--trials", "9223372036854775807"], "--trials must be 1 to 1,000,000"),
        (
            ["forecast", "--trials", "1000000", "--horizon", "24"],
            "--trials × --horizon must be at most 12,000,000: at --horizon 24, --trials up to 500,000"
        ),
        (["watchlist", "--trials", "2000000"], "--trials must be 1 to 1,000,000"),
        (["renew", "--trials", "2000000"], "--trials must be 1 to 1,000,000"),
        (["backtest", "--trials", "100000000"], "--trials must be 1 to 100,000"),
        (["backtest", "--origins", "1000"], "--origins must be 1 to 120"),
        (["backtest", "--min-history", "5000"], "--min-history must be 3 to 1,200 months"),
        (["forecast", "--seats", "1000000000000"], "--seats must be from 1 to 10,000,000"),
        (["forecast", "--horizon", "121"], "--horizon must be 1 to 120 months"),
        (["watchlist", "--threads", "100000"], "--threads must be 1 to 256"),
        (["renew", "--limit", "2000000"], "--limit must be 0 to 1,000,000"),
        (["forecast", "--precision", "0.5"], "--precision must be between 0 and 0.5, e.g. 0.005"),
    ])
    func optionsPastTheirBoundsAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments + ["--usage", "samples/team-usage.csv"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Error: \(message)"), "\(result.standardError)")
    }
}
