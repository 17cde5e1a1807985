import CreditCore
import CreditForecast
import Foundation
import Testing

/// `creditcast split`: shards that read only their part of the usage file, with the portfolio
/// file, merge into the single run's reports byte for byte.
@Suite struct SplitCommandTests {
    private static let usage = "samples/portfolio-usage.csv"
    private static let options = ["--workspaces", "samples/workspaces.csv", "--trials", "100", "--horizon", "3", "--quiet"]

    private func split(_ count: Int, in directory: URL, extra: [String] = []) throws -> URL {
        let out = directory.appendingPathComponent("parts")
        let result = try CommandRunner.run(["split", "--usage", Self.usage, "--shards", "\(count)", "--out", out.path] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput
                == "Split \(Self.usage) (24 workspaces, 8,342 rows) into \(count) parts in \(out.path).\n"
                + "Shard K: creditcast forecast --usage \(out.path)/usage-K.csv --portfolio \(out.path)/creditcast-portfolio.json --shard K/\(count) ...\n"
        )
        return out
    }

    /// Each part holds the header and exactly the rows of its shard's workspaces.
    @Test func eachPartHoldsItsShardsRows() throws {
        let parts = try split(3, in: try CommandRunner.temporaryDirectory())
        let whole = try String(contentsOfFile: Self.usage, encoding: .utf8).split(separator: "\n").map(String.init)
        var rows = 0
        for number in 1...3 {
            let lines = try String(contentsOf: parts.appendingPathComponent("usage-\(number).csv"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            #expect(lines[0] == whole[0])
            let expected = whole.dropFirst().filter { Shard.number(of: String($0.prefix { $0 != "," }), count: 3) == number }
            #expect(Array(lines.dropFirst()) == expected)
            rows += lines.count - 1
        }
        #expect(rows == whole.count - 1)
        let portfolio = try String(contentsOf: parts.appendingPathComponent("creditcast-portfolio.json"), encoding: .utf8)
        var state = StableHash()
        state.combine(fileAt: Self.usage)
        #expect(portfolio.contains(#""usage_state": "\#(state.hex)","#))
        #expect(portfolio.contains(#""portfolio_workspaces": 24,"#) && portfolio.contains(#""as_of": "2026-10","#))
    }

    /// A forecast with a scenario naming one workspace (in one part only) too.
    @Test(arguments: [["forecast"], ["watchlist"], ["forecast", "--scenario", "SCENARIO"]])
    func partsMergeIntoTheSingleRunByteForByte(_ arguments: [String]) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nbusier,2026-12,,,1.5,\nbigger,2026-12,+5,,,Birch Inc\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let command = arguments[0]
        let extra = arguments.dropFirst().map { $0 == "SCENARIO" ? scenario.path : $0 }
        let parts = try split(3, in: directory)
        var shards: [String] = []
        for number in 1...3 {
            let out = directory.appendingPathComponent("shard-\(number)").path
            let result = try CommandRunner.run(
                [
                    command, "--usage", parts.appendingPathComponent("usage-\(number).csv").path, "--portfolio",
                    parts.appendingPathComponent("creditcast-portfolio.json").path, "--shard", "\(number)/3", "--out", out,
                ] + Self.options + extra)
            #expect(result.status == 0, "\(result.standardError)")
            shards.append(out)
        }
        let single = directory.appendingPathComponent("single")
        #expect(try CommandRunner.run([command, "--usage", Self.usage, "--out", single.path] + Self.options + extra).status == 0)
        let merged = directory.appendingPathComponent("merged")
        let merge = try CommandRunner.run(["merge"] + shards + ["--out", merged.path, "--quiet"])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(try CommandRunner.files(in: single) == CommandRunner.files(in: merged))
        #expect(try CommandRunner.files(in: single).keys.contains(extra.isEmpty ? "/provenance.json" : "/scenarios.csv"))
    }

    /// A part the hash gave no workspace holds the header alone, and its shard runs like any
    /// other: one workspace in two parts, both shards merged, is the single run. (It once stopped at "the header is not followed by any data rows", failing one task
    /// of every array whose parts outnumber a portfolio's workspaces.)
    @Test func anEmptyPartIsAShardWithoutWorkspaces() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let usage = directory.appendingPathComponent("solo.csv").path
        let rows = (0..<14).flatMap { offset in
            ["ana", "ben"].map { seat in "solo,\(seat),\(Month("2025-09")!.advanced(by: offset)),\(300 + 17 * offset)" }
        }
        try (["workspace,seat,month,credits"] + rows).joined(separator: "\n").appending("\n").write(
            toFile: usage, atomically: true, encoding: .utf8)
        let options = ["--plan", "growth", "--trials", "100", "--horizon", "3", "--quiet"]
        let parts = directory.appendingPathComponent("parts")
        #expect(try CommandRunner.run(["split", "--usage", usage, "--shards", "2", "--out", parts.path, "--quiet"]).status == 0)
        let header = "workspace,seat,month,credits\n"
        let texts = try (1...2).map { try String(contentsOf: parts.appendingPathComponent("usage-\($0).csv"), encoding: .utf8) }
        #expect(texts.filter { $0 == header }.count == 1, "\(texts.map(\.count))")
        var shards: [String] = []
        for number in 1...2 {
            let out = directory.appendingPathComponent("shard-\(number)").path
            let result = try CommandRunner.run(
                [
                    "forecast", "--usage", parts.appendingPathComponent("usage-\(number).csv").path, "--portfolio",
                    parts.appendingPathComponent("creditcast-portfolio.json").path, "--shard", "\(number)/2", "--out", out,
                ] + options)
            #expect(result.status == 0, "\(result.standardError)")
            shards.append(out)
        }
        let single = directory.appendingPathComponent("single")
        #expect(try CommandRunner.run(["forecast", "--usage", usage, "--out", single.path] + options).status == 0)
        let merged = directory.appendingPathComponent("merged")
        let merge = try CommandRunner.run(["merge"] + shards + ["--out", merged.path, "--quiet"])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(try CommandRunner.files(in: single) == CommandRunner.files(in: merged))
    }

    @Test func aPortfolioFileForAnotherRunIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let parts = try split(2, in: directory, extra: ["--as-of", "2026-06"])
        let portfolio = parts.appendingPathComponent("creditcast-portfolio.json").path
        let part = parts.appendingPathComponent("usage-1.csv").path
        let out = directory.appendingPathComponent("out").path
        for (arguments, message) in [
            (
                ["--shard", "1/2"],
                "creditcast: \(portfolio): it was written for --as-of 2026-06 but this run forecasts from 2026-10; split the usage file again for this run\n"
            ),
            (
                ["--shard", "1/3", "--as-of", "2026-06"],
                "creditcast: \(portfolio): it is for a split into 2 parts but this run is --shard 1/3; split the usage file again for this run\n"
            ),
        ] {
            let result = try CommandRunner.run(["forecast", "--usage", part, "--portfolio", portfolio, "--out", out] + arguments)
            #expect(result.status == 1)
            #expect(result.standardError == message)
        }
        let unsharded = try CommandRunner.run(["forecast", "--usage", part, "--portfolio", portfolio, "--out", out])
        #expect(unsharded.status == 64)
        #expect(unsharded.standardError.hasPrefix("Error: --portfolio needs --shard K/N: the portfolio file is for the parts of a split\n"))
        try #"{"format":"creditcast-portfolio","format_version":3}"#.write(toFile: portfolio, atomically: true, encoding: .utf8)
        let damaged = try CommandRunner.run(["forecast", "--usage", part, "--portfolio", portfolio, "--shard", "1/2", "--out", out])
        #expect(damaged.status == 1)
        #expect(
            damaged.standardError
                == "creditcast: \(portfolio): not a readable creditcast portfolio file: \"usage_state\" is missing or not text\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func splitRefusesWhatItCannotCut() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let parts = try split(2, in: directory)
        let again = try CommandRunner.run(["split", "--usage", Self.usage, "--shards", "2", "--out", parts.path])
        #expect(again.status == 2)
        #expect(again.standardError == "creditcast: \(parts.path) is not empty; give split a new directory\n")
        let team = try CommandRunner.run([
            "split", "--usage", "samples/team-usage.csv", "--shards", "2", "--out", directory.appendingPathComponent("team").path,
        ])
        #expect(team.status == 1)
        #expect(
            team.standardError
                == "creditcast: samples/team-usage.csv: the file has no workspace column, so it is one workspace and cannot be split\n")
        let tooMany = try CommandRunner.run([
            "split", "--usage", Self.usage, "--shards", "10001", "--out", directory.appendingPathComponent("x").path,
        ])
        #expect(tooMany.status == 64)
        #expect(tooMany.standardError.hasPrefix("Error: --shards must be 1 to 10,000\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("team").path))
    }
}
