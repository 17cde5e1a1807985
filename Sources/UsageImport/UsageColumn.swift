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
        case .workspace: ["Workspace", "Team", "Account", "Workspace name", "Team name"]
        case .seat: ["Seat", "Seat ID", "User", "User email", "Email", "Member"]
        case .month: ["Month", "Period", "Date", "Period start", "billing_period_start", "Usage date"]
        case .credits: ["Credits", "Credits used", "Credits consumed", "Usage"]
        case .plan: ["Plan"]
        }
    }

    var fallbackNames: [String] { self == .seat ? ["Name"] : [] }

}
