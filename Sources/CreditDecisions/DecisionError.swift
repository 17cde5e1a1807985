/// Why a decision (watchlist, renewal plan, scenario) could not be made.
public enum DecisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A watchlist threshold is out of range; the message says which and how to fix it.
    case invalidThreshold(String)
    /// Problems in a scenario file, one `file:line: message` each.
    case badScenarioFile([String])

    /// The message for people; a scenario file's problems each on their own line.
    public var description: String {
        switch self {
        case let .invalidThreshold(message):
            return message
        case let .badScenarioFile(lines):
            return lines.joined(separator: "\n")
        }
    }
}
