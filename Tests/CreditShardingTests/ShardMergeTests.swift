import CreditCore
import CreditForecast
import CreditReports
import CreditSharding
import Foundation
import Testing

/// `ShardMerge` on hand-made shard files: what merges, what is refused and why, and that a
/// tree merge (partial merges, then a merge of those) gives what merging the shards does.
@Suite struct ShardMergeTests {
    typealias Fixtures = ShardFixtures

    static func merged(_ directories: [String]) throws -> RunResult {
        try ShardMerge.merge(try directories.map { directory throws(MergeError) in try ShardFileReader(directory: directory) })
    }

    @Test func shardsInAnyOrderMergeIntoThePortfolioOrder() throws {
        let merged = try Self.merged([3, 1, 2].map { try Fixtures.written(Fixtures.result($0)) })
        #expect(merged.shard == .whole && merged.isWhole)
        #expect(merged.positions == Array(0..<6))
        #expect(merged.payload.workspaceNames == Fixtures.names)
    }

    @Test func aMissingShardIsNamed() throws {
        let error = Fixtures.mergingError([1, 3].map { try! Fixtures.written(Fixtures.result($0)) })
        #expect(error == .missingShards([2...2], count: 3))
        #expect(error?.description == "shard 2/3 is missing; merge needs the output of all 3 shards (rerun the missing ones)")
    }

    @Test func missingShardsAreNamedAsRanges() throws {
        let error = Fixtures.mergingError([1, 4].map { try! Fixtures.written(Fixtures.result($0, of: 5)) })
        #expect(error == .missingShards([2...3, 5...5], count: 5))
        #expect(error?.description == "shards 2-3/5, 5/5 are missing; merge needs the output of all 5 shards (rerun the missing ones)")
    }

    @Test func aShardGivenTwiceIsRefused() throws {
        let (a, b, b2, c) = try (
            Fixtures.written(Fixtures.result(1)), Fixtures.written(Fixtures.result(2)), Fixtures.written(Fixtures.result(2)),
            Fixtures.written(Fixtures.result(3))
        )
        let error = Fixtures.mergingError([a, b, b2, c])
        #expect(error == .overlappingShards(shard: "2/3", directories: [b, b2]))
        #expect(error?.description == "shard 2/3 is given more than once (\(b), \(b2)); give each shard's directory once")
    }

