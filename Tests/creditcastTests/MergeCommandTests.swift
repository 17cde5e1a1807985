import Foundation
import Testing

/// `--shard K/N` and `creditcast merge`: N shards merged are the single run, byte for byte.
@Suite struct MergeCommandTests {
    private static let portfolio = ["--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv", "--quiet"]

    /// Every file under `directory`, by its path inside it.
    /// Runs `command` once whole and in `count` shards, merges the shards, and returns the
    /// single run's files, the merge's files, and both runs' standard output (the report
    /// directory's name replaced by `OUT`).
    private func singleAndMerged(
        _ command: String, _ arguments: [String], shards count: Int, in directory: URL, single singleArguments: [String] = [],
        merge mergeArguments: [String] = []
    ) throws -> (single: [String: Data], merged: [String: Data], printed: (single: String, merged: String)) {
        let single = directory.appendingPathComponent("\(command)-single")
        let whole = try CommandRunner.run([command] + arguments.filter { $0 != "--quiet" } + singleArguments + ["--out", single.path])
        #expect(whole.status == 0, "\(whole.standardError)")
        var shardDirectories: [String] = []
        for number in 1...count {
            let out = directory.appendingPathComponent("\(command)-\(number)-of-\(count)")
            let shard = try CommandRunner.run([command] + arguments + ["--shard", "\(number)/\(count)", "--out", out.path])
            #expect(shard.status == 0, "\(shard.standardError)")
            #expect(shard.standardOutput == "" && shard.standardError == "")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                    ".creditcast-manifest", "creditcast-shard.jsonl",
                ])
            shardDirectories.append(out.path)
        }
        let merged = directory.appendingPathComponent("\(command)-merged-\(count)")
        // Shards may come in any order.
        let merge = try CommandRunner.run(["merge"] + shardDirectories.reversed() + mergeArguments + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardError == "")
        return (
            try CommandRunner.files(in: single), try CommandRunner.files(in: merged),
            (
                whole.standardOutput.replacingOccurrences(of: single.path, with: "OUT"),
                merge.standardOutput.replacingOccurrences(of: merged.path, with: "OUT")
            )
        )
    }

    /// Charts are a choice of the reports: `--charts all` on the single run and on the merge
    /// give the same 24 charts, and `none` none, whatever the shards were told.
    @Test func theMergeChartsAsItIsTold() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let all = try singleAndMerged(
            "forecast", Self.portfolio + ["--trials", "100", "--horizon", "3"], shards: 2, in: directory,
            single: ["--charts", "all"], merge: ["--charts", "all"]
        )
        #expect(all.single.keys.filter { $0.hasPrefix("/charts/") }.count == 24)
        #expect(all.single == all.merged)
        #expect(all.printed.single.hasSuffix("charts/ (24 charts).\n"))
        let none = try singleAndMerged(
            "forecast", Self.portfolio + ["--trials", "100", "--horizon", "3", "--charts", "all"], shards: 2,
            in: directory.appendingPathComponent("none"), single: ["--charts", "none"], merge: ["--charts", "none"]
        )
        #expect(!none.single.keys.contains { $0.hasPrefix("/charts/") })
        #expect(none.single == none.merged)
        #expect(none.printed.merged.hasSuffix("charts/ (0 charts).\n"))
    }

    @Test(arguments: [1, 2, 3])
    func forecastShardsMergeIntoTheSingleRunByteForByte(_ count: Int) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nbusier,2026-12,,,1.5,\nbigger,2027-02,+5,,,Birch Inc\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try singleAndMerged(
            "forecast", Self.portfolio + ["--trials", "300", "--horizon", "6", "--scenario", scenario.path], shards: count, in: directory
        )
        #expect(outcome.single.keys.sorted() == outcome.merged.keys.sorted())
        for name in ["/report.md", "/forecast.csv", "/summary.csv", "/provenance.json", "/scenarios.csv", "/scenarios.md"] {
            #expect(outcome.single[name] != nil)
            #expect(outcome.single[name] == outcome.merged[name], "\(name) differs")
        }
        // The default charts the 20 workspaces report.md details, in both.
        #expect(outcome.single.keys.filter { $0.hasPrefix("/charts/") }.count == 20)
        #expect(outcome.single == outcome.merged)
        #expect(outcome.printed.single == outcome.printed.merged)
        #expect(outcome.printed.single.hasPrefix("Forecast 2026-11 to 2027-04 for 24 workspaces (300 trials, seed 1, model seats)."))
    }

    /// The working days' elasticity is summed in the months' order: summed in a dictionary's,
    /// which differs from process to process, it differed in its last bit between shards, and
    /// the merge refused them. Eight workspaces whose usage follows their months' weekdays, three
    /// years from 2023-01, in three shards, merge into the single run byte for byte.
    @Test func aPortfolioThatFollowsItsWeekdaysMergesIntoTheSingleRunByteForByte() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func weekdays(year: Int, month: Int) -> Int {
            let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
            let days = calendar.range(of: .day, in: .month, for: first)!.count
            return (0..<days).filter { day in
                let weekday = calendar.component(.weekday, from: first.addingTimeInterval(Double(day) * 86_400))
                return weekday != 1 && weekday != 7
            }.count
        }
        var csv = "workspace,seat,month,credits\n"
        for workspace in 0..<8 {
            for seat in 0..<4 {
                for offset in 0..<36 {
                    let (year, month) = (2023 + offset / 12, offset % 12 + 1)
                    let wobble = Double((workspace * 7 + seat * 3 + offset * 11) % 13 - 6) / 200
                    let credits = Int((Double(weekdays(year: year, month: month)) * 50 * (1 + wobble)).rounded())
                    csv += "team-\(workspace),s\(seat),\(year)-\(month < 10 ? "0" : "")\(month),\(credits)\n"
                }
            }
        }
        let usage = directory.appendingPathComponent("weekdays.csv")
        try csv.write(to: usage, atomically: true, encoding: .utf8)
        let outcome = try singleAndMerged(
            "forecast", ["--usage", usage.path, "--plan", "pro", "--trials", "100", "--horizon", "3", "--quiet"], shards: 3,
            in: directory)
        let report = String(decoding: try #require(outcome.single["/report.md"]), as: UTF8.self)
        #expect(report.contains("- **Working days:** usage follows a month's weekdays with an elasticity of "))
        #expect(outcome.single == outcome.merged)
    }

    /// A shard the hash leaves without a workspace is a shard like the others: the team sample's
    /// one workspace in two shards merges into the single run, for each command.
    @Test(arguments: ["forecast", "watchlist", "renew"])
    func aShardWithoutWorkspacesMergesLikeAnyOther(_ command: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let team = ["--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "100", "--quiet"]
        let outcome = try singleAndMerged(command, team, shards: 2, in: directory)
        #expect(!outcome.single.isEmpty)
        #expect(outcome.single == outcome.merged)
        #expect(outcome.printed.single == outcome.printed.merged)
    }

    /// Seat fees travel through the shard files: with Launch and Growth priced and Pro not,
    /// forecast and renew scenarios merge into the single run byte for byte, known fees and
    /// "credit spend only" alike.
    @Test func seatFeesAndTotalCostsMergeIntoTheSingleRunByteForByte() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pricing = directory.appendingPathComponent("pricing.yaml")
        try "plans:\n  launch: {credits: 2000, seat_price: 25}\n  growth: {credits: 3000, seat_price: 45}\n  pro: 4000\n"
            .write(to: pricing, atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("what-if.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\nbigger,2027-02,+5,,,Birch Inc\nup,2027-01,,growth,,\n"
            .write(to: scenario, atomically: true, encoding: .utf8)
        let arguments = Self.portfolio + ["--pricing", pricing.path, "--scenario", scenario.path]
        let forecast = try singleAndMerged("forecast", arguments + ["--trials", "100", "--horizon", "6"], shards: 3, in: directory)
        let scenarios = String(decoding: try #require(forecast.single["/scenarios.csv"]), as: UTF8.self)
        #expect(scenarios.contains(",\"credit spend only, excluding seat fees\"\n"))
        // Birch Inc: 9 Growth seats for 6 months, then 5 more from February (3 months), at $45.
        #expect(scenarios.contains("\nBirch Inc,baseline,9,"))
        let bigger = scenarios.split(separator: "\n").first { $0.hasPrefix("Birch Inc,bigger,") } ?? ""
        let fields = bigger.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == 17)
        #expect(fields.dropFirst(14).first == "3105.00")
        #expect(forecast.single == forecast.merged)
        #expect(forecast.printed.single == forecast.printed.merged)
        let renew = try singleAndMerged("renew", arguments + ["--trials", "100"], shards: 2, in: directory)
        let summary = String(decoding: try #require(renew.single["/renew-summary.csv"]), as: UTF8.self)
        #expect(summary.contains(",\"credit spend only, excluding seat fees\"\n"))
        #expect(renew.single == renew.merged)
        #expect(renew.printed.single == renew.printed.merged)
    }

    @Test func forecastInPrecisionModeMergesWithTheLargestTrialCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let outcome = try singleAndMerged("forecast", Self.portfolio + ["--precision", "0.02", "--horizon", "3"], shards: 4, in: directory)
        #expect(!outcome.single.isEmpty)
        #expect(outcome.single == outcome.merged)
    }

    @Test(arguments: [2, 3])
    func watchlistAndRenewShardsMergeIntoTheSingleRunByteForByte(_ count: Int) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let watchlist = try singleAndMerged("watchlist", Self.portfolio + ["--trials", "200"], shards: count, in: directory)
        #expect(
            watchlist.single.keys.sorted() == [
                "/.creditcast-manifest", "/provenance.json", "/watchlist.csv", "/watchlist.html", "/watchlist.md",
            ]
        )
        #expect(watchlist.single == watchlist.merged)
        #expect(watchlist.printed.single == watchlist.printed.merged)
        let renew = try singleAndMerged("renew", Self.portfolio + ["--trials", "100"], shards: count, in: directory)
        #expect(
            renew.single.keys.sorted() == [
                "/.creditcast-manifest", "/provenance.json", "/renew-summary.csv", "/renew.csv", "/renew.html", "/renew.md",
            ])
        #expect(renew.single == renew.merged)
        #expect(renew.printed.single == renew.printed.merged)
    }

    /// Runs shard `number` of `count` of a small forecast into `directory/name`.
    private func shard(_ number: Int, of count: Int, in directory: URL, name: String, extra: [String] = []) throws -> String {
        let out = directory.appendingPathComponent(name).path
        let result = try CommandRunner.run(
            ["forecast"] + Self.portfolio + ["--trials", "50", "--horizon", "2", "--shard", "\(number)/\(count)", "--out", out] + extra
        )
        #expect(result.status == 0, "\(result.standardError)")
        return out
    }

    @Test func mergeRefusesMissingOverlappingAndForeignShards() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let one = try shard(1, of: 3, in: directory, name: "one")
        let two = try shard(2, of: 3, in: directory, name: "two")
        let three = try shard(3, of: 3, in: directory, name: "three")
        let otherSeed = try shard(2, of: 3, in: directory, name: "seed", extra: ["--seed", "7"])
        let otherTrials = try shard(2, of: 3, in: directory, name: "trials", extra: ["--trials", "60"])
        let half = try shard(2, of: 2, in: directory, name: "half")
        let out = directory.appendingPathComponent("merged")

        func merge(_ directories: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(["merge"] + directories + ["--out", out.path])
        }
        var result = try merge([one, three])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: shard 2/3 is missing; merge needs the output of all 3 shards (rerun the missing ones with --shard K/3)\n")

        result = try merge([one, two, three, two])
        #expect(result.status == 1)
        #expect(
            result.standardError == "creditcast: shard 2/3 is given more than once (\(two), \(two)); give each shard's directory once\n")

        result = try merge([one, otherSeed, three])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: \(one) ran with seed 1 but \(otherSeed) with seed 7; run every shard with the same --seed\n")

        result = try merge([one, otherTrials, three])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("creditcast: \(one) and \(otherTrials) come from different inputs or settings (input hash "))
        #expect(result.standardError.hasSuffix("run every shard on the same files with the same options, changing only --shard\n"))

        result = try merge([one, half])
        #expect(result.status == 1)
        #expect(
            result.standardError == "creditcast: \(one) is shard 1/3 but \(half) is shard 2/2; every shard of a run must use the same N\n")

        result = try merge([one, directory.path])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: \(directory.path): no creditcast-shard.jsonl; give the --out directory of a run with --shard K/N\n")

        // Nothing was written by any refused merge.
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try merge([three, one, two]).status == 0)
    }

    /// A tree merge: shards 1 and 2 of 4, and 3 and 4, merged with --partial, then the two
    /// partial directories merged, write the single run's reports byte for byte.
    @Test func aTreeMergeWritesTheSingleRunsReports() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let shards = try (1...4).map { try shard($0, of: 4, in: directory, name: "s\($0)") }
        let single = directory.appendingPathComponent("single")
        #expect(
            try CommandRunner.run(["forecast"] + Self.portfolio + ["--trials", "50", "--horizon", "2", "--out", single.path]).status == 0)
        var groups: [String] = []
        for (name, pair) in [("a", [shards[0], shards[1]]), ("b", [shards[3], shards[2]])] {
            let out = directory.appendingPathComponent(name).path
            let result = try CommandRunner.run(["merge", "--partial"] + pair + ["--out", out])
            #expect(result.status == 0, "\(result.standardError)")
            groups.append(out)
        }
        #expect(
            try CommandRunner.run(["merge", "--partial", shards[0], "--out", directory.appendingPathComponent("c").path]).standardOutput
                == "Shards 1/4 merged into \(directory.appendingPathComponent("c").path)/creditcast-shard.jsonl.\n")
        let merged = directory.appendingPathComponent("merged")
        let result = try CommandRunner.run(["merge"] + groups + ["--out", merged.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try CommandRunner.files(in: single) == CommandRunner.files(in: merged))
        let partialWithoutOut = try CommandRunner.run(["merge", "--partial"] + shards)
        #expect(partialWithoutOut.status == 64)
        #expect(partialWithoutOut.standardError.hasPrefix("Error: --partial needs --out, the directory for the merged shard file\n"))
    }

    /// A shard file edited by hand is refused with its file and line, exit code 1, and no report.
    @Test func anEditedShardIsRefusedAndNothingIsWritten() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let one = try shard(1, of: 2, in: directory, name: "one")
        let two = try shard(2, of: 2, in: directory, name: "two")
        let file = URL(fileURLWithPath: one).appendingPathComponent("creditcast-shard.jsonl")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, pattern, replacement, message) in [
            (
                0, #""portfolio_workspaces":24"#, #""portfolio_workspaces":1152921504606846976"#,
                #":1: not a readable creditcast shard file: "portfolio_workspaces" is 1152921504606846976, not a whole number from 0 to 100,000,000"#
            ),
            (
                1, #""p_cap":"[^"]*""#, #""p_cap":"7.5""#,
                #":2: not a readable creditcast shard file: "p_cap" is "7.5", not a probability from 0 to 1"#
            ),
        ] {
            var edited = lines
            let range = try #require(edited[line].range(of: pattern, options: .regularExpression))
            edited[line].replaceSubrange(range, with: replacement)
            try edited.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let out = directory.appendingPathComponent("merged")
            let result = try CommandRunner.run(["merge", one, two, "--out", out.path])
            #expect(result.status == 1)
            #expect(result.standardError == "creditcast: \(file.path)\(message)\n")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func badShardSettingsAreCommandLineErrors() throws {
        for (arguments, message) in [
            (
                ["--shard", "0/3"],
                "Error: --shard 0/3 is out of range; K counts from 1 to 3 (for a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX, pass the index + 1)\n"
            ),
            (["--shard", "two/3"], "Error: --shard \"two/3\" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)\n"),
            (["--shard", "1/2", "--trials-out", "t.csv"], "Error: --trials-out cannot be combined with --shard\n"),
        ] {
            let result = try CommandRunner.run(["forecast", "--usage", "samples/team-usage.csv", "--plan", "growth"] + arguments)
            #expect(result.status == 64)
            #expect(result.standardError.hasPrefix(message))
        }
    }
}
