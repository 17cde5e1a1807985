import CreditBacktest
import CreditForecast
import Foundation
import Testing

/// The scoring rules against closed forms and hand computations.
@Suite struct ScoringRulesTests {
    /// `Φ(z)`.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
    /// `φ(z)`.
    static func normalPDF(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }

    /// CRPS of N(μ, σ) at y (Gneiting & Raftery 2007): `σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π]`.
    static func normalCRPS(mu: Double, sigma: Double, y: Double) -> Double {
        let z = (y - mu) / sigma
        return sigma * (z * (2 * normalCDF(z) - 1) + 2 * normalPDF(z) - 1 / Double.pi.squareRoot())
    }

    /// CRPS of U(a, b) at y: `(b − a)·(u³ + (1 − u)³)/3` inside, `|y − nearest end| + (b − a)/3` outside.
    static func uniformCRPS(a: Double, b: Double, y: Double) -> Double {
        if y < a { return a - y + (b - a) / 3 }
        if y > b { return y - b + (b - a) / 3 }
        let u = (y - a) / (b - a)
        return (b - a) * (u * u * u + (1 - u) * (1 - u) * (1 - u)) / 3
    }

    /// `n` draws of N(μ, σ), sorted.
    static func normalSample(_ n: Int, mu: Double, sigma: Double, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        var values: [Double] = []
        while values.count < n {
            let (a, b) = generator.nextNormalPair()
            values.append(mu + sigma * a)
            if values.count < n { values.append(mu + sigma * b) }
        }
        return values.sorted()
    }

    @Test(arguments: [-2.5, -1.0, 0.0, 0.4, 1.7, 4.0])
    func crpsOfANormalSampleMatchesTheClosedForm(_ z: Double) {
        let sample = Self.normalSample(200_000, mu: 1_000, sigma: 200, seed: 7)
        let y = 1_000 + 200 * z
        let exact = Self.normalCRPS(mu: 1_000, sigma: 200, y: y)
        let estimate = ScoringRules.crps(sorted: sample, observation: y)
        // The sample CRPS converges at 1/√n; 200,000 draws put it well within 1% (and 1 credit).
        #expect(abs(estimate - exact) < max(1, 0.01 * exact), "z \(z): sample \(estimate), closed form \(exact)")
    }

    @Test(arguments: [-3.0, 0.0, 2.5, 5.0, 10.0, 14.0])
    func crpsOfAUniformGridMatchesTheClosedForm(_ y: Double) {
        // n equally likely midpoints of U(0, 10): the empirical CDF is within 1/n of the uniform's,
        // so the CRPS is within (b − a)/n of the closed form (and in fact much closer).
        let n = 10_000
        let grid = (0..<n).map { (Double($0) + 0.5) * 10 / Double(n) }
        let exact = Self.uniformCRPS(a: 0, b: 10, y: y)
        #expect(abs(ScoringRules.crps(sorted: grid, observation: y) - exact) < 1e-6 + 10.0 / Double(n) / 10)
    }

    @Test func crpsOfAPointForecastIsTheAbsoluteError() {
        #expect(ScoringRules.crps(sorted: [120.0], observation: 100) == 20)
        #expect(ScoringRules.crps(sorted: [5.0, 5, 5], observation: 9) == 4)
    }

    @Test func crpsOfTwoPointsByHand() {
        // E|X − 3| = (2 + 2)/2 = 2; E|X − X′| = (0 + 4 + 4 + 0)/4 = 2; CRPS = 2 − 1 = 1.
        #expect(ScoringRules.crps(sorted: [1.0, 5], observation: 3) == 1)
        // At y = 5: E|X − y| = 2, so CRPS = 2 − 1 = 1; at y = 9: (8 + 4)/2 − 1 = 5.
        #expect(ScoringRules.crps(sorted: [1.0, 5], observation: 5) == 1)
        #expect(ScoringRules.crps(sorted: [1.0, 5], observation: 9) == 5)
    }

    @Test func weightedIntervalScoreByHand() {
        // 1,300 above every percentile: 0.4 × (0.05·500 + 0.1·400 + 0.5·300 + 0.9·200 + 0.95·100).
        let above = ScoringRules.weightedIntervalScore(p5: 800, p10: 900, p50: 1_000, p90: 1_100, p95: 1_200, observation: 1_300)
        #expect(abs(above - 196) < 1e-9)
        // At the median inside both bands: only the bands' widths count, 0.4 × 4 × 10.
        let inside = ScoringRules.weightedIntervalScore(p5: 800, p10: 900, p50: 1_000, p90: 1_100, p95: 1_200, observation: 1_000)
        #expect(abs(inside - 16) < 1e-9)
        // A point forecast that is right scores 0.
        #expect(ScoringRules.weightedIntervalScore(p5: 7, p10: 7, p50: 7, p90: 7, p95: 7, observation: 7) == 0)
    }

