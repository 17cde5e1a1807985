import CreditCore

/// An annual credit package: a block of purchased credits at a whole price.
public struct CreditPackage: Hashable, Sendable {
    /// Credits in the package.
    public var credits: Int
    /// The package's price.
    public var price: Money

    /// A package of `credits` credits for `price`.
    public init(credits: Int, price: Money) {
        self.credits = credits
        self.price = price
    }
}
