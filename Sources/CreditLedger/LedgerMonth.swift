import CreditCore

/// One row of the ledger: what happened to a workspace's credits in one month.
///
/// Invariants: `closing = opening + accrual − forfeited − usedFromPool` and
/// `used = usedFromPool + usedFromLots + payAsYouGo`.
public struct LedgerMonth: Hashable, Sendable {
    /// The month.
    public var month: Month
    /// The pool balance at the start of the month (last month's closing).
    public var opening: Int
    /// Credits the seats earned this month.
    public var accrual: Int
    /// The pool's cap this month.
    public var cap: Int
    /// Credits lost to the cap: accrual not credited (accrual timing), or the closing cut (close).
    public var forfeited: Int
    /// Credits the workspace used this month.
    public var used: Int
    /// The part of `used` drawn from the pool.
    public var usedFromPool: Int
    /// The part of `used` drawn from purchased lots, including packages bought this month.
    public var usedFromLots: Int
    /// Usage the pool and the lots held at the start of the month could not cover, before any
    /// auto-purchase or pay-as-you-go.
    public var shortfall: Int
    /// Credits bought as packages this month (scheduled and auto-purchased).
    public var purchased: Int
    /// Credits billed pay-as-you-go.
    public var payAsYouGo: Int
    /// Purchased credits that expired unused at the start of the month.
    public var expired: Int
    /// Purchased credits left in lots at the close of the month.
    public var purchasedBalance: Int
    /// The pool balance at the close of the month.
    public var closing: Int
    /// The price of the packages bought this month.
    public var packageCost: Money
    /// The pay-as-you-go charge, rounded half-up to the cent once for the month.
    public var payAsYouGoCost: Money

    /// A row with the given values. Usable from inlinable code so that `CreditPool.runMonth`,
    /// which builds every row, can be inlined into the Monte Carlo loops.
    @usableFromInline
    init(
        month: Month, opening: Int, accrual: Int, cap: Int, forfeited: Int, used: Int, usedFromPool: Int,
        usedFromLots: Int, shortfall: Int, purchased: Int, payAsYouGo: Int, expired: Int, purchasedBalance: Int,
        closing: Int, packageCost: Money, payAsYouGoCost: Money
    ) {
        self.month = month
        self.opening = opening
        self.accrual = accrual
        self.cap = cap
        self.forfeited = forfeited
        self.used = used
        self.usedFromPool = usedFromPool
        self.usedFromLots = usedFromLots
        self.shortfall = shortfall
        self.purchased = purchased
        self.payAsYouGo = payAsYouGo
        self.expired = expired
        self.purchasedBalance = purchasedBalance
        self.closing = closing
        self.packageCost = packageCost
        self.payAsYouGoCost = payAsYouGoCost
    }

    /// Everything paid this month.
    public var cost: Money { packageCost + payAsYouGoCost }
}
