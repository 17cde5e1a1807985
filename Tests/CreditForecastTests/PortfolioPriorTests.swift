import CreditCore
import CreditForecast
import CreditTestSupport
import Foundation
import Testing

/// The common factor's prior spread learnt across a portfolio (`PortfolioPrior.factorSigma`).
@Suite struct PortfolioPriorTests {
    let parameters = SeatsModelParameters.standard

    @Test func errorsAreThoseOfTheLineThroughTheMonthsBeforeUpToThreeMonthsAhead() {
        // The line through 0, 1, 2 predicts months 3 and 4 as 3 and 4 (errors 0 and 1), the line
        // through 0 … 3 month 4 as 4 (error 1): e² = (0 + 1 + 1)/3.
        #expect(abs(PortfolioPrior.lineErrorVariance(of: [0, 1, 2, 3, 5])! - 2.0 / 3) < 1e-15)
        // The line through (0, 0), (1, 2), (2, 1) has slope ½ through (1, 1): month 3 is
        // predicted 2 and is 4, e² = 4.
        #expect(PortfolioPrior.lineErrorVariance(of: [0, 2, 1, 4]) == 4)
        #expect(PortfolioPrior.lineErrorVariance(of: [1, 1, 1, 2]) == 1)
        // Three months ahead at most: the lines through the first 3, 4, 5 and 6 months of a flat
        // 0 score months 3–5, 4–6, 5–6 and 6, and miss only month 6's step to 1: e² = 3/9.
        #expect(PortfolioPrior.lineErrorVariance(of: [0, 0, 0, 0, 0, 0, 1]) == 1.0 / 3)
        // Three months: the line through months 0 and 1 scores month 2 (here 1 and 2 predict 3,
        // and 4 is one off); with fewer there is no error to score.
        #expect(PortfolioPrior.lineErrorVariance(of: [1, 2, 3]) == 0)
        #expect(PortfolioPrior.lineErrorVariance(of: [1, 2, 4]) == 1)
        #expect(PortfolioPrior.lineErrorVariance(of: [1, 2, 4], slope: 0) == 6.25)
        #expect(PortfolioPrior.lineErrorVariance(of: [1, 2]) == nil)
        // With the model's own slope: lines through the months' mean. Flat lines on 0, 1, 2, 3, 5:
        // from t = 3 (mean 1) errors 2 and 4, from t = 4 (mean 1.5) 3.5: (4 + 16 + 12.25)/3.
        #expect(PortfolioPrior.lineErrorVariance(of: [0, 1, 2, 3, 5], slope: 0) == 32.25 / 3)
        #expect(PortfolioPrior.lineErrorVariance(of: [0, 1, 2, 3, 5], slope: 1) == 2.0 / 3)
    }

    @Test func theMedianIsBlendedWithTheStandalonePriorOnTheLogScale() {
        // Ten workspaces against the standalone prior weighted as two (k_σ = 2): σ₀² is
        // m^{10/12}·(0.25²)^{2/12} with the median m = 0.25²/2¹², so 0.25²/2¹⁰ and σ₀ = 0.25/32.
        let median = 0.0625 / 4_096
        let variances = [0.5, 1e-7, median, 0.2, 1e-8, median, 0.3, 1e-6, 0.1, 2e-7]
        #expect(parameters.factorPriorWorkspaces == 2)
        #expect(abs(PortfolioPrior.factorSigma(lineErrorVariances: variances, parameters: parameters) - 0.25 / 32) < 1e-17)
        // One erratic workspace more moves the median, not the mean of the others.
        let odd = PortfolioPrior.factorSigma(lineErrorVariances: variances + [1_000], parameters: parameters)
        let expected = (pow(median, 11.0 / 13) * pow(0.0625, 2.0 / 13)).squareRoot()
        #expect(abs(odd - expected) < 1e-17)
        // Weighted as ten workspaces, the prior and the median meet halfway on the log scale:
        // σ₀² = √(0.25²/2¹² · 0.25²) = 0.25²/2⁶, σ₀ = 0.25/8.
        var heavier = parameters
        heavier.factorPriorWorkspaces = 10
        #expect(PortfolioPrior.factorSigma(lineErrorVariances: variances, parameters: heavier) == 0.25 / 8)
    }

