import CreditCore
import CreditDecisions
import CreditForecast
import CreditReports
import CreditSharding
import Foundation
import Testing

/// `ShardMerge` and `ShardFile` on hand-made shard results: what merges, what is refused and
/// why, and that a shard file reads back without losing a bit.
@Suite struct MergeErrorTests {

    /// A workspace whose doubles have no short decimal form (1/3, 0.1 + 0.2, 2/7).
    static func workspace(_ name: String) -> WorkspaceForecast {
        let month = Month("2026-11")!
        let percentiles = Percentiles(p5: 1, p10: 2, p50: 3, p90: 4, p95: 5)
        return WorkspaceForecast(
            name: name, plan: "growth", seats: 3, startingBalance: 1_234, cap: 45_000,
            months: [
                MonthForecast(
                    month: month, seats: 3, accrual: 9_000, cap: 45_000, usage: percentiles, opening: percentiles, closing: percentiles,
                    closingMean: 1.0 / 3.0, probabilityOfCapHit: 0.1 + 0.2, probabilityOfShortfall: 2.0 / 7.0, forfeitedMean: 1e-17,
                    shortfallMean: 12_345.678_9, payAsYouGoCostMean: Money(cents: 4_321), probabilityOfCapHitByThen: 0.3,
                    probabilityOfShortfallByThen: 5.0 / 7.0
                )
            ],
            probabilityOfAnyCapHit: 0.1 + 0.2, probabilityOfAnyShortfall: 5.0 / 7.0, capHitLikelyBy: nil, shortfallLikelyBy: month,
            expectedForfeited: 1.0 / 3.0, expectedShortfall: 2.5, expectedPayAsYouGoCost: Money(cents: 4_321), trials: 7
        )
    }

    /// The names of a three-shard portfolio of six workspaces, with each one's shard.
    static let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]

    static func result(_ number: Int, of count: Int = 3, seed: UInt64 = 1, hash: String = "00ff", kind: ShardKind = .forecast) -> RunResult
    {
        let shard = try! Shard(number: number, count: count)
        let positions = names.indices.filter { shard.contains(names[$0]) }
        let workspaces = positions.map { workspace(names[$0]) }
        let payload: ShardPayload =
            switch kind {
            case .forecast: .forecast([("baseline", workspaces)], annual: [])
            case .watchlist: .watchlist(workspaces: workspaces, thresholds: .standard)
            case .renew: .renew(scenarios: [("baseline", [])], risk: .mean, sensitivity: nil)
            }
        return RunResult(
            shard: shard, portfolioCount: names.count, positions: kind == .renew ? [] : positions,
            run: ForecastRun(
                settings: ForecastSettings(horizon: 1, trials: 7, seed: seed), asOf: Month("2026-10")!, inputHash: hash, workspaces: []),
            assumptions: ReportAssumptions(pricing: "p", rules: "r"), payload: payload
        )
    }

    static func merging(_ shards: [(String, RunResult)]) -> MergeError? {
        do {
            _ = try ShardMerge.merge(shards.map { (directory: $0.0, result: $0.1) })
            return nil
        } catch {
            return error
        }
    }

    @Test func shardsInAnyOrderMergeIntoThePortfolioOrder() throws {
        let merged = try ShardMerge.merge([("c", Self.result(3)), ("a", Self.result(1)), ("b", Self.result(2))])
        #expect(merged.shard == .whole && merged.isWhole)
        #expect(merged.positions == Array(0..<6))
        #expect(merged.payload.workspaceNames == Self.names)
    }

    @Test func aMissingShardIsNamed() {
        let error = Self.merging([("a", Self.result(1)), ("c", Self.result(3))])
        #expect(error == .missingShards(numbers: [2], count: 3))
        #expect(error?.description == "shard 2/3 is missing; merge needs the output of all 3 shards (rerun the missing ones)")
    }

    @Test func aShardGivenTwiceIsRefused() {
        let error = Self.merging([("a", Self.result(1)), ("b", Self.result(2)), ("b2", Self.result(2)), ("c", Self.result(3))])
        #expect(error == .overlappingShards(shard: "2/3", directories: ["b", "b2"]))
        #expect(error?.description == "shard 2/3 is given more than once (b, b2); give each shard's directory once")
    }

    @Test func shardsOfDifferentSeedsInputsCutsOrReportsAreRefused() {
        #expect(
            Self.merging([("a", Self.result(1)), ("b", Self.result(2, seed: 9)), ("c", Self.result(3))])
                == .differentSeeds("a", 1, "b", 9))
        #expect(
            MergeError.differentSeeds("a", 1, "b", 9).description
                == "a ran with seed 1 but b with seed 9; run every shard with the same seed")
        #expect(
            Self.merging([("a", Self.result(1)), ("b", Self.result(2, hash: "abcd")), ("c", Self.result(3))])
                == .differentInputs("a", "00ff", "b", "abcd"))
        #expect(
            MergeError.differentInputs("a", "00ff", "b", "abcd").description
                == "a and b come from different inputs or settings (input hash 00ff against abcd); run every shard on the same files with the same options, changing only the shard"
        )
        #expect(Self.merging([("a", Self.result(1)), ("b", Self.result(2, of: 2))]) == .differentShardCounts("a", "1/3", "b", "2/2"))
        #expect(
            Self.merging([("a", Self.result(1)), ("b", Self.result(2, kind: .watchlist))])
                == .differentReports("a", .forecast, "b", .watchlist))
    }

    @Test func aWorkspaceInTheWrongShardIsRefused() {
        var wrong = Self.result(1)
        // "alpha" and friends relabelled as shard 2: their names hash elsewhere.
        wrong = RunResult(
            shard: try! Shard(number: 2, count: 3), portfolioCount: 6, positions: wrong.positions, run: wrong.run,
            assumptions: wrong.assumptions, payload: wrong.payload
        )
        let error = Self.merging([("a", Self.result(1)), ("b", wrong), ("c", Self.result(3))])
        guard case let .inconsistent(path, reason) = error else {
            Issue.record("expected an inconsistent shard, got \(String(describing: error))")
            return
        }
        #expect(path == "a/creditcast-shard.jsonl" || path == "b/creditcast-shard.jsonl")
        #expect(reason.contains("belongs to shard"))
    }

    @Test func aShardFileReadsBackBitForBit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shard-\(UUID().uuidString)").path
        for kind in [ShardKind.forecast, .watchlist] {
            let original = Self.result(2, kind: kind)
            try ReportSet(files: [ShardFile.reportFile(original)]).write(to: directory)
            let read = try ShardFile.read(directory: directory)
            #expect(read.shard == original.shard && read.positions == original.positions && read.kind == kind)
            #expect(read.run == original.run)
            #expect(read.baselineRun == original.baselineRun)
            #expect(read.reportFiles.files.map(\.text) == original.reportFiles.files.map(\.text))
        }
    }

    @Test func aDamagedShardFileNamesItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shard-\(UUID().uuidString)")
        try ReportSet(files: [ShardFile.reportFile(Self.result(2))]).write(to: directory.path)
        let file = directory.appendingPathComponent(ShardFile.fileName)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try
            (lines[0] + "\n" + lines[1].replacingOccurrences(of: "\"p_any_cap\":\"", with: "\"p_any_cap\":\"x") + "\n"
            + lines.dropFirst(2).joined(separator: "\n"))
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: MergeError.unreadable(path: file.path, line: 2, reason: "\"p_any_cap\" is missing or not a decimal in a string")) {
            try ShardFile.read(directory: directory.path)
        }
        try (lines[0] + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: MergeError.self) { try ShardFile.read(directory: directory.path) }
    }
}
