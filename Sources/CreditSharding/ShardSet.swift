import CreditForecast

/// The shards of one cut of a portfolio that a shard file holds: one shard (`3/8`) as a shard
/// writes it, or several (`1-4,7/8`) as a partial merge writes them for a tree merge.
///
/// Kept as sorted, disjoint, non-adjacent ranges, so its size grows with the merge tree's
/// fan-in, never with N.
public struct ShardSet: Sendable, Hashable, CustomStringConvertible {
    /// The shards' numbers, 1 … `count`, as ascending ranges with gaps between them.
    public let ranges: [ClosedRange<Int>]
    /// How many shards the portfolio is cut into.
    public let count: Int

    /// The set holding just `shard`.
    public init(_ shard: Shard) {
        ranges = [shard.number...shard.number]
        count = shard.count
    }

    /// The union of `ranges` (each inside 1 … `count`; they must not overlap).
    init(union ranges: [ClosedRange<Int>], count: Int) {
        var joined: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = joined.last, last.upperBound + 1 >= range.lowerBound {
                joined[joined.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        self.ranges = joined
        self.count = count
    }

    /// Reads `K/N` or a list of numbers and ranges over N (`1-4,7/8`), each inside 1 … N and in
    /// ascending order without overlap; `nil` for anything else.
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Self.number(parts[1]), count >= 1 else { return nil }
        var ranges: [ClosedRange<Int>] = []
        for item in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let low = Self.number(ends[0]), let high = Self.number(ends[ends.count - 1]),
                1 <= low, low <= high, high <= count, ranges.last.map({ $0.upperBound + 1 < low }) ?? true
            else { return nil }
            ranges.append(low...high)
        }
        self.ranges = ranges
        self.count = count
    }

    /// A shard number of at most nine digits, as `Shard` reads them.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// Whether every shard 1 … N is in the set.
    public var isComplete: Bool { ranges == [1...count] }

    /// Whether `workspace` hashes to one of the set's shards.
    public func contains(_ workspace: String) -> Bool {
        let number = Shard.number(of: workspace, count: count)
        return ranges.contains { $0.contains(number) }
    }

    /// `K/N` for one shard, `1-4,7/8` for several.
    public var description: String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",") + "/\(count)"
    }
}
