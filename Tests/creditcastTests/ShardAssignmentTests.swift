import CreditCore
import CreditForecast
import CreditLedger
import Testing

/// `--shard K/N`: how the text is read and which shard a workspace goes to.
@Suite struct ShardAssignmentTests {

    @Test func readsKOfNCountedFromOne() throws {
        let shard = try Shard(parsing: "2/4")
        #expect(shard.number == 2 && shard.count == 4)
        #expect(shard.description == "2/4")
        #expect(try Shard(parsing: "1/1") == Shard.whole)
        #expect(try Shard(parsing: "4/4").number == 4)
    }

    @Test(arguments: [
        ("3", #""3" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"#),
        ("a/b", #""a/b" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"#),
        ("-1/3", #""-1/3" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"#),
        ("1/3/4", #""1/3/4" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"#),
        (" 1/3", #"" 1/3" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"#),
        (
            "0/3",
            "0/3 is out of range; K counts from 1 to 3 (for a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX, pass the index + 1)"
        ),
        (
            "4/3",
            "4/3 is out of range; K counts from 1 to 3 (for a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX, pass the index + 1)"
        ),
        ("1/0", "1/0 has no shards; N must be at least 1"),
    ])
    func rejectsAnythingElseSayingHow(_ text: String, _ message: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
        do {
            _ = try Shard(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    /// The expected shards were computed outside Swift, from FNV-1a 64 of the UTF-8 name:
    /// "Aster Labs" hashes to 0xb5c17ddd38905c34, "Birch Inc" to 0xfa4fac8a87a88ef9.
    @Test func aWorkspaceGoesToItsNameHashModuloN() throws {
        #expect([1, 2, 3, 4, 7].map { Shard.number(of: "Aster Labs", count: $0) } == [1, 1, 3, 1, 2])
        #expect([1, 2, 3, 4, 7].map { Shard.number(of: "Birch Inc", count: $0) } == [1, 2, 2, 2, 2])
        #expect([1, 2, 3, 4, 7].map { Shard.number(of: "workspace", count: $0) } == [1, 1, 1, 3, 4])
        #expect(Shard.number(of: "Aster Labs", count: 3) == Int(StableHash.of("Aster Labs") % 3) + 1)
        #expect(try Shard(parsing: "3/3").contains("Aster Labs"))
        #expect(try !Shard(parsing: "1/3").contains("Aster Labs"))
    }

    static func history(_ names: [String]) -> UsageHistory {
        let first = Month("2026-01")!
        return UsageHistory(
            workspaces: names.map { WorkspaceHistory(name: $0, seats: [SeatHistory(id: "a", firstOffset: 0, usage: [1, 2, 3])]) },
            firstMonth: first, lastMonth: first.advanced(by: 2), hasWorkspaceColumn: true
        )
    }

    static func pools(_ names: [String]) -> [WorkspacePool] {
        names.map {
            WorkspacePool(
                name: $0, plan: Plan(name: "growth", monthlyAllowance: 3_000), seats: nil, openingBalance: 0, balanceMonth: nil,
                cap: .monthsOfAccrual(5))
        }
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func theShardsOfNSplitAPortfolioIntoDisjointPartsThatCoverIt(_ count: Int) throws {
        let names = (0..<40).map { "team \($0)" }
        let history = Self.history(names)
        var seen: [Int] = []
        for number in 1...count {
            let part = try Shard(number: number, count: count).select(history: history, pools: Self.pools(names))
            #expect(part.positions == part.positions.sorted())
            #expect(part.history.workspaces.map(\.name) == part.positions.map { names[$0] })
            #expect(part.pools.map(\.name) == part.history.workspaces.map(\.name))
            #expect(part.history.firstMonth == history.firstMonth && part.history.lastMonth == history.lastMonth)
            #expect(part.positions.allSatisfy { Shard.number(of: names[$0], count: count) == number })
            seen += part.positions
        }
        #expect(seen.sorted() == Array(0..<40))
    }

    @Test func aWorkspacesShardDoesNotDependOnTheOtherWorkspaces() throws {
        let shard = try Shard(parsing: "2/3")
        let all = (0..<30).map { "team \($0)" }
        let some = all.enumerated().filter { $0.offset % 4 == 1 }.map(\.element)
        let fromAll = Set(shard.select(history: Self.history(all), pools: Self.pools(all)).history.workspaces.map(\.name))
        let fromSome = Set(shard.select(history: Self.history(some), pools: Self.pools(some)).history.workspaces.map(\.name))
        #expect(fromSome == fromAll.intersection(some))
    }
}
