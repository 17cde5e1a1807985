import Foundation
import Testing

@Suite struct WatchlistCommandTests {
    private static let portfolio = ["--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv"]

    @Test func ranksEveryWorkspaceAndIsByteIdenticalWhateverTheThreadCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var outputs: [[String]] = []
        for threads in ["1", "2"] {
            let out = directory.appendingPathComponent("t\(threads)")
            let result = try CommandRunner.run(
                ["watchlist"] + Self.portfolio + [
                    "--trials", "300", "--threads", threads, "--out", out.path, "--limit", "5",
                ])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.hasPrefix("Watchlist as of "))
            #expect(result.standardOutput.contains("(19 more in watchlist.csv)"))
            outputs.append(
                try ["watchlist.csv", "watchlist.md", "provenance.json"].map {
                    try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)
                })
        }
        #expect(outputs[0] == outputs[1])
        let lines = outputs[0][0].split(separator: "\n")
        #expect(
            lines[0]
                == "rank,workspace,status,plan,seats,balance,cap,pct_of_cap,p_cap_1m,p_cap_3m,p_shortfall_1m,p_shortfall_3m,expected_forfeited_next_quarter,cap_likely_by,shortfall_likely_by,expected_payg_in_window,expected_shortfall_in_window,expected_forfeited_in_window,reason"
        )
        #expect(lines.count == 1 + 24)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { Int($0[0]) } == (1...24).map { $0 })
        let statuses = rows.map { String($0[2]) }
        #expect(Set(statuses).isSubset(of: ["running-short", "near-cap", "healthy"]))
        // Sorted by status: every running-short row before every near-cap row before healthy.
        let order = ["running-short": 0, "near-cap": 1, "healthy": 2]
        #expect(statuses.map { order[$0]! } == statuses.map { order[$0]! }.sorted())
        // The sample has teams on both sides of the pool.
        #expect(statuses.contains("running-short") && statuses.contains("near-cap"))
    }

    @Test func thresholdsMoveWorkspacesBetweenStatuses() throws {
        let directory = try CommandRunner.temporaryDirectory()
        func statuses(_ extra: [String]) throws -> [String] {
            let out = directory.appendingPathComponent(UUID().uuidString)
            let result = try CommandRunner.run(["watchlist"] + Self.portfolio + ["--trials", "200", "--out", out.path, "--quiet"] + extra)
            #expect(result.status == 0 && result.standardOutput.isEmpty)
            let text = try String(contentsOf: out.appendingPathComponent("watchlist.csv"), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[2]) }
        }
        let strict = try statuses(["--shortfall-threshold", "1", "--cap-threshold", "1", "--window", "1"])
        let loose = try statuses(["--shortfall-threshold", "0.01", "--cap-threshold", "0.01"])
        #expect(strict.count { $0 == "healthy" } > loose.count { $0 == "healthy" })
    }

    @Test func badThresholdsAreACommandLineError() throws {
        let result = try CommandRunner.run(["watchlist"] + Self.portfolio + ["--shortfall-threshold", "1.5"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("the shortfall threshold must be a probability above 0 and at most 1"))
    }
}