    @Test func pinballLossByHand() {
        // Under: 0.9 × (130 − 100) = 27. Over: 0.1 × (100 − 70) = 3.
        #expect(abs(ScoringRules.pinball(quantile: 100, level: 0.9, observation: 130) - 27) < 1e-12)
        #expect(abs(ScoringRules.pinball(quantile: 100, level: 0.9, observation: 70) - 3) < 1e-12)
        #expect(abs(ScoringRules.pinball(quantile: 100, level: 0.1, observation: 70) - 27) < 1e-12)
        #expect(ScoringRules.pinball(quantile: 100, level: 0.5, observation: 90) == 5)
        #expect(ScoringRules.pinball(quantile: 100, level: 0.5, observation: 100) == 0)
    }

    @Test func brierScoreByHand() {
        #expect(abs(ScoringRules.brier(probability: 0.7, happened: true) - 0.09) < 1e-12)
        #expect(abs(ScoringRules.brier(probability: 0.7, happened: false) - 0.49) < 1e-12)
        #expect(ScoringRules.brier(probability: 0, happened: false) == 0)
    }

    @Test func bandsAreClosed() {
        #expect(ScoringRules.covers(lower: 0, upper: 10, observation: 0))
        #expect(ScoringRules.covers(lower: 0, upper: 10, observation: 10))
        #expect(!ScoringRules.covers(lower: 0, upper: 10, observation: 11))
        #expect(!ScoringRules.covers(lower: 1, upper: 10, observation: 0))
    }

    @Test func targetForecastTakesNearestRankPercentiles() {
        // 1 … 20: P5 is the 1st value, P10 the 2nd, P50 the 10th, P90 the 18th, P95 the 19th.
        let forecast = TargetForecast(sorted: (1...20).map(Double.init), actual: 25)
        #expect(forecast.quantiles == Percentiles(p5: 1, p10: 2, p50: 10, p90: 18, p95: 19))
        #expect(forecast.mean == 10.5)
        #expect(!forecast.inBand80 && !forecast.inBand90)
        #expect(forecast.pinball(level: 90) == 0.9 * 7)
        #expect(abs(forecast.pinball(level: 10) - 0.1 * 23) < 1e-12)
        #expect(forecast.crps == ScoringRules.crps(sorted: (1...20).map(Double.init), observation: 25))
    }

    @Test func pitIsTheShareBelowToTheShareAtOrBelow() {
        let sample: [Double] = [0, 0, 0, 0, 5, 5, 7, 9]
        #expect(ScoringRules.pit(sorted: sample, observation: 0) == 0...0.5)
        #expect(ScoringRules.pit(sorted: sample, observation: 5) == 0.5...0.75)
        #expect(ScoringRules.pit(sorted: sample, observation: 6) == 0.75...0.75)
        #expect(ScoringRules.pit(sorted: sample, observation: -1) == 0...0)
        #expect(ScoringRules.pit(sorted: sample, observation: 9) == 0.875...1)
        #expect(ScoringRules.pit(sorted: sample, observation: 10) == 1...1)
        // A slice keeps its own indices; one value alone.
        #expect(ScoringRules.pit(sorted: sample[4...], observation: 7) == 0.5...0.75)
        #expect(ScoringRules.pit(sorted: [3], observation: 3) == 0...1)
        // Every observation from −1 to 10 against two counts.
        for observation in -1...10 {
            let y = Double(observation)
            let counts = Double(sample.count { $0 < y }) / 8...Double(sample.count { $0 <= y }) / 8
            #expect(ScoringRules.pit(sorted: sample, observation: y) == counts, "\(observation)")
        }
    }

    @Test func pitCoverageCountsAPointMassByItsShareInsideTheBand() {
        // The idle atom 0 … ½ against 0.25 … 0.75: half of it inside.
        #expect(ScoringRules.pitCoverage(0...0.5, band: 0.25...0.75) == 0.5)
        #expect(ScoringRules.pitCoverage(0.5...0.75, band: 0.25...0.75) == 1)
        #expect(ScoringRules.pitCoverage(0.875...1, band: 0.25...0.75) == 0)
        // A point is inside or not, the band's ends included.
        #expect(ScoringRules.pitCoverage(0.75...0.75, band: 0.25...0.75) == 1)
        #expect(ScoringRules.pitCoverage(0.875...0.875, band: 0.25...0.75) == 0)
        // The P10–P90 band and an atom of 0.4: (0.4 − 0.1)/0.4 = ¾, to rounding.
        #expect(abs(ScoringRules.pitCoverage(0...0.4, band: 0.1...0.9) - 0.75) < 1e-15)
    }
}
