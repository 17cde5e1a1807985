/// Why a forecast could not be run.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pool set-ups do not list the history's workspaces one for one, in order.
    case poolsDoNotMatchWorkspaces(expected: [String], found: [String])
    /// A setting is out of range; the message says which and why.
    case invalidSetting(String)

    /// The message for people.
    public var description: String {
        switch self {
        case let .poolsDoNotMatchWorkspaces(expected, found):
            return
                "the pool set-ups (\(found.joined(separator: ", "))) do not match the history's workspaces (\(expected.joined(separator: ", ")))"
        case let .invalidSetting(message):
            return message
        }
    }
}
