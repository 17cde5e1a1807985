extension ForecastEngine {
    /// How a scenario changes a workspace's seats: to a count, or by a number added or removed.
    public enum SeatChange: Sendable, Equatable {
        /// Exactly this many seats.
        case set(Int)
        /// This many seats added (negative: removed), never below zero.
        case add(Int)

        /// The seat count after the change, from `seats` before it.
        public func applied(to seats: Int) -> Int {
            switch self {
            case let .set(count): max(0, count)
            case let .add(delta): max(0, seats + delta)
            }
        }
    }
}
