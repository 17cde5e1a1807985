import CreditCore

/// The spreadsheet: replays months of usage through a workspace's pool, one row per month.
public struct Ledger: Sendable {
    /// Cap timing, expiry, auto-purchase and pay-as-you-go price.
    public var rules: PurchaseRules
    /// How the cap follows the accrual.
    public var cap: CapRule
    /// Packages bought at the start of given months.
    public var scheduledPurchases: [Month: [CreditPackage]]

    /// A ledger with the given rules.
    public init(rules: PurchaseRules, cap: CapRule, scheduledPurchases: [Month: [CreditPackage]] = [:]) {
        self.rules = rules
        self.cap = cap
        self.scheduledPurchases = scheduledPurchases
    }

    /// Replays `usage` month by month from `start`, with the pool opening at `opening`.
    ///
    /// `accruals[i]` and `usage[i]` belong to month `start + i`; the two must be equally long.
    public func replay(from start: Month, opening: Int, accruals: [Int], usage: [Int]) -> [LedgerMonth] {
        var months: [LedgerMonth] = []
        months.reserveCapacity(usage.count)
        _ = run(from: start, opening: opening, accruals: accruals, usage: usage) { months.append($0) }
        return months
    }

    /// The pool (balance and purchased lots) after replaying `usage` as `replay` does: where a
    /// forecast starts.
    public func closingPool(from start: Month, opening: Int, accruals: [Int], usage: [Int]) -> CreditPool {
        run(from: start, opening: opening, accruals: accruals, usage: usage) { _ in }
    }

    /// The one month-by-month loop behind `replay`, `closingPool` and
    /// `HistoryReplay.closingPool(_:of:pool:keepingLast:)`.
    func run(
        from start: Month, opening: Int, accruals: [Int], usage: [Int], record: (LedgerMonth) -> Void
    ) -> CreditPool {
        precondition(accruals.count == usage.count, "one accrual per month of usage")
        var pool = CreditPool(balance: opening)
        for (offset, (accrual, used)) in zip(accruals, usage).enumerated() {
            let current = start.advanced(by: offset)
            record(
                pool.runMonth(
                    current, accrual: accrual, cap: cap.cap(forAccrual: accrual), usage: used,
                    scheduled: scheduledPurchases[current] ?? [], rules: rules
                )
            )
        }
        return pool
    }
}

/// How a month's cap is set: a multiple of that month's accrual, or a fixed number of credits.
public enum CapRule: Hashable, Sendable {
    /// The cap is this many months of the month's accrual, so it follows seat changes.
    case monthsOfAccrual(Int)
    /// The workspace's own cap, whatever its accrual.
    case fixed(Int)

    /// The cap in a month that accrues `accrual` credits.
    @inlinable
    public func cap(forAccrual accrual: Int) -> Int {
        switch self {
        case let .monthsOfAccrual(months): months * accrual
        case let .fixed(credits): credits
        }
    }
}
