import CreditCore

/// Replays an imported usage history through each workspace's ledger.
public struct HistoryReplay: Sendable {
    /// One workspace's replayed months.
    public struct Workspace: Sendable, Equatable {
        /// The workspace's name.
        public var name: String
        /// Its pool set-up.
        public var pool: WorkspacePool
        /// One row per month, from the history's first month (or the month the workspace's
        /// balance applies to) through the as-of month.
        public var months: [LedgerMonth]
    }

    /// The pricing.
    public var pricing: Pricing
    /// Cap timing, expiry, auto-purchase and pay-as-you-go price.
    public var rules: PurchaseRules
    /// Packages bought at the start of given months, in every workspace.
    public var scheduledPurchases: [Month: [CreditPackage]]

    /// A replay under the given pricing and rules.
    public init(pricing: Pricing, rules: PurchaseRules, scheduledPurchases: [Month: [CreditPackage]] = [:]) {
        self.pricing = pricing
        self.rules = rules
        self.scheduledPurchases = scheduledPurchases
    }

    /// Every workspace of `history`, replayed under its pool from `resolver`.
    public func replay(_ history: UsageHistory, resolver: PoolResolver) throws(PricingError) -> [Workspace] {
        var result: [Workspace] = []
        for workspace in history.workspaces {
            let pool = try resolver.pool(named: workspace.name, in: history)
            result.append(Workspace(name: workspace.name, pool: pool, months: try replay(workspace, of: history, pool: pool)))
        }
        return result
    }

    /// One workspace replayed from its balance month (or the history's first month) to the
    /// history's last month.
    public func replay(_ workspace: WorkspaceHistory, of history: UsageHistory, pool: WorkspacePool) throws(PricingError) -> [LedgerMonth] {
        guard let months = try replayedMonths(workspace, of: history, pool: pool) else { return [] }
        return ledger(pool).replay(from: months.start, opening: pool.openingBalance, accruals: months.accruals, usage: months.usage)
    }

    /// The pool (balance and purchased lots) at the close of the history's last month, as
    /// `replay` leaves it: where a forecast of the next month starts. A pool whose balance
    /// applies after the history's last month opens at that balance.
    public func closingPool(_ workspace: WorkspaceHistory, of history: UsageHistory, pool: WorkspacePool) throws(PricingError) -> CreditPool
    {
        try closingPool(workspace, of: history, pool: pool, keepingLast: 0).pool
    }

    /// `closingPool(_:of:pool:)` and the closing balances of the last `recentMonths` months the
    /// replay ran, oldest first (fewer when it ran fewer: none when the balance applies after
    /// the history), for a chart of the months before a forecast without keeping every row.
    public func closingPool(
        _ workspace: WorkspaceHistory, of history: UsageHistory, pool: WorkspacePool, keepingLast recentMonths: Int
    ) throws(PricingError) -> (pool: CreditPool, recentClosing: [Int]) {
        guard let months = try replayedMonths(workspace, of: history, pool: pool) else {
            return (CreditPool(balance: pool.openingBalance), [])
        }
        let kept = min(max(recentMonths, 0), months.usage.count)
        let firstKept = months.usage.count - kept
        var recentClosing: [Int] = []
        recentClosing.reserveCapacity(kept)
        var offset = 0
        let closing = ledger(pool).run(from: months.start, opening: pool.openingBalance, accruals: months.accruals, usage: months.usage) {
            if offset >= firstKept { recentClosing.append($0.closing) }
            offset += 1
        }
        return (closing, recentClosing)
    }

    private func ledger(_ pool: WorkspacePool) -> Ledger {
        Ledger(rules: rules, cap: pool.cap, scheduledPurchases: scheduledPurchases)
    }

    /// The months a replay runs: from the pool's balance month (or the history's first month)
    /// to the last, with their accruals and usage; `nil` when the balance applies after the
    /// history. A workspace without seats uses nothing.
    private func replayedMonths(
        _ workspace: WorkspaceHistory, of history: UsageHistory, pool: WorkspacePool
    ) throws(PricingError) -> (start: Month, accruals: [Int], usage: [Int])? {
        let accruals = try pool.accruals(for: workspace, monthCount: history.monthCount, pricing: pricing)
        let start = max(pool.balanceMonth ?? history.firstMonth, history.firstMonth)
        let skip = history.firstMonth.distance(to: start)
        guard skip < history.monthCount else { return nil }
        let usage = workspace.seats.isEmpty ? [Int](repeating: 0, count: history.monthCount) : workspace.monthlyUsage
        return (start, Array(accruals[skip...]), Array(usage[skip...]))
    }
}
