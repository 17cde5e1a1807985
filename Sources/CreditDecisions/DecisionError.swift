/// Why a decision (watchlist, renewal plan) could not be made.
public enum DecisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A watchlist threshold is out of range; the message says which and how to fix it.
    case invalidThreshold(String)

    /// The message for people.
    public var description: String {
        switch self {
        case let .invalidThreshold(message):
            return message
        }
    }
}
