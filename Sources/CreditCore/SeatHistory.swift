/// One seat's usage.
public struct SeatHistory: Sendable, Equatable {
    /// The seat's identifier as in the file (a user, an email address).
    public var id: String
    /// The seat's plan, when the file has a plan column.
    public var plan: String?
    /// The offset, from the history's first month, of the seat's first month with a row.
    public var firstOffset: Int
    /// Credits used in each month of the history (index 0 is the history's first month); zero
    /// before the seat's first month and in months without a row.
    public var usage: SeatUsage

    /// Creates a seat history from its credits in every month of the history.
    public init(id: String, plan: String? = nil, firstOffset: Int, usage: [Int]) {
        self.init(id: id, plan: plan, firstOffset: firstOffset, usage: SeatUsage(usage, firstOffset: firstOffset))
    }

    /// Creates a seat history.
    public init(id: String, plan: String? = nil, firstOffset: Int, usage: SeatUsage) {
        self.id = id
        self.plan = plan
        self.firstOffset = firstOffset
        self.usage = usage
    }
}
