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
        #expect(try inputHash(["forecast"] + Self.portfolio) == "d00e3b01552da62b")
        #expect(
            try inputHash(["forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "100", "--quiet"])
                == "257f88b297715915")
        #expect(try inputHash(["watchlist"] + Self.portfolio) == "0fc486ecd9190b40")
        #expect(try inputHash(["renew"] + Self.portfolio) == "16200612eb43a496")
        #expect(
            try inputHash([
                "backtest", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "50", "--origins", "2", "--horizon", "2",
                "--quiet",
            ]) == "701e39f95ec235cd")
    }

    @Test func threadsAndShardsKeepTheHashAndASettingChangesIt() throws {
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--threads", "1"]) == "d00e3b01552da62b")
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--shard", "2/3"], file: "creditcast-shard.jsonl") == "d00e3b01552da62b")
        #expect(try inputHash(["forecast"] + Self.portfolio + ["--seed", "2"]) != "d00e3b01552da62b")
    }
}
