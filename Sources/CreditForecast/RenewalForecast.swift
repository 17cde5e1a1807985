import CreditCore

/// One workspace's renewal year under every purchase strategy, all on the same trials.
public struct RenewalForecast: Sendable, Equatable {
    /// The workspace's name.
    public var name: String
    /// Its plan, or `mixed`.
    public var plan: String
    /// Seats in the first forecast month.
    public var seats: Int
    /// The pool balance at the start of the forecast.
    public var startingBalance: Int
    /// The first month of the renewal year.
    public var renewal: Month
    /// Trials run.
    public var trials: Int
    /// What the year asks of the pool, the same under every strategy.
    public var need: RenewalNeed
    /// One outcome per strategy, in the order the strategies were given.
    public var outcomes: [StrategyOutcome]
    /// What the seats cost over the renewal year (seat-months × each plan's seat price), the
    /// same under every strategy; `nil` when a plan involved has no seat price.
    public var seatFees: Money?

    /// A renewal forecast with the given values.
    public init(
        name: String, plan: String, seats: Int, startingBalance: Int, renewal: Month, trials: Int, need: RenewalNeed,
        outcomes: [StrategyOutcome], seatFees: Money? = nil
    ) {
        self.seatFees = seatFees
        self.name = name
        self.plan = plan
        self.seats = seats
        self.startingBalance = startingBalance
        self.renewal = renewal
        self.trials = trials
        self.need = need
        self.outcomes = outcomes
    }
}
