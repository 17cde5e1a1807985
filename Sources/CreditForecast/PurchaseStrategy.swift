import CreditLedger

/// How a workspace buys credits over its renewal year: packages bought up front at the
/// renewal month, and a package auto-purchased whenever credits run short (without one, a
/// shortfall is billed pay-as-you-go).
public struct PurchaseStrategy: Sendable, Equatable {
    /// The strategy's name in reports (`payg`, `upfront-100000`, `auto-250000`).
    public var name: String
    /// Packages bought at the start of the renewal month.
    public var upfront: [CreditPackage]
    /// The package auto-purchased to cover a shortfall, if any.
    public var autoPurchase: CreditPackage?

    /// A strategy with the given name and purchases.
    public init(name: String, upfront: [CreditPackage] = [], autoPurchase: CreditPackage? = nil) {
        self.name = name
        self.upfront = upfront
        self.autoPurchase = autoPurchase
    }
}
