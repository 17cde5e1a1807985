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
        let accruals = try pool.accruals(for: workspace, monthCount: history.monthCount, pricing: pricing)
        let start = max(pool.balanceMonth ?? history.firstMonth, history.firstMonth)
        let skip = history.firstMonth.distance(to: start)
        guard skip < history.monthCount else { return [] }
        let ledger = Ledger(rules: rules, cap: pool.cap, scheduledPurchases: scheduledPurchases)
        return ledger.replay(
            from: start, opening: pool.openingBalance,
            accruals: Array(accruals[skip...]), usage: Array(workspace.monthlyUsage[skip...])
        )
    }
}
