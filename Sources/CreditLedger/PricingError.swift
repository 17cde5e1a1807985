import CreditCore

/// Why a pricing file, a plan name or a package size was not accepted.
public enum PricingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A plan name that the pricing does not list.
    case unknownPlan(String, known: [String])
    /// A package size that the pricing does not list.
    case unknownPackage(Int, known: [Int])
    /// Neither the command line, a workspaces file nor the usage file says a workspace's plan.
    case missingPlan(workspace: String)
    /// The pricing file could not be read.
    case unreadable(file: String, reason: String)
    /// A value in the pricing file is wrong; `line` is 1-based.
    case invalid(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .unknownPlan(name, known):
            return "unknown plan \"\(name.messageExcerpt)\"; the pricing lists \(known.map(\.messageExcerpt).joined(separator: ", "))"
                + NameSuggestion.didYouMean(name, in: known)
        case let .unknownPackage(credits, known):
            return "no package of \(credits) credits; the pricing lists \(known.map(String.init).joined(separator: ", "))"
        case let .missingPlan(workspace):
            return
                "no plan for workspace \"\(workspace.messageExcerpt)\"; give a plan for every workspace, a workspaces file with a plan column, or a plan column in the usage file"
        case let .unreadable(file, reason):
            return "\(file): \(reason)"
        case let .invalid(file, line, message):
            return "\(file):\(line): \(message)"
        }
    }
}
