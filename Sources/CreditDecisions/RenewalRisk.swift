import CreditCore
import CreditForecast

/// What a renewal recommendation minimises.
public enum RenewalRisk: String, Sendable, CaseIterable {
    /// The expected (mean) cost over the trials.
    case mean
    /// The 90th-percentile cost: a bad year's bill.
    case p90

    /// The cost of `outcome` by this measure: its expected cost or its P90 cost.
    public func cost(of outcome: StrategyOutcome) -> Money {
        switch self {
        case .mean: outcome.expectedCost
        case .p90: outcome.p90Cost
        }
    }
}
