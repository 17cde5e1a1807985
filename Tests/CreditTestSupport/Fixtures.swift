import CreditCore
import CreditLedger

/// Small histories, pools and rules built in code, shared by the test targets of the libraries
/// that read a history (the forecast, the backtest): one builder each, so that a change to the
/// model changes one fixture.
public enum Fixtures {
    /// The first month of every fixture history.
    public static let firstMonth = Month(year: 2025, month: 1)!
    /// The vendor's Growth plan: 3,000 credits a seat a month.
    public static let growth = Plan(name: "growth", monthlyAllowance: 3_000)
    /// The vendor's pricing.
    public static let pricing = Pricing.standard

    /// A seat whose usage starts at `firstOffset` (zeros before it).
    public static func seat(_ id: String, firstOffset: Int = 0, _ usage: [Int]) -> SeatHistory {
        SeatHistory(id: id, firstOffset: firstOffset, usage: usage)
    }

    /// One workspace whose single seat, "all", uses `totals`: the workspace's monthly totals.
    public static func workspace(_ name: String, _ totals: [Int]) -> WorkspaceHistory {
        WorkspaceHistory(name: name, seats: [seat("all", totals)])
    }

    /// A history of the given workspaces (sorted by name here) from `firstMonth`, all seats'
    /// usage arrays the same length.
    public static func history(_ workspaces: [WorkspaceHistory]) -> UsageHistory {
        let months = workspaces.first?.seats.first?.usage.count ?? 1
        return UsageHistory(
            workspaces: workspaces.sorted { $0.name < $1.name }, firstMonth: firstMonth,
            lastMonth: firstMonth.advanced(by: months - 1), hasWorkspaceColumn: true
        )
    }

    /// A history of one workspace whose monthly totals are `totals`.
    public static func totalsHistory(_ totals: [Int], name: String = "team") -> UsageHistory {
        history([workspace(name, totals)])
    }

    /// A Growth pool. `balanceMonth` after the history's last month makes `opening` the
    /// forecast's starting balance directly.
    public static func pool(
        _ name: String, seats: Int? = nil, opening: Int = 0, balanceMonth: Month? = nil,
        cap: CapRule = .monthsOfAccrual(5)
    ) -> WorkspacePool {
        WorkspacePool(name: name, plan: growth, seats: seats, openingBalance: opening, balanceMonth: balanceMonth, cap: cap)
    }

    /// Growth pools for every workspace of `history`, seats counted from the history unless
    /// `seats` fixes them.
    public static func pools(for history: UsageHistory, seats: Int? = nil) -> [WorkspacePool] {
        history.workspaces.map { pool($0.name, seats: seats) }
    }

    /// The vendor's rules with the given cap timing and auto-purchase package.
    public static func rules(_ timing: CapTiming = .accrual, autoPurchase: CreditPackage? = nil) -> PurchaseRules {
        var rules = PurchaseRules(pricing: pricing, autoPurchase: autoPurchase)
        rules.capTiming = timing
        return rules
    }
}
