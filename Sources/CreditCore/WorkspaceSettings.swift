/// One workspace's settings, as read from a workspaces file.
public struct WorkspaceSettings: Sendable, Equatable {
    /// The workspace's name, as in the usage export.
    public var name: String
    /// The plan's name, lower-cased; the caller checks it names a known plan.
    public var plan: String
    /// The seats the workspace pays for.
    public var seats: Int
    /// The pool's credit balance, when known.
    public var balance: Int?
    /// The month the balance was read in.
    public var asOf: Month?
    /// The most credits the workspace may use in a month, when capped.
    public var cap: Int?

    /// Creates workspace settings.
    public init(name: String, plan: String, seats: Int, balance: Int? = nil, asOf: Month? = nil, cap: Int? = nil) {
        self.name = name
        self.plan = plan
        self.seats = seats
        self.balance = balance
        self.asOf = asOf
        self.cap = cap
    }
}
