import CreditCore
import CreditForecast
import Foundation
import Testing

@testable import CreditReports

@Suite struct PriorTextTests {
    @Test func aStandalonePriorIsAFlatTrendAndNoSeason() {
        #expect(
            PriorText.bullets(.standalone(.standard)) == """
                - **Trend prior:** each workspace's own trend, weighed against a flat one (±0.5% a month).
                - **Seasonality:** none assumed; a trend seen over less than a year is weighed as possibly part of a season.
                - **Spread prior:** where a workspace's level is fixed, its months' spread about its trend line is weighed \
                against ±25.0% (a log standard deviation).

                """)
    }

    @Test func aLearntPriorGivesTheTrendsSpreadAndEveryMonthsEffect() {
        // Log effects: ln(0.92) is an 8% quieter month, ln(1.05) a 5% busier one.
        var effects = [Double](repeating: 0, count: 12)
        effects[7] = log(0.92)
        effects[2] = log(1.05)
        let prior = PortfolioPrior(
            trend: TrendPrior(mean: log(1.004), sigma: 0.0125, workspaces: 1_234),
            seasonality: SeasonalProfile(effects: effects, firstMonth: Month("2024-01")!, workspaces: 1_200), factorSigma: 0.25
        )
        #expect(
            PriorText.bullets(prior) == """
                - **Trend prior:** each workspace's own trend, weighed against how trends spread across the 1,234 workspaces \
                with three months or more: +0.4% ± 1.3% a month.
                - **Seasonality:** learnt from the 1,200 workspaces with a year or more: Jan +0.0%, Feb +0.0%, Mar +5.0%, \
                Apr +0.0%, May +0.0%, Jun +0.0%, Jul +0.0%, Aug -8.0%, Sep +0.0%, Oct +0.0%, Nov +0.0%, Dec +0.0%.
                - **Spread prior:** where a workspace's level is fixed, its months' spread about its trend line is weighed \
                against ±25.0% (a log standard deviation).

                """)
        let flat = SeasonalProfile(effects: Array(repeating: 0, count: 12), firstMonth: Month("2024-01")!, workspaces: 1_200)
        let quiet = PortfolioPrior(trend: prior.trend, seasonality: flat, factorSigma: 0.1234)
        #expect(
            PriorText.bullets(quiet).contains(
                "- **Seasonality:** none; no yearly pattern stands out of the noise across the 1,200 workspaces with a year or more.\n"))
        #expect(PriorText.bullets(quiet).hasSuffix("against ±12.3% (a log standard deviation).\n"))
        let young = PortfolioPrior(trend: prior.trend, seasonality: .none, factorSigma: 0.1234)
        #expect(
            PriorText.bullets(young).contains(
                "- **Seasonality:** none assumed: fewer than two workspaces have a year of history to measure one; a trend seen "
                    + "over less than a year is weighed as possibly part of a season.\n"))
    }

    @Test func workingDaysAreStatedWhereTheyWereMeasured() {
        // 0.71 × ln(22.7/21.7) = 0.0320, a month 3.3% busier.
        let season = SeasonalProfile(
            effects: Array(repeating: 0, count: 12), firstMonth: Month("2024-01")!, workspaces: 6, workingDayElasticity: 0.71)
        let text = PriorText.bullets(PortfolioPrior(trend: .standalone(.standard), seasonality: season, factorSigma: 0.2))
        #expect(
            text.contains(
                "- **Working days:** usage follows a month's weekdays with an elasticity of 0.71: one weekday more than the "
                    + "calendar month's mean moves the month by +3.3%.\n"))
        #expect(!PriorText.bullets(.standalone(.standard)).contains("Working days"))
    }

    @Test func theMonthLengthIsStatedWhereItWasMeasured() {
        // 1.14 × ln(28/30.436875) = −0.0951, a month 9.1% quieter; 1.14 × ln(31/30.436875) =
        // +0.0209, 2.1% busier. The season is not measured, and the bullet says so beside it.
        let season = SeasonalProfile(
            effects: Array(repeating: 0, count: 12), firstMonth: Month("2013-01")!, workspaces: 0, monthLengthElasticity: 1.14)
        let text = PriorText.bullets(
            PortfolioPrior(trend: TrendPrior(mean: 0, sigma: 0.003, workspaces: 11), seasonality: season, factorSigma: 0.111))
        #expect(
            text.contains(
                "- **Seasonality:** none assumed: fewer than two workspaces have a year of history to measure one; a trend seen "
                    + "over less than a year is weighed as possibly part of a season.\n"
                    + "- **Month length:** with no season to hold it, usage follows a month's days with an elasticity of 1.14: a "
                    + "February of 28 days moves the month by -9.1% against the mean month, one of 31 days by +2.1%.\n"))
        #expect(!PriorText.bullets(.standalone(.standard)).contains("Month length"))
    }

    @Test func theSharedLevelIsStatedWhereTwoWorkspacesOrMoreMeasureIt() {
        // Twelve months on their lines, then twelve 3.0% (ln 1.03) above, the 51 workspaces
        // together: the walk (smoothing 1) fits best and its level is the step's.
        let step = log(1.03)
        let shared = SharedDepartures(
            sums: (0..<24).map { $0 < 12 ? 0 : 51 * step }, counts: Array(repeating: 51, count: 24))
        let prior = PortfolioPrior(
            trend: .standalone(.standard), seasonality: .none, factorSigma: 0.2, sharedDepartures: shared)
        #expect(
            PriorText.bullets(prior).hasSuffix(
                "- **Shared level:** the 51 workspaces with three months or more and none idle stand together 3.0% above their "
                    + "own trend lines, a level that wanders (smoothing 1.00); where a workspace's level is fixed, it follows as far "
                    + "as it has moved with the others.\n"))
        let below = SharedDepartures(sums: shared.sums.map { -$0 }, counts: shared.counts)
        #expect(
            PriorText.bullets(PortfolioPrior(trend: .standalone(.standard), seasonality: .none, factorSigma: 0.2, sharedDepartures: below))
                .contains("stand together 2.9% below their own trend lines"))
        let noise = SharedDepartures(sums: (0..<24).map { $0 % 2 == 0 ? 0.02 : -0.02 }, counts: Array(repeating: 2, count: 24))
        #expect(
            PriorText.bullets(PortfolioPrior(trend: .standalone(.standard), seasonality: .none, factorSigma: 0.2, sharedDepartures: noise))
                .hasSuffix("- **Shared level:** none; the workspaces' departures from their own trend lines do not wander together.\n"))
        #expect(!PriorText.bullets(.standalone(.standard)).contains("Shared level"))
    }
}
