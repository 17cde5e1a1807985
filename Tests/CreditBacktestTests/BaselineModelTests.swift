import CreditBacktest
import CreditCore
import CreditForecast
import CreditTestSupport
import Foundation
import Testing

@Suite struct BaselineModelTests {
    let workspace = Fixtures.workspace("team", [100, 110, 90, 120])

    @Test func naiveRepeatsTheLastMonthWithTheSpreadOfItsChanges() {
        let model = NaiveUsageModel(workspace: workspace, monthCount: 4)
        // Changes +10, −20, +30: mean 20/3, sample variance ((10 − 20/3)² + (−20 − 20/3)² + (30 − 20/3)²)/2.
        let mean = 20.0 / 3
        let variance = (pow(10 - mean, 2) + pow(-20 - mean, 2) + pow(30 - mean, 2)) / 2
        #expect(model.last == 120)
        #expect(abs(model.sigma - variance.squareRoot()) < 1e-9)
    }

    @Test func meanUsesTheHistoryMeanAndAWiderSpread() {
        let model = MeanUsageModel(workspace: workspace, monthCount: 4)
        // Mean 105; sample variance (25 + 25 + 225 + 225)/3 = 500/3; spread × √(1 + 1/4).
        #expect(model.mean == 105)
        #expect(abs(model.sigma - (500.0 / 3 * 1.25).squareRoot()) < 1e-9)
    }

    @Test func naiveTrialsSpreadAsARandomWalk() {
        let model = NaiveUsageModel(workspace: Fixtures.workspace("team", [10_000, 11_000, 10_000, 11_000, 10_000]), monthCount: 5)
        // Changes ±1,000 alternate: σ = √(4·1000²/3)... whatever σ is, month h has sd σ√h.
        let trials = 20_000
        var sums = [Double](repeating: 0, count: 4)
        var squares = [Double](repeating: 0, count: 4)
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
        defer { usage.deallocate() }
        for trial in 0..<trials {
            var generator = TrialStream(seed: 3, workspace: "team").generator(trial: trial)
            model.drawTrial(into: usage, using: &generator)
            for month in 0..<4 {
                sums[month] += Double(usage[month])
                squares[month] += Double(usage[month] * usage[month])
            }
        }
        for month in 0..<4 {
            let mean = sums[month] / Double(trials)
            let sd = (squares[month] / Double(trials) - mean * mean).squareRoot()
            let expected = model.sigma * Double(month + 1).squareRoot()
            #expect(abs(mean - 10_000) < 4 * expected / Double(trials).squareRoot())
            #expect(abs(sd / expected - 1) < 0.03, "month \(month + 1): sd \(sd) vs \(expected)")
        }
    }

    @Test func baselinesNeverDrawNegativeUsage() {
        let workspace = Fixtures.workspace("team", [0, 5_000, 0, 6_000])
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 6)
        defer { usage.deallocate() }
        for trial in 0..<500 {
            var generator = TrialStream(seed: 1, workspace: "team").generator(trial: trial)
            NaiveUsageModel(workspace: workspace, monthCount: 4).drawTrial(into: usage, using: &generator)
            #expect(usage.allSatisfy { $0 >= 0 })
            MeanUsageModel(workspace: workspace, monthCount: 4).drawTrial(into: usage, using: &generator)
            #expect(usage.allSatisfy { $0 >= 0 })
        }
    }

    @Test func scoredModelsAddEveryBaselineOnce() {
        #expect(BacktestModel.scored(candidates: [.seats]) == [.seats, .naive, .mean, .bootstrap])
        #expect(BacktestModel.scored(candidates: [.bootstrap, .seats, .bootstrap]) == [.bootstrap, .seats, .naive, .mean])
    }
}
