import CreditCore
import CreditForecast

/// The renewal purchase plan of a portfolio: per workspace and scenario, the recommended
/// strategy, and the portfolio's totals per scenario.
public struct RenewalPlan: Sendable, Equatable {
    /// The recommendations, workspace by workspace in the forecast's order, each workspace's
    /// scenarios in the order given (the baseline first).
    public var recommendations: [RenewalRecommendation]
    /// The risk measure recommendations minimise.
    public var risk: RenewalRisk

    /// The plan of `scenarios` (name and the renewal forecast of every workspace, all in the
    /// same workspace order) under `risk`.
    public init(scenarios: [(name: String, forecasts: [RenewalForecast])], risk: RenewalRisk) {
        self.risk = risk
        let count = scenarios.first?.forecasts.count ?? 0
        precondition(scenarios.allSatisfy { $0.forecasts.count == count }, "every scenario forecasts the same workspaces")
        recommendations = (0..<count).flatMap { index in
            scenarios.map { RenewalRecommendation(scenario: $0.name, forecast: $0.forecasts[index], risk: risk) }
        }
    }

    /// The scenarios' names, in order.
    public var scenarios: [String] {
        var seen: [String] = []
        for recommendation in recommendations where !seen.contains(recommendation.scenario) { seen.append(recommendation.scenario) }
        return seen
    }

    /// One scenario's portfolio totals: pay-as-you-go only against every workspace buying its
    /// recommendation, each by the plan's risk measure (a sum of per-workspace P90s is a
    /// cautious budget, not the portfolio's own P90).
    public func total(scenario: String) -> (payAsYouGo: Money, recommended: Money, saving: Money) {
        var result = (payAsYouGo: Money.zero, recommended: Money.zero, saving: Money.zero)
        for recommendation in recommendations where recommendation.scenario == scenario {
            result.recommended = result.recommended + recommendation.cost
            result.saving = result.saving + recommendation.savingAgainstPayAsYouGo
        }
        result.payAsYouGo = result.recommended + result.saving
        return result
    }
}
