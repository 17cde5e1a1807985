import CreditCore
import CreditLedger

/// One of `count` stable shares of a portfolio's workspaces, for running a forecast on many
/// machines: shard `number` (counted from 1, as in "shard 2 of 4") holds every workspace whose
/// `StableHash` of its name is `number − 1` modulo `count`.
///
/// The share depends only on the workspace's name and `count`, never on the machine, the
/// file's order or which other workspaces are in it, so every shard of one input agrees on
/// who does what, the shards are disjoint, and together they cover every workspace. A
/// workspace's results depend on the company it keeps only through the `seats` model's
/// `PortfolioPrior` (see `ForecastEngine`): estimated from the whole history and set in every
/// shard's settings, it makes a workspace forecast in its shard have exactly the figures a
/// single run gives it.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The shard's number, 1 … `count`.
    public let number: Int
    /// How many shards the workspaces are cut into.
    public let count: Int

    /// The one shard of a run that is not split: `1/1`.
    public static let whole = Shard(checkedNumber: 1, count: 1)

    /// Shard `number` of `count`.
    /// - Throws: `ShardError.outOfRange` unless `1 ≤ number ≤ count`.
    public init(number: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(number) else { throw .outOfRange(number: number, count: count) }
        self.init(checkedNumber: number, count: count)
    }

    private init(checkedNumber number: Int, count: Int) {
        self.number = number
        self.count = count
    }

    /// Reads `K/N` (`2/4`), shard K of N with K counted from 1.
    /// - Throws: `ShardError.unreadable` for any other text, `.outOfRange` for a K outside 1…N.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let number = Int(parts[0]), let count = Int(parts[1])
        else { throw .unreadable(text) }
        try self.init(number: number, count: count)
    }

    /// The number (1 … `count`) of the shard that forecasts `workspace`.
    public static func number(of workspace: String, count: Int) -> Int {
        precondition(count >= 1, "at least one shard")
        return Int(StableHash.of(workspace) % UInt64(count)) + 1
    }

    /// Whether this shard forecasts `workspace`.
    public func contains(_ workspace: String) -> Bool {
        Self.number(of: workspace, count: count) == number
    }

    /// `K/N`, as `--shard` takes it.
    public var description: String { "\(number)/\(count)" }

    /// The part of a portfolio this shard forecasts: `history` and `pools` cut to its
    /// workspaces, and each kept workspace's position in the whole history (ascending), which
    /// a merge uses to put the shards' workspaces back in a single run's order.
    ///
    /// The history keeps its months, so a shard forecasts the same months from the same
    /// as-of month as a single run.
    public func select(history: UsageHistory, pools: [WorkspacePool]) -> (
        history: UsageHistory, pools: [WorkspacePool], positions: [Int]
    ) {
        let positions = history.workspaces.indices.filter { contains(history.workspaces[$0].name) }
        var part = history
        part.workspaces = positions.map { history.workspaces[$0] }
        let kept = pools.count == history.workspaces.count ? positions.map { pools[$0] } : pools
        return (part, kept, positions)
    }
}
