import CreditForecast
import Testing

@testable import CreditSharding

/// The shards a shard file holds, as its header writes them: `3/8` for one, `1-4,7/8` for a
/// partial merge's.
@Suite struct ShardSetTests {
    @Test func oneShardReadsAndWritesAsKOverN() throws {
        let set = ShardSet(try Shard(number: 3, count: 8))
        #expect(set.description == "3/8" && set.ranges == [3...3] && !set.isComplete)
        #expect(ShardSet(parsing: "3/8") == set)
    }

    @Test func aUnionJoinsAdjacentShards() {
        let set = ShardSet(union: [5...5, 1...2, 3...3, 7...8], count: 8)
        #expect(set.ranges == [1...3, 5...5, 7...8])
        #expect(set.description == "1-3,5,7-8/8")
        #expect(ShardSet(parsing: "1-3,5,7-8/8") == set)
        #expect(ShardSet(union: [1...4, 5...8], count: 8).isComplete)
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "3", "0/8", "9/8", "3-2/8", "1-3,3/8", "1-3,4/8", "5,2/8", "1/0", "1//8", "-1/8", "1-/8", "a/8", "1/1234567890"] {
            #expect(ShardSet(parsing: text) == nil, "\(text)")
        }
    }

    @Test func itHoldsTheWorkspacesThatHashToItsShards() throws {
        let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
        let set = ShardSet(union: [1...1, 3...3], count: 4)
        #expect(names.filter(set.contains) == names.filter { [1, 3].contains(Shard.number(of: $0, count: 4)) })
        #expect(names.filter(set.contains) == ["echo"])
    }
}
