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
    /// - Parameters:
    ///   - month: the month being run.
    ///   - accrual: credits the seats earn this month.
    ///   - cap: the pool's cap this month.
    ///   - usage: credits used this month.
    ///   - scheduled: packages bought at the start of the month.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price.
    public mutating func runMonth(
        _ month: Month, accrual: Int, cap: Int, usage: Int,
        scheduled: [CreditPackage] = [], rules: PurchaseRules
    ) -> LedgerMonth {
        let opening = balance

        var expired = 0
        if !lots.isEmpty {
            lots.removeAll { lot in
                guard let expires = lot.expires, expires <= month else { return false }
                expired += lot.remaining
                return true
            }
        }

        var purchased = 0
        var packageCost = Money.zero
        let expiry = rules.packageExpiryMonths > 0 ? month.advanced(by: rules.packageExpiryMonths) : nil
        for package in scheduled {
            lots.append(PurchasedLot(remaining: package.credits, expires: expiry))
            purchased += package.credits
            packageCost = packageCost + package.price
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
        if uncovered > 0 {
            for index in lots.indices where uncovered > 0 {
                let drawn = min(lots[index].remaining, uncovered)
                lots[index].remaining -= drawn
                uncovered -= drawn
                usedFromLots += drawn
            }
            lots.removeAll { $0.remaining == 0 }
        }

        let shortfall = uncovered
        var payAsYouGo = 0
        if shortfall > 0 {
            if let package = rules.autoPurchase {
                let count = (shortfall + package.credits - 1) / package.credits
                let bought = count * package.credits
                purchased += bought
                packageCost = packageCost + package.price * count
                usedFromLots += shortfall
                if bought > shortfall {
                    lots.append(PurchasedLot(remaining: bought - shortfall, expires: expiry))
                }
            } else {
                payAsYouGo = shortfall
            }
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
}
