import CreditCore

/// The two results a sensitivity analysis follows, for one workspace under one setting.
public struct SensitivityOutcome: Sendable, Equatable {
    /// The renewal year's cost of the strategy recommended in the baseline, by the plan's risk
    /// measure (expected or P90), exact to the cent.
    public var renewalCost: Money
    /// The chance that some month of the renewal year runs short (its usage is not covered by
    /// the pool or purchased credits): the pay-as-you-go-only strategy's chance of any
    /// pay-as-you-go spend.
    public var shortfallProbability: Double

    /// An outcome with the given values.
    public init(renewalCost: Money, shortfallProbability: Double) {
        self.renewalCost = renewalCost
        self.shortfallProbability = shortfallProbability
    }
}
