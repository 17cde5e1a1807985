/// The columns of a usage export.
enum UsageColumn: HeaderColumn {
    case workspace, seat, month, credits, plan

    var role: String {
        switch self {
        case .workspace: "workspace"
        case .seat: "seat"
        case .month: "month"
        case .credits: "credits"
        case .plan: "plan"
        }
    }

    var acceptedNames: [String] {
        switch self {
        case .workspace: ["Workspace", "Team", "Account"]
        case .seat: ["Seat", "Seat ID", "User", "User email", "Member"]
        case .month: ["Month", "Period", "Date"]
        case .credits: ["Credits", "Credits used", "Usage"]
        case .plan: ["Plan"]
        }
    }
}
