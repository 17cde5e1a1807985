import Foundation
import Testing

/// The input hash of the bundled samples, pinned: a change to how the hash is built (a field
/// renamed, reordered or dropped) changes every report's provenance and must be deliberate.
@Suite struct InputHashTests {
    static let portfolio = [
        "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv", "--trials", "100", "--quiet",
    ]

    /// The `input_hash` a run with `arguments` writes into `file` of its `--out` directory.
    func inputHash(_ arguments: [String], file: String = "provenance.json") throws -> String {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(arguments + ["--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        let pattern = try #require(text.range(of: #""input_hash" *: *"[0-9a-f]{16}""#, options: .regularExpression))
        return String(text[pattern].suffix(17).dropLast())
    }

    @Test func theSamplesHashAsPinned() throws {
        #expect(try inputHash(["forecast"] + Self.portfolio) == "76c0a2922dd20152")
        #expect(
            try inputHash(["forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "100", "--quiet"])
                == "57ae0384e12ecdc0")
        #expect(try inputHash(["watchlist"] + Self.portfolio) == "d3e13a9907958911")
        #expect(try inputHash(["renew"] + Self.portfolio) == "6156328713e2b81b")
        #expect(
            try inputHash([
                "backtest", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "50", "--origins", "2", "--horizon", "2",
                "--quiet",
            ]) == "79a2aa57de63bba4")
    }

    @Test func threadsAndShardsKeepTheHashAndASettingChangesIt() throws {
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--threads", "1"]) == "76c0a2922dd20152")
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--shard", "2/3"], file: "creditcast-shard.jsonl") == "76c0a2922dd20152")
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--seed", "2"]) != "76c0a2922dd20152")
    }

    /// The seats model's parameters change its figures, so they are in the hash of forecast,
    /// watchlist and renew (the hashes pinned above changed when they were added); the bootstrap
    /// model has none, and its hash is what it was before they were.
    @Test func theBootstrapModelsHashHasNoSeatsParameters() throws {
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--model", "bootstrap"]) == "14893f2d82640a1b")
    }
}
