import UsageImport

/// The columns of a scenario file.
enum ScenarioColumn: HeaderColumn {
    case scenario, month, seats, plan, usageMultiplier, workspace

    /// The columns every scenario file names.
    static let required: [ScenarioColumn] = [.scenario, .month]

    var role: String {
        switch self {
        case .scenario: "scenario"
        case .month: "month"
        case .seats: "seats"
        case .plan: "plan"
        case .usageMultiplier: "usage_multiplier"
        case .workspace: "workspace"
        }
    }

    var acceptedNames: [String] { [role] }
}
