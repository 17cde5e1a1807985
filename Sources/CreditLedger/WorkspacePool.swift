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
            let seatPlan = try plan(of: seat, in: workspace, pricing: pricing)
            for offset in seat.firstOffset..<monthCount { accruals[offset] += seatPlan.monthlyAllowance }
        }
        return accruals
    }

    /// What the seats of the history's month at `offset` cost in a month (`monthly`), and what
    /// any one seat costs when every seat is on one plan (`perSeat`, the price an added seat
    /// pays).
    ///
    /// Seats are counted as `accruals(…)` counts them. `monthly` is `nil` when a seat's plan has
    /// no seat price; `perSeat` is `nil` as well when the seats are on several plans, because an
    /// added seat's plan is then unknown.
    public func seatFees(
        for workspace: WorkspaceHistory, atOffset offset: Int, pricing: Pricing
    ) throws(PricingError) -> (monthly: Money?, perSeat: Money?) {
        if let seats {
            guard let plan else { throw .missingPlan(workspace: workspace.name) }
            return (plan.seatPrice.map { $0 * seats }, plan.seatPrice)
        }
        var monthly: Money? = .zero
        var plans = Set<String>()
        var onePlan = plan
        for seat in workspace.seats where seat.firstOffset <= offset {
            let seatPlan = try plan(of: seat, in: workspace, pricing: pricing)
            plans.insert(seatPlan.name)
            onePlan = seatPlan
            monthly = monthly.flatMap { sum in seatPlan.seatPrice.map { sum + $0 } }
        }
        return (monthly, plans.count > 1 ? nil : onePlan?.seatPrice)
    }

    /// The plan `seat` is on: its own, or the pool's.
    private func plan(of seat: SeatHistory, in workspace: WorkspaceHistory, pricing: Pricing) throws(PricingError) -> Plan {
        if let name = seat.plan, !name.isEmpty { return try pricing.plan(named: name) }
        guard let plan else { throw .missingPlan(workspace: workspace.name) }
        return plan
    }
}
