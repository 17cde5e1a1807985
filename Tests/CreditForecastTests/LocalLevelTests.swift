import Foundation
import Testing

@testable import CreditForecast

@Suite struct LocalLevelTests {
    @Test func theRecursionAndItsVarianceByHand() {
        // y = 0, 1, 1, 2 with α = ½: ℓ₋₁ = ȳ = 1; e = −1, ½, ¼, 9/8; ℓ = ½, ¾, 7/8, 23/16.
        let level = LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5)
        #expect(level.level == 1.4375)
        // |e| = ¼, ½, 1, 9/8: median ¾, so s = c·¾ with c = 1/Φ⁻¹(¾), and σ̂² = n·s²/(n − 2)
        // with n − 2 = 2 degrees of freedom: c²·9/8.
        let c = 1.482_602_218_505_602
        #expect(level.freedom == 2)
        #expect(abs(level.errorVariance! - c * c * 9 / 8) < 1e-15)
        // Final prediction error: σ̂²·(n + p)/n with n = 4 months and p = 2 parameters.
        #expect(abs(level.predictionVariance! - c * c * 9 / 8 * 6 / 4) < 1e-15)
        // 1 + (h − 1)α²: the month's noise plus h − 1 steps of the level's walk.
        #expect(level.varianceRatio(monthsAhead: 1) == 1)
        #expect(level.varianceRatio(monthsAhead: 3) == 1.5)
    }

    @Test func degreesSpentBeforeWidenTheSpread() {
        let level = LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 1)
        let c = 1.482_602_218_505_602
        #expect(level.freedom == 1)
        #expect(abs(level.errorVariance! - c * c * 9 / 4) < 1e-15)
        // The degree spent before widens σ̂², but the final prediction error counts only ℓ₋₁ and
        // α (p = 2): the caller adds the estimation error of what it spent.
        #expect(abs(level.predictionVariance! - c * c * 9 / 4 * 6 / 4) < 1e-15)
        #expect(LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 2).errorVariance == nil)
        #expect(LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 2).predictionVariance == nil)
    }

    @Test func aSteadyClimbIsARandomWalkAndIsChosen() throws {
        // y = 0 … 7: α = 1 leaves e = −3.5 then 1 seven times, Σe² = 19.25, the least on the grid.
        let fitted = LocalLevel(logs: [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(fitted.smoothing == 1)
        #expect(fitted.level == 7)
        // The median error is 1 (the first month's −3.5 does not move it): σ̂² = 8c²/6.
        let c = 1.482_602_218_505_602
        #expect(abs(fitted.errorVariance! - 8 * c * c / 6) < 1e-15)
        #expect(LocalLevel.smooth([0, 1, 2, 3, 4, 5, 6, 7], smoothing: 1).squares == 19.25)
        // The fixed level (α = 0.05) leaves Σe² ≈ 43.48; on eight months the price is AICc's
        // 2 + 24/4 − 12/5 = 5.6, and 19.25 < 43.48·e^(−5.6/8) ≈ 21.59.
        let fixed = LocalLevel.smooth([0, 1, 2, 3, 4, 5, 6, 7], smoothing: 0.05).squares
        #expect(abs(fixed - 43.484_079_896_553_39) < 1e-9)
        let chosen = try #require(LocalLevel.chosen(logs: [0, 1, 2, 3, 4, 5, 6, 7]))
        #expect(chosen == fitted)
    }

    @Test func theSmoothingsPriceIsSchwarzsOrTheSmallSampleAkaikesWhicheverIsLarger() {
        // AICc's difference between three parameters and two, 2 + 24/(n − 4) − 12/(n − 3):
        // 2 + 12 − 4 on six months, above ln 6 ≈ 1.79; still above ln 18 on eighteen; below ln 19
        // on nineteen, where Schwarz's price takes over.
        #expect(LocalLevel.smoothingPrice(months: 6) == 10)
        #expect(LocalLevel.smoothingPrice(months: 18) == 2 + 24.0 / 14 - 12.0 / 15)
        #expect(2 + 24.0 / 14 - 12.0 / 15 > log(18.0))
        #expect(LocalLevel.smoothingPrice(months: 19) == log(19.0))
        #expect(2 + 24.0 / 15 - 12.0 / 16 < log(19.0))
        #expect(LocalLevel.smoothingPrice(months: 48) == log(48.0))
        // Four months leave AICc no degree of freedom for three parameters.
        #expect(LocalLevel.smoothingPrice(months: 4) == nil)
        #expect(LocalLevel.smoothingPrice(months: 5) == 20)
        // Six months of a climb: α = 1 leaves Σe² = 11.25 against the fixed level's ≈ 18.25.
        // Schwarz's price would keep it (11.25 < 18.25·6^(−1/6) ≈ 13.53); AICc's does not
        // (18.25·e^(−10/6) ≈ 3.45): six months do not tell a random walk from half a season.
        let climb: [Double] = [0, 1, 2, 3, 4, 5]
        #expect(LocalLevel(logs: climb).smoothing == 1)
        #expect(LocalLevel.smooth(climb, smoothing: 1).squares == 11.25)
        #expect(abs(LocalLevel.smooth(climb, smoothing: 0.05).squares - 18.245_883_770_923_46) < 1e-9)
        #expect(LocalLevel.chosen(logs: climb) == nil)
    }

    @Test func theWanderingLevelsWeightIsAkaikes() throws {
        // w = 1/(1 + (Σe²_α̂/Σe²_{0.05})^{n/2}·e^{P/2}). Eight months of a climb: 19.25 against
        // ≈ 43.48 at AICc's price 5.6, so w ≈ 1/(1 + 0.0384·16.44) ≈ 0.613, above ½ as the climb
        // is chosen.
        let climb: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let fixed = LocalLevel.smooth(climb, smoothing: 0.05).squares
        let weighed = try #require(LocalLevel.weighed(logs: climb))
        #expect(weighed.level == LocalLevel(logs: climb))
        #expect(abs(weighed.weight - 1 / (1 + pow(19.25 / fixed, 4) * exp(2.8))) < 1e-15)
        #expect(abs(weighed.weight - 0.6129) < 1e-4)
        // Six months of it: 11.25 against ≈ 18.25 at price 10, w ≈ 1/(1 + 0.2344·148.4) ≈ 0.028,
        // well below ½ as it is not chosen, yet not nothing.
        let six: [Double] = [0, 1, 2, 3, 4, 5]
        let sixFixed = LocalLevel.smooth(six, smoothing: 0.05).squares
        let light = try #require(LocalLevel.weighed(logs: six))
        #expect(abs(light.weight - 1 / (1 + pow(11.25 / sixFixed, 3) * exp(5))) < 1e-15)
        #expect(abs(light.weight - 0.0279) < 1e-4)
        // A level followed exactly leaves both sums zero: neither fits worse, and the weight is the
        // floor 1/(1 + e^{P/2}), the most the price alone holds it down.
        let flat = try #require(LocalLevel.weighed(logs: [3, 3, 3, 3, 3, 3]))
        #expect(flat.weight == 1 / (1 + exp(5)))
        // Four months or fewer have no wandering level to weigh.
        #expect(LocalLevel.weighed(logs: [0, 1, 2, 3]) == nil)
    }

    @Test func theChoiceIsAWeightAboveAHalfAndTheFloorHolds() {
        // Over many series of a pseudo-random walk with noise (deterministic), the choice is the
        // weight above ½, and no weight falls below 1/(1 + e^{P(n)/2}).
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        for series in 0..<200 {
            let months = 5 + series % 40
            let walk = Double(series % 7) / 6
            var level = 0.0
            let logs = (0..<months).map { _ in
                level += walk * next()
                return level + next()
            }
            guard let weighed = LocalLevel.weighed(logs: logs), let price = LocalLevel.smoothingPrice(months: months) else {
                Issue.record("series \(series) has no weight")
                continue
            }
            #expect((weighed.weight > 0.5) == (LocalLevel.chosen(logs: logs) != nil), "series \(series)")
            #expect(weighed.weight >= 1 / (1 + exp(price / 2)), "series \(series)")
            #expect(weighed.weight <= 1, "series \(series)")
        }
    }

    @Test func theErrorsScaleIsTheirMedianUnlessMostAreExactlyZero() {
        let c = 1.482_602_218_505_602
        // One month of a crash among steady ones: y = 0, 0.1, 0, 0.1, 0, 1 with α = 1 leaves
        // e = −0.2, 0.1, −0.1, 0.1, −0.1, 1: the median |e| is 0.1 whatever the crash's size,
        // where the mean square, 0.18, is eight times c²·0.01.
        #expect(abs(LocalLevel.errorScale([0, 0.1, 0, 0.1, 0, 1], smoothing: 1) - c * c * 0.01) < 1e-15)
        #expect(abs(LocalLevel.errorScale([0, 0.1, 0, 0.1, 0, 5], smoothing: 1) - c * c * 0.01) < 1e-15)
        // A flat stretch followed exactly: y = 3, 3, 3, 3, 3, 9 with α = 1 leaves e = −1, 0, 0,
        // 0, 0, 6, whose median is 0; the mean square 37/6 is used instead.
        #expect(LocalLevel.errorScale([3, 3, 3, 3, 3, 9], smoothing: 1) == 37.0 / 6)
        let meanSquareSpread: Double = 37.0 / 6 * 6 / 4
        #expect(LocalLevel(logs: [3, 3, 3, 3, 3, 9], smoothing: 1).errorVariance == meanSquareSpread)
    }

    @Test func noiseAboutAFixedLevelKeepsTheFixedLevel() {
        // Alternating months: any weight above the smallest chases the noise.
        let logs: [Double] = [0, 1, 0, 1, 0, 1, 0, 1]
        #expect(LocalLevel(logs: logs).smoothing == 0.05)
        #expect(LocalLevel.chosen(logs: logs) == nil)
        // A constant history fits every weight exactly; the first (the fixed level) is kept.
        #expect(LocalLevel(logs: [3, 3, 3]).smoothing == 0.05)
        #expect(LocalLevel(logs: [3, 3, 3]).errorVariance == 0)
        #expect(LocalLevel.chosen(logs: [3, 3, 3]) == nil)
        // Two months leave nothing to judge by.
        #expect(LocalLevel.chosen(logs: [0, 5]) == nil)
    }

    @Test func theNoiseIsShrunkTowardItsPriorOnTheLogScale() {
        // The geometric mean when both weigh the same: √(0.04 · 0.25) = 0.1.
        #expect(abs(SeatsUsageModel.shrunkNoise(0.04, freedom: 2, prior: 0.25, priorWeight: 2) - 0.1) < 1e-15)
        // 0.01^(20/22) · 0.0625^(2/22): a smooth history keeps most of its small spread.
        let shrunk = SeatsUsageModel.shrunkNoise(0.01, freedom: 20, prior: 0.0625, priorWeight: 2)
        #expect(abs(shrunk - 0.011_812_796_675_376_406) < 1e-15)
        #expect(SeatsUsageModel.shrunkNoise(0.01, freedom: 0, prior: 0.0625, priorWeight: 2) == 0.0625)
        #expect(SeatsUsageModel.shrunkNoise(0, freedom: 5, prior: 0.0625, priorWeight: 2) == 0)
    }

    @Test func contractionKeepsEachRowsMeanAndScalesItsSpread() {
        var tables: [Double] = [0, 2, 4, 6, 10, 10, 10, 10]
        SeatsUsageModel.contract(&tables, size: 4, by: 0.5)
        #expect(tables == [1.5, 2.5, 3.5, 4.5, 10, 10, 10, 10])
    }

    @Test func theDrawnLevelWeighsMonthsByRecency() {
        // Weights ¼, ½, 1 for ages 2, 1, 0 with a half-life of one month: (¼ + 1 + 3)/(7/4) = 17/7.
        #expect(abs(SeatsUsageModel.drawnLevel([1, 2, 3], halfLife: 1) - 17.0 / 7) < 1e-15)
        #expect(SeatsUsageModel.drawnLevel([1, 2, 3], halfLife: nil) == 2)
    }
}
