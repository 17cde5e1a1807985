import CreditCore

/// What one purchase strategy costs a workspace over its renewal year, across trials.
public struct StrategyOutcome: Sendable, Equatable {
    /// The strategy.
    public var strategy: PurchaseStrategy
    /// Mean cost (packages plus pay-as-you-go), to the cent, rounded half up.
    public var expectedCost: Money
    /// The nearest-rank 90th percentile of the cost: 90% of trials cost this or less.
    public var p90Cost: Money
    /// The share of trials that spend anything pay-as-you-go.
    public var probabilityOfAnyPayAsYouGo: Double
    /// Mean purchased credits unused at the end of the renewal year (expired during it, or
    /// still in lots at its close): what an up-front package leaves to expire.
    public var expectedUnusedCredits: Double

    /// An outcome with the given values.
    public init(
        strategy: PurchaseStrategy, expectedCost: Money, p90Cost: Money, probabilityOfAnyPayAsYouGo: Double,
        expectedUnusedCredits: Double
    ) {
        self.strategy = strategy
        self.expectedCost = expectedCost
        self.p90Cost = p90Cost
        self.probabilityOfAnyPayAsYouGo = probabilityOfAnyPayAsYouGo
        self.expectedUnusedCredits = expectedUnusedCredits
    }
}
