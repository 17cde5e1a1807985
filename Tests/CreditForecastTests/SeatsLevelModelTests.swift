import CreditCore
import CreditTestSupport
import Foundation
import Testing

@testable import CreditForecast

@Suite struct SeatsLevelModelTests {
    /// Four seats about 1,000 a month for 16 months, then about 1,050: a step that the history
    /// cannot tell from noise about a fixed level with any confidence.
    static let stepped = WorkspaceHistory(
        name: "step",
        seats: (0..<4).map { index in
            Fixtures.seat("s\(index)", (0..<24).map { month in (month < 16 ? 1_000 : 1_050) + (index * 131 + month * 977) % 90 })
        })

    @Test func theWanderingLevelWeighsItsAkaikeWeight() throws {
        let model = SeatsUsageModel(workspace: Self.stepped, monthCount: 24, horizon: 6)
        let levels = SeatsUsageModel.readLevels(
            workspace: Self.stepped, monthCount: 24, parameters: .standard, prior: nil)
        let wandering = try #require(levels.wandering)
        // Two years hold no own season (it needs 25 months): the logs smoothed are the fixed
        // level's, about the same slope, and no degree of freedom was spent before.
        #expect(wandering.reading.fitted.asOfLogs == levels.fixed.fitted.asOfLogs)
        let weighed = try #require(LocalLevel.weighed(logs: levels.fixed.fitted.asOfLogs))
        #expect(model.wanderingWeight == weighed.weight)
        #expect(model.wanderingFit?.smoothing == weighed.level.smoothing)
        // Neither reading wins outright: about a quarter of trials wander, none of them chosen.
        #expect(model.wanderingWeight > 0.2 && model.wanderingWeight < 0.35, "\(model.wanderingWeight)")
        #expect(LocalLevel.chosen(logs: levels.fixed.fitted.asOfLogs) == nil)
        // The fixed reading is the model without a local level.
        var plain = SeatsModelParameters.standard
        plain.localLevel = false
        #expect(model.fit == SeatsUsageModel(workspace: Self.stepped, monthCount: 24, horizon: 6, parameters: plain).fit)
    }

    @Test func eachTrialIsOneReadingsTrialPickedByOneUniformDraw() throws {
        let model = SeatsUsageModel(workspace: Self.stepped, monthCount: 24, horizon: 6)
        let wandering = try #require(model.wandering)
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 6)
        let expected = UnsafeMutableBufferPointer<Int>.allocate(capacity: 6)
        defer {
            usage.deallocate()
            expected.deallocate()
        }
        let trials = 4_000
        var wanderingTrials = 0
        for trial in 0..<trials {
            var generator = Xoshiro256StarStar(seed: 5, stream: 3, trial: UInt64(trial))
            var copy = generator
            model.drawTrial(into: usage, using: &generator)
            if copy.nextUnitDouble() < model.wanderingWeight {
                wanderingTrials += 1
                wandering.drawTrial(into: expected, using: &copy)
            } else {
                model.fixed.drawTrial(into: expected, using: &copy)
            }
            #expect(Array(usage) == Array(expected), "trial \(trial)")
        }
        // The share of wandering trials is the weight, within four binomial standard errors.
        let share = Double(wanderingTrials) / Double(trials)
        let weight = model.wanderingWeight
        #expect(abs(share - weight) < 4 * (weight * (1 - weight) / Double(trials)).squareRoot(), "\(share) vs \(weight)")
    }

    @Test func thereIsNoWanderingLevelOnFourMonthsOrWithAnIdleMonth() {
        let short = WorkspaceHistory(name: "short", seats: [Fixtures.seat("s", [100, 140, 90, 160])])
        let shortModel = SeatsUsageModel(workspace: short, monthCount: 4, horizon: 3)
        #expect(shortModel.wanderingFit == nil)
        #expect(shortModel.wanderingWeight == 0)
        // A month without usage: its log is the offset's, not a level the usage wandered to.
        let idle = WorkspaceHistory(name: "idle", seats: [Fixtures.seat("s", [100, 120, 0, 140, 160, 180, 200, 220])])
        let idleModel = SeatsUsageModel(workspace: idle, monthCount: 8, horizon: 3)
        #expect(idleModel.wanderingFit == nil)
        #expect(idleModel.wanderingWeight == 0)
        // Five busy months are enough for a wandering reading, however lightly it weighs.
        let five = WorkspaceHistory(name: "five", seats: [Fixtures.seat("s", [100, 120, 110, 140, 160])])
        #expect(SeatsUsageModel(workspace: five, monthCount: 5, horizon: 3).wanderingFit != nil)
    }
}
