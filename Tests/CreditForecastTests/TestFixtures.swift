import CreditCore
import CreditForecast
import CreditLedger
import Foundation

/// Small histories and pools built in code.
enum Fixtures {
    static let firstMonth = Month(year: 2025, month: 1)!
    static let growth = Plan(name: "growth", monthlyAllowance: 3_000)
    static let pricing = Pricing.standard

    /// A seat whose usage starts at `firstOffset` (zeros before it).
    static func seat(_ id: String, firstOffset: Int = 0, _ usage: [Int]) -> SeatHistory {
        SeatHistory(id: id, firstOffset: firstOffset, usage: usage)
    }

    /// A history of the given workspaces (sorted by name here), all seats' usage arrays the same
    /// length.
    static func history(_ workspaces: [WorkspaceHistory]) -> UsageHistory {
        let months = workspaces.first?.seats.first?.usage.count ?? 1
        return UsageHistory(
            workspaces: workspaces.sorted { $0.name < $1.name }, firstMonth: firstMonth,
            lastMonth: firstMonth.advanced(by: months - 1), hasWorkspaceColumn: true
        )
    }

    /// One workspace whose single "seat" uses `totals`, the workspace's monthly totals.
    static func totalsHistory(_ totals: [Int], name: String = "team") -> UsageHistory {
        history([WorkspaceHistory(name: name, seats: [seat("all", totals)])])
    }

    /// A Growth pool. `balanceMonth` after the history's last month makes `opening` the
    /// forecast's starting balance directly.
    static func pool(
        _ name: String, seats: Int? = nil, opening: Int = 0, balanceMonth: Month? = nil,
        cap: CapRule = .monthsOfAccrual(5)
    ) -> WorkspacePool {
        WorkspacePool(name: name, plan: growth, seats: seats, openingBalance: opening, balanceMonth: balanceMonth, cap: cap)
    }

    /// Pools for every workspace of `history`.
    static func pools(for history: UsageHistory, seats: Int? = nil) -> [WorkspacePool] {
        history.workspaces.map { pool($0.name, seats: seats) }
    }

    static func rules(_ timing: CapTiming = .accrual, autoPurchase: CreditPackage? = nil) -> PurchaseRules {
        var rules = PurchaseRules(pricing: pricing, autoPurchase: autoPurchase)
        rules.capTiming = timing
        return rules
    }

    static func run(
        _ history: UsageHistory, pools: [WorkspacePool]? = nil, rules: PurchaseRules = rules(),
        settings: ForecastSettings, threads: Int = 2
    ) throws -> ForecastRun {
        try ForecastEngine.run(
            history: history, pools: pools ?? Fixtures.pools(for: history), pricing: pricing, rules: rules,
            settings: settings, threads: threads, inputHash: "test"
        )
    }

    /// A deterministic pseudo-random workspace: `seats` seats at about `level` credits a month,
    /// growing by `growth` a month, with lognormal noise and some idle months.
    static func syntheticWorkspace(
        name: String, seats: Int, months: Int, level: Double, growth: Double = 1, seed: UInt64
    ) -> WorkspaceHistory {
        var generator = Xoshiro256StarStar(seed: seed)
        let seatHistories = (0..<seats).map { index in
            let (seatDraw, _) = generator.nextNormalPair()
            let seatLevel = level * exp(0.5 * seatDraw)
            let usage = (0..<months).map { month -> Int in
                let (noise, _) = generator.nextNormalPair()
                if generator.nextUnitDouble() < 0.05 { return 0 }
                var value = seatLevel * exp(0.3 * noise)
                for _ in 0..<month { value *= growth }
                return Int(value.rounded())
            }
            return seat("seat\(index)", usage)
        }
        return WorkspaceHistory(name: name, seats: seatHistories)
    }
}
