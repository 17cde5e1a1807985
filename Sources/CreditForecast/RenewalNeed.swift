import CreditCore

/// What a workspace's renewal year asks of its pool, across the trials: the year's usage
/// against what the plan accrues, and the credits the pool alone cannot cover (the extra
/// credits some purchase or pay-as-you-go must supply).
///
/// The pool never depends on purchases (purchased credits live outside it and are drawn
/// after it), so these figures are the same under every purchase strategy.
public struct RenewalNeed: Sendable, Equatable {
    /// Nearest-rank percentiles of the year's total usage over the trials.
    public var usage: Percentiles
    /// Credits the plan accrues over the year (the seats' allowances, before the cap).
    public var accrual: Int
    /// The share of trials in which the pool runs short at least once in the year.
    public var probabilityOfExtra: Double
    /// The mean over trials of the year's extra credits (usage the pool cannot cover).
    public var expectedExtra: Double
    /// Nearest-rank percentiles of the year's extra credits over the trials.
    public var extra: Percentiles
    /// The most extra credits any trial needed in the year.
    public var largestExtra: Int

    /// A need with the given values.
    public init(
        usage: Percentiles, accrual: Int, probabilityOfExtra: Double, expectedExtra: Double, extra: Percentiles, largestExtra: Int
    ) {
        self.usage = usage
        self.accrual = accrual
        self.probabilityOfExtra = probabilityOfExtra
        self.expectedExtra = expectedExtra
        self.extra = extra
        self.largestExtra = largestExtra
    }
}
