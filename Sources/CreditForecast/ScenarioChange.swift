import CreditCore
import CreditLedger

/// One change of a scenario: from `from` on, in one workspace or all of them, any of seats,
/// plan and usage multiplier (a `nil` keeps what is in force).
public struct ScenarioChange: Sendable, Equatable {
    /// The workspace changed; `nil` changes every workspace.
    public var workspace: String?
    /// The first month the change holds.
    public var from: Month
    /// The new seat count, or seats added or removed.
    public var seats: SeatChange?
    /// The plan every seat moves to (accrual and cap follow).
    public var plan: Plan?
    /// Usage relative to the baseline forecast (not compounding with earlier multipliers).
    public var usageMultiplier: UsageMultiplier?

    /// A change with the given values.
    public init(
        workspace: String? = nil, from: Month, seats: SeatChange? = nil, plan: Plan? = nil, usageMultiplier: UsageMultiplier? = nil
    ) {
        self.workspace = workspace
        self.from = from
        self.seats = seats
        self.plan = plan
        self.usageMultiplier = usageMultiplier
    }
}