    @Test func shardsOfDifferentSeedsInputsCutsOrReportsAreRefused() throws {
        let (a, c) = try (Fixtures.written(Fixtures.result(1)), Fixtures.written(Fixtures.result(3)))
        let seed9 = try Fixtures.written(Fixtures.result(2, seed: 9))
        #expect(Fixtures.mergingError([a, seed9, c]) == .differentSeeds(a, 1, seed9, 9))
        #expect(
            MergeError.differentSeeds("a", 1, "b", 9).description
                == "a ran with seed 1 but b with seed 9; run every shard with the same seed")
        let otherHash = try Fixtures.written(Fixtures.result(2, hash: "abcd"))
        #expect(Fixtures.mergingError([a, otherHash, c]) == .differentInputs(a, "00ff", otherHash, "abcd"))
        #expect(
            MergeError.differentInputs("a", "00ff", "b", "abcd").description
                == "a and b come from different inputs or settings (input hash 00ff against abcd); run every shard on the same files with the same options, changing only the shard"
        )
        let ofTwo = try Fixtures.written(Fixtures.result(2, of: 2))
        #expect(Fixtures.mergingError([a, ofTwo]) == .differentShardCounts(a, "1/3", ofTwo, "2/2"))
        let watchlist = try Fixtures.written(Fixtures.result(2, kind: .watchlist))
        #expect(Fixtures.mergingError([a, watchlist]) == .differentReports(a, .forecast, watchlist, .watchlist))
    }

    @Test func aWorkspaceInTheWrongShardIsRefused() throws {
        let first = Fixtures.result(1)
        // Shard 1's workspaces relabelled as shard 2: their names hash to shard 1.
        let wrong = RunResult(
            shard: try Shard(number: 2, count: 3), portfolioCount: 6, positions: first.positions, run: first.run,
            assumptions: first.assumptions, payload: first.payload
        )
        let directory = try Fixtures.written(wrong)
        let name = first.payload.workspaceNames[0]
        #expect(Shard.number(of: name, count: 3) == 1)
        #expect(
            Fixtures.readingError(directory)
                == .inconsistent(ShardFile.path(in: directory), "workspace \"\(name)\" belongs to shard 1/3, not 2/3"))
    }

    @Test func shardsThatDoNotAddUpToThePortfolioAreRefused() throws {
        let directories = try [1, 2, 3].map { try Fixtures.written(Fixtures.result($0, portfolio: 7)) }
        #expect(
            Fixtures.mergingError(directories)
                == .inconsistent(ShardFile.path(in: directories[0]), "the shards hold 6 workspace lines together but the portfolio has 7"))
    }

    /// A tree merge: shards 1 and 3 of 4 merged partially, 2 and 4 likewise, then the two partial
    /// files merged, give the result of merging the four shards at once, line for line.
    @Test func aTreeMergeEqualsTheDirectMerge() throws {
        let shards = try (1...4).map { try Fixtures.written(Fixtures.result($0, of: 4)) }
        var groups: [String] = []
        for pair in [[shards[0], shards[2]], [shards[1], shards[3]]] {
            let readers = try pair.map { directory throws(MergeError) in try ShardFileReader(directory: directory) }
            let partial = try ShardMerge.partial(readers)
            let directory = Fixtures.directory()
            try ReportSet(files: [partial.file]).write(to: directory)
            #expect(partial.failure.error == nil)
            groups.append(directory)
        }
        #expect(try ShardFileReader(directory: groups[0]).header.shards.description == "1,3/4")
        #expect(try ShardFileReader(directory: groups[1]).header.shards.description == "2,4/4")
        let tree = try Self.merged(groups)
        let direct = try Self.merged(shards)
        #expect(tree.positions == Array(0..<6) && tree.payload.workspaceNames == Fixtures.names)
        #expect(ShardFile.reportFile(tree).text == ShardFile.reportFile(direct).text)
        #expect(RunReports(tree).files.files.map(\.text) == RunReports(direct).files.files.map(\.text))
        // A partial file and one of its own shards overlap.
        guard case let .overlappingShards(shard, directories) = Fixtures.mergingError([groups[0], shards[0], groups[1]]) else {
            Issue.record("expected overlapping shards")
            return
        }
        #expect(shard == "1/4" && Set(directories) == [groups[0], shards[0]])
    }

    /// A partial merge reads every file to its checksum while it writes; a damaged file makes
    /// the write fail with the file's own error, and nothing is written.
    @Test func aPartialMergeOfADamagedFileWritesNothing() throws {
        let (a, b) = try (Fixtures.written(Fixtures.result(1)), Fixtures.written(Fixtures.result(2)))
        try Fixtures.edit(b, line: 2, reseal: false) { Fixtures.replacing(#""trials":7"#, with: #""trials":6"#, in: $0) }
        let partial = try ShardMerge.partial([try ShardFileReader(directory: a), try ShardFileReader(directory: b)])
        let out = Fixtures.directory()
        #expect(throws: ReportWriteError.self) { try ReportSet(files: [partial.file]).write(to: out) }
        guard case let .unreadable(path, line, reason) = partial.failure.error else {
            Issue.record("expected an unreadable file, got \(String(describing: partial.failure.error))")
            return
        }
        #expect(path == ShardFile.path(in: b) && line == nil)
        #expect(reason.hasPrefix("its checksum "))
        #expect(!FileManager.default.fileExists(atPath: ShardFile.path(in: out)))
    }
}
