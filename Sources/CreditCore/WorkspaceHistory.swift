/// One workspace's seats and their monthly usage.
public struct WorkspaceHistory: Sendable, Equatable {
    /// The workspace's name (team, account).
    public var name: String
    /// Its seats, sorted by id.
    public var seats: [SeatHistory]

    /// Creates a workspace history.
    public init(name: String, seats: [SeatHistory]) {
        self.name = name
        self.seats = seats
    }

    /// The workspace's total usage in each month of the history (index 0 is the history's
    /// first month).
    public var monthlyUsage: [Int] {
        guard let length = seats.first?.usage.count else { return [] }
        var totals = [Int](repeating: 0, count: length)
        for seat in seats {
            for (index, credits) in seat.usage.recorded.enumerated() { totals[seat.usage.leadingZeros + index] += credits }
        }
        return totals
    }

    /// The number of seats that count in month `offset` of the history: a seat counts from its
    /// first month with data to the end of the history.
    public func seatCount(atOffset offset: Int) -> Int {
        seats.count { $0.firstOffset <= offset }
    }
}
