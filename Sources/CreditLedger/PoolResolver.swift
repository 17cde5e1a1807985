import CreditCore

/// Settles each workspace's pool set-up from, in order of precedence, the command line, a
/// workspaces file and the usage history itself.
public struct PoolResolver: Sendable {
    /// What the command line says for every workspace; `nil` fields leave the choice to the
    /// workspaces file or the history.
    public struct Overrides: Sendable, Equatable {
        /// The plan of every workspace.
        public var plan: String?
        /// A fixed seat count for every workspace.
        public var seats: Int?
        /// A pool balance for every workspace, opening `balanceMonth`.
        public var balance: Int?
        /// The month `balance` opens: `nil` for the history's first month (the ledger's
        /// `--balance`), the month after the history for a forecast's balance now.
        public var balanceMonth: Month?
        /// A fixed cap for every workspace.
        public var cap: Int?

        /// Overrides with the given values.
        public init(plan: String? = nil, seats: Int? = nil, balance: Int? = nil, balanceMonth: Month? = nil, cap: Int? = nil) {
            self.plan = plan
            self.seats = seats
            self.balance = balance
            self.balanceMonth = balanceMonth
            self.cap = cap
        }
    }

    /// The pricing that names plans and sets the default cap.
    public var pricing: Pricing
    /// The command line's settings.
    public var overrides: Overrides
    /// The workspaces file's rows, by workspace name.
    public var settings: [String: WorkspaceSettings]

    /// A resolver for the given pricing, command-line settings and workspaces file rows.
    public init(pricing: Pricing, overrides: Overrides = Overrides(), settings: [WorkspaceSettings] = []) {
        self.pricing = pricing
        self.overrides = overrides
        self.settings = Dictionary(settings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The pool of the workspace named `name` in `history`.
    ///
    /// A workspaces file's `balance` is the pool's balance at the close of its `as_of` month,
    /// or of the history's last month when `as_of` is blank: what an admin console shows today.
    public func pool(named name: String, in history: UsageHistory) throws(PricingError) -> WorkspacePool {
        let row = settings[name]
        let planName = overrides.plan ?? row?.plan
        let plan = try planName.map { name throws(PricingError) in try pricing.plan(named: name) }
        let cap = overrides.cap ?? row?.cap
        let balanceMonth: Month?
        if overrides.balance != nil {
            balanceMonth = overrides.balanceMonth
        } else if row?.balance != nil {
            balanceMonth = (row?.asOf ?? history.lastMonth).advanced(by: 1)
        } else {
            balanceMonth = nil
        }
        return WorkspacePool(
            name: name,
            plan: plan,
            seats: overrides.seats ?? row?.seats,
            openingBalance: overrides.balance ?? row?.balance ?? 0,
            balanceMonth: balanceMonth,
            cap: cap.map(CapRule.fixed) ?? .monthsOfAccrual(pricing.capMonths)
        )
    }
}
