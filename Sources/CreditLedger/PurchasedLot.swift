import CreditCore

/// Purchased credits from one month's packages: outside the cap, never forfeited, used after the
/// pool and oldest first, until they expire.
public struct PurchasedLot: Hashable, Sendable {
    /// Credits left in the lot.
    public var remaining: Int
    /// The first month in which the lot can no longer be used, or `nil` if it never expires.
    public var expires: Month?

    /// A lot of `remaining` credits that expires at the start of `expires`.
    public init(remaining: Int, expires: Month?) {
        self.remaining = remaining
        self.expires = expires
    }
}
