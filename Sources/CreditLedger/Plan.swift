import CreditCore

/// A seat plan: how many credits each seat on it earns into the pool every month, and what a
/// seat costs, when the pricing says.
public struct Plan: Hashable, Sendable {
    /// The plan's name, lower-case (`growth`).
    public var name: String
    /// Credits each seat earns per month.
    public var monthlyAllowance: Int
    /// The price of one seat for one month; `nil` when the pricing does not say, so that a report
    /// can tell a seat fee it does not know from a seat that costs nothing.
    public var seatPrice: Money?

    /// A plan named `name` whose seats earn `monthlyAllowance` credits a month and cost
    /// `seatPrice` each a month (`nil`: not known).
    public init(name: String, monthlyAllowance: Int, seatPrice: Money? = nil) {
        self.name = name
        self.monthlyAllowance = monthlyAllowance
        self.seatPrice = seatPrice
    }
}
