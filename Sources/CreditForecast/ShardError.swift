/// Why a shard setting cannot be used.
public enum ShardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not `K/N`.
    case unreadable(String)
    /// K is not between 1 and N, or N is below 1.
    case outOfRange(number: Int, count: Int)

    /// The message for people, with the fix: `"3" is not K/N; …` (the command puts the flag
    /// in front).
    public var description: String {
        switch self {
        case let .unreadable(text):
            return "\"\(text)\" is not K/N; write it like 2/4 (shard 2 of 4, K counted from 1)"
        case let .outOfRange(number, count) where count < 1:
            return "\(number)/\(count) has no shards; N must be at least 1"
        case let .outOfRange(number, count):
            return "\(number)/\(count) is out of range; K counts from 1 to \(count) "
                + "(for a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX, pass the index + 1)"
        }
    }
}
