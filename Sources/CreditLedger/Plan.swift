/// A seat plan: how many credits each seat on it earns into the pool every month.
public struct Plan: Hashable, Sendable {
    /// The plan's name, lower-case (`growth`).
    public var name: String
    /// Credits each seat earns per month.
    public var monthlyAllowance: Int

    /// A plan named `name` whose seats earn `monthlyAllowance` credits a month.
    public init(name: String, monthlyAllowance: Int) {
        self.name = name
        self.monthlyAllowance = monthlyAllowance
    }
}
