import Testing

@testable import CreditForecast

@Suite struct LocalLevelTests {
    @Test func theRecursionAndItsVarianceByHand() {
        // y = 0, 1, 1, 2 with α = ½: ℓ₋₁ = ȳ = 1; e = −1, ½, ¼, 9/8; ℓ = ½, ¾, 7/8, 23/16.
        let level = LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5)
        #expect(level.level == 1.4375)
        // Σe² = 1 + ¼ + 1/16 + 81/64 = 165/64, over n − 2 = 2 degrees of freedom.
        #expect(level.freedom == 2)
        #expect(level.errorVariance == 165.0 / 128)
        // Final prediction error: σ̂²·(n + p)/n with n = 4 months and p = 2 parameters.
        #expect(level.predictionVariance == 165.0 / 128 * 6 / 4)
        // 1 + (h − 1)α²: the month's noise plus h − 1 steps of the level's walk.
        #expect(level.varianceRatio(monthsAhead: 1) == 1)
        #expect(level.varianceRatio(monthsAhead: 3) == 1.5)
    }

    @Test func degreesSpentBeforeWidenTheSpread() {
        let level = LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 1)
        #expect(level.freedom == 1)
        #expect(level.errorVariance == 165.0 / 64)
        // p = 3: ℓ₋₁, α and the degree spent before.
        #expect(level.predictionVariance == 165.0 / 64 * 7 / 4)
        #expect(LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 2).errorVariance == nil)
        #expect(LocalLevel(logs: [0, 1, 1, 2], smoothing: 0.5, spentFreedom: 2).predictionVariance == nil)
    }

    @Test func aSteadyClimbIsARandomWalkAndIsChosen() throws {
        // y = 0 … 5: α = 1 leaves e = −2.5 then 1 five times, Σe² = 11.25, the least on the grid.
        let fitted = LocalLevel(logs: [0, 1, 2, 3, 4, 5])
        #expect(fitted.smoothing == 1)
        #expect(fitted.level == 5)
        #expect(fitted.errorVariance == 11.25 / 4)
        #expect(LocalLevel.smooth([0, 1, 2, 3, 4, 5], smoothing: 1).squares == 11.25)
        // The fixed level (α = 0.05) leaves Σe² ≈ 18.25, and 11.25 < 18.25 · 6^(−1/6) ≈ 13.53.
        let fixed = LocalLevel.smooth([0, 1, 2, 3, 4, 5], smoothing: 0.05).squares
        #expect(abs(fixed - 18.245_883_770_923_46) < 1e-9)
        let chosen = try #require(LocalLevel.chosen(logs: [0, 1, 2, 3, 4, 5]))
        #expect(chosen == fitted)
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