    @Test func fewerThanTwoWorkspacesOrNoErrorGiveTheStandalonePrior() {
        #expect(PortfolioPrior.factorSigma(lineErrorVariances: [0.01], parameters: parameters) == 0.25)
        #expect(PortfolioPrior.factorSigma(lineErrorVariances: [], parameters: parameters) == 0.25)
        #expect(PortfolioPrior.factorSigma(lineErrorVariances: [0, 0, 0.5], parameters: parameters) == 0.25)
        // Resampling alone has no prior spread, learnt or not.
        #expect(PortfolioPrior.factorSigma(lineErrorVariances: [0.01, 0.02], parameters: .resamplingOnly) == 0)
    }

    @Test func theEstimateTakesEachWorkspacesSeasonallyAdjustedLogs() {
        // Two one-seat workspaces under a year (no season): logs ln(Tₜ + ε), ε = max(1, 0.05·mean T).
        let first = [100, 104, 100, 104, 100]
        let second = [400, 400, 500, 400, 400, 400]
        let history = Fixtures.history([
            WorkspaceHistory(name: "a", seats: [Fixtures.seat("all", firstOffset: 1, [0] + first)]), Fixtures.workspace("b", second),
        ])
        func logs(_ totals: [Int]) -> [Double] {
            let mean = Double(totals.reduce(0, +)) / Double(totals.count)
            return totals.map { log(Double($0) + max(1, 0.05 * mean)) }
        }
        let variances = [first, second].compactMap { PortfolioPrior.lineErrorVariance(of: logs($0)) }
        #expect(variances.count == 2)
        let prior = PortfolioPrior.estimate(from: history, parameters: parameters)
        #expect(prior.factorSigma == PortfolioPrior.factorSigma(lineErrorVariances: variances, parameters: parameters))
        #expect(prior.factorSigma < 0.25)
        #expect(
            PortfolioPrior.estimate(from: Fixtures.history([Fixtures.workspace("a", first)]), parameters: parameters).factorSigma == 0.25)
    }

    @Test func aPortfolioOfThreeMonthWorkspacesLearnsItsSpread() {
        // Each workspace's month 2 lies within 2% of the line through its months 0 and 1 (10% a
        // month of growth kept; 400 flat, then 2% less): σ₀² = m^{2/4}·(0.25²)^{2/4}, m the mean of
        // the two squared errors (the median of two), instead of the standalone 0.25.
        let history = Fixtures.history([Fixtures.workspace("a", [100, 110, 121]), Fixtures.workspace("b", [400, 400, 392])])
        let prior = PortfolioPrior.estimate(from: history, parameters: parameters)
        func error(_ totals: [Double]) -> Double {
            let logs = totals.map { log($0 + max(1, 0.05 * totals.reduce(0, +) / 3)) }
            return logs[2] - (2 * logs[1] - logs[0])
        }
        let median = (pow(error([100, 110, 121]), 2) + pow(error([400, 400, 392]), 2)) / 2
        #expect(abs(prior.factorSigma - (median.squareRoot() * 0.25).squareRoot()) < 1e-15)
        #expect(prior.factorSigma < 0.25 / 4)
    }

    @Test func aFixedLevelsCommonFactorShrinksTowardThePortfoliosSpread() {
        // Eight months of 1,000 credits: no residual and nothing for resampling to explain, so
        // σ_F² = (6·0 + 2·σ₀²)/(6 + 2) = σ₀²/4, with the portfolio's σ₀ = 0.125 instead of 0.25.
        let workspace = Fixtures.workspace("steady", Array(repeating: 1_000, count: 8))
        let prior = PortfolioPrior(trend: TrendPrior(mean: 0, sigma: 0.005), seasonality: .none, factorSigma: 0.125)
        let model = SeatsUsageModel(workspace: workspace, monthCount: 8, horizon: 3, prior: prior)
        #expect(model.fit.smoothing == 0)
        #expect(model.fit.commonFactorSigma == 0.0625)
        let standalone = SeatsUsageModel(workspace: workspace, monthCount: 8, horizon: 3)
        #expect(standalone.fit.commonFactorSigma == 0.125)
    }
}
