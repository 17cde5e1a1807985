import CreditCore

/// How a scenario changes a workspace's seats: to a count, or by a number added or removed.
public enum SeatChange: Sendable, Equatable {
    /// Exactly this many seats.
    case set(Int)
    /// This many seats added (negative: removed), never below zero nor above
    /// `UsageHistory.maximumSeats`.
    case add(Int)

    /// The seat count after the change, from `seats` before it: from 0 to
    /// `UsageHistory.maximumSeats`, so that changes added one on another cannot pass it.
    public func applied(to seats: Int) -> Int {
        let count =
            switch self {
            case let .set(count): count
            case let .add(delta): seats.addingReportingOverflow(delta).overflow ? (delta > 0 ? Int.max : 0) : seats + delta
            }
        return min(UsageHistory.maximumSeats, max(0, count))
    }
}
