import CreditBacktest
import CreditCore
import CreditForecast
import Foundation
import Testing

/// A forecast that is the true distribution must score as theory says: coverage at nominal within
/// sampling error, and mean CRPS and P50 pinball at their closed forms.
@Suite struct TrueDistributionTests {
    /// Records whose trials and actual both come from N(μ, σ), rounded to whole credits.
    static func records(count: Int, trials: Int, mu: Double, sigma: Double) -> [BacktestRecord] {
        var generator = Xoshiro256StarStar(seed: 99)
        func draw() -> Int { Int((mu + sigma * generator.nextNormalPair().0).rounded()) }
        let origin = Month(year: 2026, month: 1)!
        return (0..<count).map { index in
            let sample = (0..<trials).map { _ in Double(draw()) }.sorted()
            let forecast = TargetForecast(sorted: sample, actual: draw())
            let event = EventForecast(probability: 0.5, happened: index % 2 == 0)
            return BacktestRecord(
                origin: origin, workspace: "w\(index)", model: .seats, step: 1, usage: forecast, balance: forecast,
                capHit: event, shortfall: event, isLastStep: true
            )
        }
    }

    @Test func theTrueDistributionCoversAtNominal() {
        let count = 4_000
        let records = Self.records(count: count, trials: 400, mu: 50_000, sigma: 5_000)
        let score = BacktestScore(model: .seats, target: .usage, step: 1, records: records, eventRecords: records)
        #expect(score.count == count)
        // Binomial standard errors with 4,000 forecasts: √(0.8·0.2/4000) = 0.0063 and 0.0047;
        // the 400-trial percentiles add a little. Four standard errors either side.
        #expect(abs(score.coverage80 - 0.8) < 4 * (0.8 * 0.2 / Double(count)).squareRoot() + 0.005, "\(score.coverage80)")
        #expect(abs(score.coverage90 - 0.9) < 4 * (0.9 * 0.1 / Double(count)).squareRoot() + 0.005, "\(score.coverage90)")
        // E[CRPS] of the true N(μ, σ) is σ/√π; the P50's mean pinball loss is ½·E|Y − μ| = σ/√(2π).
        let crps = 5_000 / Double.pi.squareRoot()
        #expect(abs(score.crps / crps - 1) < 0.04, "CRPS \(score.crps) vs \(crps)")
        let pinball = 5_000 / (2 * Double.pi).squareRoot()
        #expect(abs(score.pinballP50 / pinball - 1) < 0.04, "pinball \(score.pinballP50) vs \(pinball)")
        #expect(abs(score.bias) < 4 * 5_000 / Double(count).squareRoot())
        // Probability 0.5 on events that happen half the time: Brier 0.25 exactly.
        #expect(score.brierCapHit == 0.25 && score.brierShortfall == 0.25)
    }

    @Test func aTooNarrowForecastUndercovers() {
        // Trials with half the true spread: P(|Z| < 1.2816/2) = 0.48.
        var generator = Xoshiro256StarStar(seed: 5)
        let origin = Month(year: 2026, month: 1)!
        let records = (0..<3_000).map { index -> BacktestRecord in
            let sample = (0..<500).map { _ in (1_000 + 50 * generator.nextNormalPair().0).rounded() }.sorted()
            let actual = Int((1_000 + 100 * generator.nextNormalPair().0).rounded())
            let forecast = TargetForecast(sorted: sample, actual: actual)
            let event = EventForecast(probability: 0, happened: false)
            return BacktestRecord(
                origin: origin, workspace: "w\(index)", model: .naive, step: 2, usage: forecast, balance: forecast,
                capHit: event, shortfall: event, isLastStep: false)
        }
        let score = BacktestScore(model: .naive, target: .usage, step: 2, records: records, eventRecords: records)
        #expect(abs(score.coverage80 - 0.48) < 0.04, "\(score.coverage80)")
    }

    @Test func anIdleHalfTheTimeForecastOvercoversButItsPITDoesNot() {
        // Usage idle with probability ½, else uniform on 1 … 100; trials and actuals both drawn
        // from it. P5 = P10 = 0, so an idle actual lies in every band: P10–P90 holds ½ + ½·0.8 =
        // 0.9 of the actuals (P90 is the busy part's 80th percentile) and P5–P95 ½ + ½·0.9 = 0.95.
        // Counted by probability, an idle actual's PIT range 0 … ½ has 0.4/0.5 of it in P10–P90
        // and 0.45/0.5 in P5–P95, so the bands hold 0.8 and 0.9: their nominal levels.
        var generator = Xoshiro256StarStar(seed: 21)
        func draw() -> Int { generator.nextUnitDouble() < 0.5 ? 0 : 1 + Int(generator.nextUnitDouble() * 100) }
        let origin = Month(year: 2026, month: 1)!
        let count = 4_000
        let records = (0..<count).map { index -> BacktestRecord in
            let forecast = TargetForecast(sorted: (0..<400).map { _ in Double(draw()) }.sorted(), actual: draw())
            let event = EventForecast(probability: 0, happened: false)
            return BacktestRecord(
                origin: origin, workspace: "w\(index)", model: .seats, step: 1, usage: forecast, balance: forecast,
                capHit: event, shortfall: event, isLastStep: true)
        }
        let score = BacktestScore(model: .seats, target: .usage, step: 1, records: records, eventRecords: records)
        let error80 = 4 * (0.8 * 0.2 / Double(count)).squareRoot() + 0.005
        let error90 = 4 * (0.9 * 0.1 / Double(count)).squareRoot() + 0.005
        #expect(abs(score.coverage80 - 0.9) < error80, "\(score.coverage80)")
        #expect(abs(score.coverage90 - 0.95) < error90, "\(score.coverage90)")
        #expect(abs(score.pitCoverage80 - 0.8) < error80, "\(score.pitCoverage80)")
        #expect(abs(score.pitCoverage90 - 0.9) < error90, "\(score.pitCoverage90)")
        // And where the actuals fell: a tenth of them in each tenth of the trials.
        let run = BacktestRun(
            settings: BacktestSettings(horizon: 1, origins: 1, trials: 400, seed: 1, candidates: [.seats]), firstMonth: origin,
            lastMonth: origin.advanced(by: 1), origins: [origin], workspaceCount: count, inputHash: "", records: records)
        for share in run.tally.pitHistogram(of: .seats) { #expect(abs(share - 0.1) < 0.025, "\(share)") }
    }
}
