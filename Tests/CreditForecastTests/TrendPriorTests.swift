import CreditCore
import CreditTestSupport
import Foundation
import Testing

@testable import CreditForecast

@Suite struct TrendPriorTests {
    let parameters = SeatsModelParameters.standard

    @Test func twoWorkspacesGiveTheDerSimonianLairdFiguresBlendedWithTheStandalonePrior() {
        // w = 10⁴ each; μ_F = 0.02; Q = 10⁴·(0.01² + 0.01²) = 2; Σw − Σw²/Σw = 10⁴;
        // τ̂² = (2 − 1)/10⁴ = 10⁻⁴; μ̂ = 0.02. Blended with N(0, 0.005²) weighted as 10 workspaces:
        // σ² = (2·10⁻⁴ + 10·2.5·10⁻⁵)/12 = 3.75·10⁻⁵, mean = 2·0.02/12.
        let prior = TrendPrior.estimate(slopes: [0.01, 0.03], variances: [1e-4, 1e-4], parameters: parameters)
        #expect(prior.workspaces == 2)
        #expect(abs(prior.sigma * prior.sigma - 3.75e-5) < 1e-15)
        #expect(abs(prior.mean - 0.04 / 12) < 1e-15)
    }

    @Test func slopesWithinTheirOwnNoiseLeaveOnlyTheStandalonePriorsShare() {
        // Spread less than the sampling error: τ̂² = 0, so σ² = 10·τ₀²/(W + 10).
        let slopes = [0.001, -0.001, 0.0005, -0.0005, 0]
        let prior = TrendPrior.estimate(slopes: slopes, variances: Array(repeating: 1e-4, count: 5), parameters: parameters)
        #expect(abs(prior.sigma * prior.sigma - 10 * 0.005 * 0.005 / 15) < 1e-15)
        #expect(abs(prior.mean) < 1e-15)
    }

    @Test func fewerThanTwoMeasuredWorkspacesGiveTheStandalonePrior() {
        #expect(TrendPrior.estimate(slopes: [0.05], variances: [1e-6], parameters: parameters) == .standalone(parameters))
        #expect(TrendPrior.estimate(slopes: [], variances: [], parameters: parameters) == TrendPrior(mean: 0, sigma: 0.005))
    }

    @Test func recoversTheSpreadOfTrueSlopesFromNoisyOnes() {
        // 4,000 workspaces whose true slopes are N(1%, 1.5%²), each measured with its own error.
        var generator = Xoshiro256StarStar(seed: 9)
        var slopes: [Double] = []
        var variances: [Double] = []
        for index in 0..<4_000 {
            let variance = index.isMultiple(of: 2) ? 0.005 * 0.005 : 0.01 * 0.01
            let (truth, error) = generator.nextNormalPair()
            slopes.append(0.01 + 0.015 * truth + variance.squareRoot() * error)
            variances.append(variance)
        }
        let prior = TrendPrior.estimate(slopes: slopes, variances: variances, parameters: parameters)
        // The estimates' standard errors here are about 0.0003 (mean) and 0.0005 (spread).
        #expect(abs(prior.mean - 0.01) < 0.0015)
        #expect(abs(prior.sigma - 0.015) < 0.0025)
    }

    @Test func thePosteriorWeighsTheEstimateByPrecision() {
        let prior = TrendPrior(mean: 0.01, sigma: 0.02)
        // weight = 4·10⁻⁴/(4·10⁻⁴ + 10⁻⁴) = 0.8.
        let posterior = prior.posterior(slope: 0.06, variance: 1e-4)
        #expect(abs(posterior.slope - (0.01 + 0.8 * 0.05)) < 1e-15)
        #expect(abs(posterior.variance - 0.8e-4) < 1e-18)
        // No evidence: the prior itself. A prior that allows no spread: its mean.
        #expect(prior.posterior(slope: 0.06, variance: .infinity) == (slope: 0.01, variance: 4e-4))
        #expect(TrendPrior(mean: 0, sigma: 0).posterior(slope: 0.06, variance: 1e-4) == (slope: 0, variance: 0))
    }

    @Test func aSeasonTheWorkspacesShareKeepsTheMeanOnlyAsFarAsThePriorOutweighsIt() {
        // As the first test, with v_A = 7.5·10⁻⁵ shared: the mean is kept by
        // τ₀²/(τ₀² + v_A) = 2.5·10⁻⁵/10⁻⁴ = 1/4; the spread is unchanged.
        let prior = TrendPrior.estimate(
            slopes: [0.01, 0.03], variances: [1e-4, 1e-4], parameters: parameters, sharedSeasonVariance: 7.5e-5)
        #expect(abs(prior.sigma * prior.sigma - 3.75e-5) < 1e-15)
        #expect(abs(prior.mean - 0.25 * 0.04 / 12) < 1e-15)
    }

    @Test func shortHistoriesWithoutAMeasuredSeasonAddTheirAliasToEachSlope() throws {
        // Two workspaces of six months: each slope's variance gains the six-month alias, and
        // the mean the same alias as the shared part.
        let rising = WorkspaceHistory(name: "a", seats: [Fixtures.seat("s", [100, 103, 105, 108, 113, 115])])
        let flat = WorkspaceHistory(name: "b", seats: [Fixtures.seat("s", [200, 206, 198, 204, 210, 203])])
        let trends = [rising, flat].map { TrendEstimate(workspace: $0, monthCount: 6) }
        let alias = TrendEstimate.seasonAliasVariance(months: 6, amplitude: parameters.unseenSeasonAmplitude)
        let variances = try trends.map { try #require($0.slopeVariance) + alias }
        let expected = TrendPrior.estimate(
            slopes: trends.map(\.slope), variances: variances, parameters: parameters, sharedSeasonVariance: alias)
        #expect(TrendPrior.estimate(from: trends, parameters: parameters, unseenSeason: true) == expected)
        let measured = TrendPrior.estimate(from: trends, parameters: parameters)
        #expect(measured.mean > 0)
        #expect(abs(expected.mean) < measured.mean / 5)
    }
}
