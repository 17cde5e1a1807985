/// The columns of a workspaces file.
enum WorkspaceColumn: HeaderColumn {
    case workspace, plan, seats, balance, asOf, cap

    var role: String {
        switch self {
        case .workspace: "workspace"
        case .plan: "plan"
        case .seats: "seats"
        case .balance: "balance"
        case .asOf: "as_of"
        case .cap: "cap"
        }
    }

    var acceptedNames: [String] {
        switch self {
        case .workspace: ["Workspace", "Team", "Account"]
        case .plan: ["Plan"]
        case .seats: ["Seats", "Seat count"]
        case .balance: ["Balance", "Credit balance"]
        case .asOf: ["As of", "Balance as of"]
        case .cap: ["Cap", "Monthly cap"]
        }
    }
}
