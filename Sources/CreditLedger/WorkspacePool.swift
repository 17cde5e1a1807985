import CreditCore

/// One workspace's pool set-up, resolved from the command line, a workspaces file and the usage
/// history, in that order of precedence.
public struct WorkspacePool: Sendable, Equatable {
    /// The workspace's name.
    public var name: String
    /// The plan its seats are on, unless the usage file gives each seat its own plan.
    public var plan: Plan?
    /// A fixed seat count for every month; `nil` counts seats from the history.
    public var seats: Int?
    /// The pool balance at the start of `balanceMonth`.
    public var openingBalance: Int
    /// The month the opening balance applies to; `nil` means the history's first month.
    public var balanceMonth: Month?
    /// How the cap is set.
    public var cap: CapRule

    /// A resolved pool set-up.
    public init(name: String, plan: Plan?, seats: Int?, openingBalance: Int, balanceMonth: Month?, cap: CapRule) {
        self.name = name
        self.plan = plan
        self.seats = seats
        self.openingBalance = openingBalance
        self.balanceMonth = balanceMonth
        self.cap = cap
    }

    /// The credits the workspace's seats earn in each month of `history`'s span.
    ///
    /// With a fixed seat count every month earns `seats × allowance`; otherwise a seat earns its
    /// plan's allowance from its first month with data through the end of the history, because
    /// exports leave out idle months and an idle seat still earns.
    public func accruals(for workspace: WorkspaceHistory, monthCount: Int, pricing: Pricing) throws(PricingError) -> [Int] {
        if let seats {
            guard let plan else { throw .missingPlan(workspace: workspace.name) }
            return Array(repeating: seats * plan.monthlyAllowance, count: monthCount)
        }
        var accruals = [Int](repeating: 0, count: monthCount)
        for seat in workspace.seats {
            let seatPlan: Plan
            if let name = seat.plan, !name.isEmpty {
                seatPlan = try pricing.plan(named: name)
            } else if let plan {
                seatPlan = plan
            } else {
                throw .missingPlan(workspace: workspace.name)
            }
            for offset in seat.firstOffset..<monthCount { accruals[offset] += seatPlan.monthlyAllowance }
        }
        return accruals
    }
}
