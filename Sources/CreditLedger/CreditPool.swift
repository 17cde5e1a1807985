import CreditCore

/// A workspace's credits between months: the capped pool and its purchased lots.
///
/// `runMonth` is the one implementation of a month's rules (credit-rules.md, "One month, in
/// order"); the spreadsheet ledger and every Monte Carlo trial both step through it.
public struct CreditPool: Hashable, Sendable {
    /// The pool balance.
    public var balance: Int
    /// Purchased lots, oldest first.
    public var lots: [PurchasedLot]

    /// A pool holding `balance` credits and the given purchased lots.
    public init(balance: Int, lots: [PurchasedLot] = []) {
        self.balance = balance
        self.lots = lots
    }

    /// Purchased credits held in lots.
    public var purchasedBalance: Int { lots.reduce(0) { $0 + $1.remaining } }

    /// Runs one month and returns its ledger row.
    ///
    /// Inlinable because the Monte Carlo engines call it for every month of every trial: inlined,
    /// the caller keeps only the fields it reads, and a pool without lots or scheduled packages
    /// (most trials) runs the steps that touch them as skipped branches, never as calls. The lot
    /// steps themselves stay out of line in `expireAndBuy` and `drawFromLots`.
    ///
    /// - Parameters:
    ///   - month: the month being run.
    ///   - accrual: credits the seats earn this month.
    ///   - cap: the pool's cap this month.
    ///   - usage: credits used this month.
    ///   - scheduled: packages bought at the start of the month.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price.
    @inlinable
    public mutating func runMonth(
        _ month: Month, accrual: Int, cap: Int, usage: Int,
        scheduled: [CreditPackage] = [], rules: PurchaseRules
    ) -> LedgerMonth {
        let opening = balance

        // Steps 2 and 3: expire lots, add scheduled packages. Nothing to do without either.
        var expired = 0
        var purchased = 0
        var packageCost = Money(cents: 0)
        if !lots.isEmpty || !scheduled.isEmpty {
            (expired, purchased, packageCost) = expireAndBuy(month, scheduled: scheduled, rules: rules)
        }

        // Under accrual timing the cap limits what is credited; under close timing it cuts the
        // closing balance below.
        let credited = rules.capTiming == .accrual ? min(accrual, max(0, cap - opening)) : accrual
        var forfeited = accrual - credited
        let available = opening + credited
        let usedFromPool = min(usage, available)
        balance = available - usedFromPool

        var uncovered = usage - usedFromPool
        var usedFromLots = 0
        // Lots first: in a trial without lots the test is always false, so the branch on a usage
        // that varies from trial to trial is never taken (and never mispredicted).
        if !lots.isEmpty && uncovered > 0 {
            usedFromLots = drawFromLots(uncovered)
            uncovered -= usedFromLots
        }

        // Never negative: the pool covers `min(usage, available)` and the lots no more than the rest.
        let shortfall = uncovered
        var payAsYouGo = 0
        if let package = rules.autoPurchase {
            if shortfall > 0 {
                let count = (shortfall + package.credits - 1) / package.credits
                let bought = count * package.credits
                purchased += bought
                packageCost = packageCost + package.price * count
                usedFromLots += shortfall
                if bought > shortfall {
                    lots.append(PurchasedLot(remaining: bought - shortfall, expires: Self.expiry(ofLotsBoughtIn: month, rules: rules)))
                }
            }
        } else {
            // Without auto-purchase the whole shortfall (0 or more) is billed: no branch on it.
            payAsYouGo = shortfall
        }

        if rules.capTiming == .close && balance > cap {
            forfeited += balance - cap
            balance = cap
        }

        return LedgerMonth(
            month: month, opening: opening, accrual: accrual, cap: cap, forfeited: forfeited,
            used: usage, usedFromPool: usedFromPool, usedFromLots: usedFromLots, shortfall: shortfall,
            purchased: purchased, payAsYouGo: payAsYouGo, expired: expired,
            purchasedBalance: lots.isEmpty ? 0 : purchasedBalance, closing: balance,
            packageCost: packageCost, payAsYouGoCost: rules.payAsYouGoPrice.cost(ofCredits: payAsYouGo)
        )
    }

    /// The month in which lots bought in `month` expire, or `nil` if they never do.
    @usableFromInline
    static func expiry(ofLotsBoughtIn month: Month, rules: PurchaseRules) -> Month? {
        rules.packageExpiryMonths > 0 ? month.advanced(by: rules.packageExpiryMonths) : nil
    }

    /// `runMonth`'s steps 2 and 3: drops the lots expiring in `month`, then adds `scheduled` as
    /// new lots. Returns the credits expired, the credits bought and their price.
    @usableFromInline
    mutating func expireAndBuy(
        _ month: Month, scheduled: [CreditPackage], rules: PurchaseRules
    ) -> (expired: Int, purchased: Int, cost: Money) {
        var expired = 0
        if !lots.isEmpty {
            lots.removeAll { lot in
                guard let expires = lot.expires, expires <= month else { return false }
                expired += lot.remaining
                return true
            }
        }
        var purchased = 0
        var cost = Money.zero
        let expiry = Self.expiry(ofLotsBoughtIn: month, rules: rules)
        for package in scheduled {
            lots.append(PurchasedLot(remaining: package.credits, expires: expiry))
            purchased += package.credits
            cost = cost + package.price
        }
        return (expired, purchased, cost)
    }

    /// `runMonth`'s draw from purchased lots: takes up to `uncovered` credits, oldest lot first,
    /// drops the lots it empties, and returns the credits taken.
    @usableFromInline
    mutating func drawFromLots(_ uncovered: Int) -> Int {
        var uncovered = uncovered
        var drawnTotal = 0
        for index in lots.indices where uncovered > 0 {
            let drawn = min(lots[index].remaining, uncovered)
            lots[index].remaining -= drawn
            uncovered -= drawn
            drawnTotal += drawn
        }
        lots.removeAll { $0.remaining == 0 }
        return drawnTotal
    }
}
