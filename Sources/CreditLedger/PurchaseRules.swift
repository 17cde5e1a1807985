import CreditCore

/// The rules a month is run under, beyond its accrual and cap: when the cap applies, how
/// purchased credits expire, and how a shortfall is paid for.
public struct PurchaseRules: Hashable, Sendable {
    /// When the cap applies.
    public var capTiming: CapTiming
    /// Months a purchased lot stays usable; 0 means never expires.
    public var packageExpiryMonths: Int
    /// The package bought, as many times as needed, to cover a shortfall; `nil` bills the
    /// shortfall pay-as-you-go.
    public var autoPurchase: CreditPackage?
    /// The pay-as-you-go price of one credit.
    public var payAsYouGoPrice: UnitPrice

    /// Rules with the given values.
    public init(capTiming: CapTiming, packageExpiryMonths: Int, autoPurchase: CreditPackage?, payAsYouGoPrice: UnitPrice) {
        self.capTiming = capTiming
        self.packageExpiryMonths = packageExpiryMonths
        self.autoPurchase = autoPurchase
        self.payAsYouGoPrice = payAsYouGoPrice
    }

    /// The pricing's rules, with `autoPurchase` if given.
    public init(pricing: Pricing, autoPurchase: CreditPackage? = nil) {
        self.init(
            capTiming: pricing.capTiming, packageExpiryMonths: pricing.packageExpiryMonths,
            autoPurchase: autoPurchase, payAsYouGoPrice: pricing.payAsYouGoPrice
        )
    }
}
