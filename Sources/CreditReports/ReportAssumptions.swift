import CreditCore
import CreditLedger

/// The prices and pool rules a forecast assumed, in words, for the report's assumptions section
/// and its provenance.
///
/// They are plain text so a caller can word anything it resolved; `init(pricing:rules:)` words a
/// `Pricing` and the `PurchaseRules` actually run (which may override the pricing's cap timing,
/// expiry and pay-as-you-go price) the standard way.
public struct ReportAssumptions: Sendable, Equatable {
    /// Plans, pay-as-you-go price and packages.
    public var pricing: String
    /// Cap, cap timing, package expiry and how shortfalls are paid.
    public var rules: String
    /// Where each pool's starting balance comes from; empty when not stated.
    public var startingBalances: String

    /// Assumptions worded by the caller.
    public init(pricing: String, rules: String, startingBalances: String = "") {
        self.pricing = pricing
        self.rules = rules
        self.startingBalances = startingBalances
    }

    /// Assumptions worded from the plans, packages and cap of `pricing` and the month rules of
    /// `rules` (cap timing, expiry, auto-purchase, pay-as-you-go price).
    ///
    /// With `historyStart`, the first month of history, it also says where starting balances
    /// come from: replayed from 0 in that month unless a balance is given.
    public init(pricing: Pricing, rules: PurchaseRules, historyStart: Month? = nil) {
        startingBalances =
            historyStart.map { start in
                "each pool is replayed from 0 at \(start) through the history under these rules, unless a starting balance is "
                    + "given for the workspace (in the workspaces file or on the command line), which starts it in that balance's month"
            } ?? ""
        let plans = pricing.plans.map { plan in
            "\(plan.name) \(plan.monthlyAllowance.groupedThousands)" + (plan.seatPrice.map { " at \($0.formatted) a seat a month" } ?? "")
        }.joined(separator: ", ")
        let packages = pricing.packages.map { "\($0.credits.groupedThousands) for \($0.price.formatted)" }.joined(separator: ", ")
        self.pricing =
            "plans (credits per seat a month): \(plans); pay-as-you-go $\(rules.payAsYouGoPrice) a credit"
            + (packages.isEmpty ? "" : "; annual packages: \(packages)")
        let timing =
            switch rules.capTiming {
            case .accrual: "cap timing accrual (a month's accrual only tops the pool up to the cap; the rest is forfeited)"
            case .close: "cap timing close (the closing balance is cut to the cap; the cut is forfeited)"
            }
        let expiry =
            rules.packageExpiryMonths == 0
            ? "purchased credits never expire"
            : "purchased credits expire after \(rules.packageExpiryMonths) months"
        let shortfall =
            rules.autoPurchase.map {
                "shortfalls are covered by auto-purchase of \($0.credits.groupedThousands)-credit packages at \($0.price.formatted) each"
            } ?? "shortfalls are billed pay-as-you-go"
        self.rules = "cap \(pricing.capMonths) months of accrual unless a workspace sets its own; \(timing); \(expiry); \(shortfall)"
    }
}
