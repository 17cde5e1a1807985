import CreditCore
import CreditForecast

/// One workspace's renewal under one scenario: every strategy's outcome and the one to buy.
public struct RenewalRecommendation: Sendable, Equatable {
    /// The scenario's name (`baseline` without one).
    public var scenario: String
    /// The simulated renewal year.
    public var forecast: RenewalForecast
    /// The index in `forecast.outcomes` of the recommended strategy.
    public var recommendedIndex: Int
    /// The index in `forecast.outcomes` of the next best strategy, by the same order, if there
    /// is more than one.
    public var runnerUpIndex: Int?
    /// The risk measure the recommendation minimised.
    public var risk: RenewalRisk

    /// Recommends, among `forecast.outcomes`, the lowest cost by `risk`: ties go to the lower
    /// other measure, then to the earlier strategy (pay-as-you-go first, so buying must pay).
    public init(scenario: String, forecast: RenewalForecast, risk: RenewalRisk) {
        self.scenario = scenario
        self.forecast = forecast
        self.risk = risk
        let outcomes = forecast.outcomes
        let ranked = outcomes.indices.sorted { left, right in
            let lhs = Self.measures(outcomes[left], risk)
            let rhs = Self.measures(outcomes[right], risk)
            return (lhs.0, lhs.1, left) < (rhs.0, rhs.1, right)
        }
        recommendedIndex = ranked.first ?? 0
        runnerUpIndex = ranked.dropFirst().first
    }

    /// The outcome recommended.
    public var recommended: StrategyOutcome { forecast.outcomes[recommendedIndex] }

    /// The next best outcome, if there is more than one.
    public var runnerUp: StrategyOutcome? { runnerUpIndex.map { forecast.outcomes[$0] } }

    /// The pay-as-you-go-only outcome, if it was simulated.
    public var payAsYouGo: StrategyOutcome? {
        forecast.outcomes.first { $0.strategy.upfront.isEmpty && $0.strategy.autoPurchase == nil }
    }

    /// The recommended strategy's cost by `risk`.
    public var cost: Money { Self.measures(recommended, risk).0 }

    /// What the recommendation saves against pay-as-you-go only, by `risk` (zero when
    /// pay-as-you-go is recommended or was not simulated).
    public var savingAgainstPayAsYouGo: Money {
        guard let payAsYouGo else { return .zero }
        return Self.measures(payAsYouGo, risk).0 - cost
    }

    /// The cost minimised first, then the other.
    private static func measures(_ outcome: StrategyOutcome, _ risk: RenewalRisk) -> (Money, Money) {
        (risk.cost(of: outcome), (risk == .mean ? RenewalRisk.p90 : .mean).cost(of: outcome))
    }
}
