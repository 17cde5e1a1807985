/// The forecast chance of an event users act on, and whether it happened.
public struct EventForecast: Sendable, Equatable {
    /// The share of trials in which it happened.
    public var probability: Double
    /// Whether it happened in the ledger on real usage.
    public var happened: Bool

    /// An event forecast.
    public init(probability: Double, happened: Bool) {
        self.probability = probability
        self.happened = happened
    }

    /// Its Brier score.
    public var brier: Double { ScoringRules.brier(probability: probability, happened: happened) }
}
