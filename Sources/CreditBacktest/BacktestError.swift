import CreditCore

/// Why a backtest could not run, worded so the user knows what to change.
public enum BacktestError: Error, Equatable, CustomStringConvertible {
    /// A setting is out of range; the text says which and what is allowed.
    case invalidSetting(String)
    /// The history is too short to leave any origin with enough months before it and at least
    /// one month after it.
    case notEnoughHistory(months: Int, needed: Int)
    /// The pools do not name the history's workspaces in the same order.
    case poolsDoNotMatchWorkspaces(expected: Int, found: Int)

    /// The message, in words a user can act on.
    public var description: String {
        switch self {
        case let .invalidSetting(message):
            return message
        case let .notEnoughHistory(months, needed):
            return "\(months) month\(months == 1 ? "" : "s") of history; a backtest needs at least \(needed) "
                + "(\(needed - 1) to fit on and 1 to compare with)"
        case let .poolsDoNotMatchWorkspaces(expected, found):
            return "\(found) pool set-ups for \(expected) workspaces; pass one per workspace of the history, in its order"
        }
    }
}
