import CreditCore
import CreditForecast
import CreditLedger

/// Small histories and pools built in code.
enum BacktestFixtures {
    static let firstMonth = Month(year: 2025, month: 1)!
    static let growth = Plan(name: "growth", monthlyAllowance: 3_000)
    static let pricing = Pricing.standard
    static let rules = PurchaseRules(pricing: pricing)

    /// A history of the given workspaces (sorted by name here), all seats' arrays the same length.
    static func history(_ workspaces: [WorkspaceHistory]) -> UsageHistory {
        let months = workspaces.first?.seats.first?.usage.count ?? 1
        return UsageHistory(
            workspaces: workspaces.sorted { $0.name < $1.name }, firstMonth: firstMonth,
            lastMonth: firstMonth.advanced(by: months - 1), hasWorkspaceColumn: true
        )
    }

    /// One workspace whose single seat uses `totals`.
    static func workspace(_ name: String, _ totals: [Int]) -> WorkspaceHistory {
        WorkspaceHistory(name: name, seats: [SeatHistory(id: "all", firstOffset: 0, usage: totals)])
    }

    /// Growth pools for every workspace, seats counted from the history.
    static func pools(for history: UsageHistory, seats: Int? = nil) -> [WorkspacePool] {
        history.workspaces.map {
            WorkspacePool(name: $0.name, plan: growth, seats: seats, openingBalance: 0, balanceMonth: nil, cap: .monthsOfAccrual(5))
        }
    }
}
