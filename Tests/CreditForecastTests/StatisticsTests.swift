import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

@Suite struct StatisticsTests {
    @Test func nearestRankFollowsItsDefinition() {
        // k = ⌈P·n/100⌉, at least 1.
        #expect(Percentiles.nearestRank(percent: 5, count: 5) == 1)
        #expect(Percentiles.nearestRank(percent: 50, count: 5) == 3)
        #expect(Percentiles.nearestRank(percent: 50, count: 4) == 2)
        #expect(Percentiles.nearestRank(percent: 90, count: 5) == 5)
        #expect(Percentiles.nearestRank(percent: 95, count: 1) == 1)
        #expect(Percentiles.nearestRank(percent: 10, count: 10_000) == 1_000)
        #expect(Percentiles.nearestRank(percent: 10, count: 10_001) == 1_001)
        let values = [50, 15, 40, 35, 20]
        #expect(Percentiles(nearestRankOf: values) == Percentiles(p5: 15, p10: 15, p50: 35, p90: 50, p95: 50))
    }

    @Test(arguments: [1, 2, 3, 7, 24, 48, 49, 100, 999, 5_000, 40_000])
    func selectionAgreesWithSorting(count: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(count))
        for spread in [3, 1_000, 1_000_000] {
            let values = (0..<count).map { _ in Int(generator.next(upperBound: UInt64(spread))) }
            let sorted = values.sorted()
            func at(_ percent: Int) -> Int { sorted[Percentiles.nearestRank(percent: percent, count: count) - 1] }
            #expect(Percentiles(nearestRankOf: values) == Percentiles(p5: at(5), p10: at(10), p50: at(50), p90: at(90), p95: at(95)))
        }
        // Skewed (a few huge values), negative, and extreme values.
        let skewed = (0..<count).map { index in index % 97 == 0 ? 1 << 40 : Int(generator.next(upperBound: UInt64(5_000))) - 2_500 }
        let skewedSorted = skewed.sorted()
        func skewedAt(_ percent: Int) -> Int { skewedSorted[Percentiles.nearestRank(percent: percent, count: count) - 1] }
        #expect(
            Percentiles(nearestRankOf: skewed)
                == Percentiles(p5: skewedAt(5), p10: skewedAt(10), p50: skewedAt(50), p90: skewedAt(90), p95: skewedAt(95)))
        let extremes = (0..<count).map { [Int.min, Int.max, 0, -1, 1][$0 % 5] }
        let extremesSorted = extremes.sorted()
        func extremeAt(_ percent: Int) -> Int { extremesSorted[Percentiles.nearestRank(percent: percent, count: count) - 1] }
        #expect(
            Percentiles(nearestRankOf: extremes)
                == Percentiles(p5: extremeAt(5), p10: extremeAt(10), p50: extremeAt(50), p90: extremeAt(90), p95: extremeAt(95)))
        // Piles at both ends, as trials that end a month at zero or at the cap make them.
        let piles = (0..<count).map { index in
            index % 20 < 12 ? 0 : index % 20 < 15 ? 9_000 : Int(generator.next(upperBound: UInt64(9_000)))
        }
        let pilesSorted = piles.sorted()
        func pileAt(_ percent: Int) -> Int { pilesSorted[Percentiles.nearestRank(percent: percent, count: count) - 1] }
        #expect(
            Percentiles(nearestRankOf: piles)
                == Percentiles(p5: pileAt(5), p10: pileAt(10), p50: pileAt(50), p90: pileAt(90), p95: pileAt(95)))
        // Already sorted and reversed input.
        let ascending = Array(0..<count)
        #expect(Percentiles(nearestRankOf: ascending.reversed()) == Percentiles(nearestRankOf: ascending))
    }

    @Test(arguments: UsageModelKind.allCases)
    func quantilesAreOrderedAndProbabilitiesAreProbabilities(_ model: UsageModelKind) throws {
        let history = DeterminismTests.threeWorkspaces()
        let run = try Fixtures.run(history, settings: ForecastSettings(horizon: 12, trials: 2_000, seed: 9, model: model))
        func ordered(_ p: Percentiles) -> Bool { p.p5 <= p.p10 && p.p10 <= p.p50 && p.p50 <= p.p90 && p.p90 <= p.p95 }
        func probability(_ p: Double) -> Bool { p >= 0 && p <= 1 }
        for workspace in run.workspaces {
            #expect(workspace.trials == 2_000)
            #expect(workspace.months.count == 12)
            #expect(probability(workspace.probabilityOfAnyCapHit) && probability(workspace.probabilityOfAnyShortfall))
            for (index, month) in workspace.months.enumerated() {
                #expect(ordered(month.usage) && ordered(month.opening) && ordered(month.closing))
                #expect(month.usage.p5 >= 0 && month.closing.p5 >= 0)
                // (The mean may lie outside P5–P95 in a skewed month, but not outside what the pool can hold.)
                #expect(month.closingMean >= 0 && month.closingMean <= Double(max(month.cap, workspace.startingBalance)))
                #expect(probability(month.probabilityOfCapHit) && probability(month.probabilityOfShortfall))
                // Any cap hit / shortfall over the horizon is at least as likely as in any one month.
                #expect(month.probabilityOfCapHit <= workspace.probabilityOfAnyCapHit)
                #expect(month.probabilityOfShortfall <= workspace.probabilityOfAnyShortfall)
                #expect(month.closing.p50 <= month.cap || month.opening.p50 > month.cap)
                if index > 0 { #expect(month.opening == workspace.months[index - 1].closing) }
            }
            #expect(workspace.months[0].opening.p50 == workspace.startingBalance)
            let forfeited = workspace.months.reduce(0) { $0 + $1.forfeitedMean }
            #expect(abs(forfeited - workspace.expectedForfeited) < 1e-6 * max(1, forfeited))
        }
    }

    @Test func likelyByIsTheFirstMonthPastHalfCumulatively() throws {
        // Usage always far above the accrual: a shortfall every month once the balance is gone.
        let history = Fixtures.totalsHistory([85_000, 90_000, 100_000])
        let pool = Fixtures.pool("team", seats: 10, opening: 100_000, balanceMonth: history.lastMonth.advanced(by: 1))
        let run = try Fixtures.run(history, pools: [pool], settings: ForecastSettings(horizon: 6, trials: 1_000, model: .bootstrap))
        let forecast = try #require(run.workspaces.first)
        // 100,000 + 30,000 covers the first month (30,000–45,000 left); the second always runs
        // short (at most 75,000 for at least 85,000).
        #expect(forecast.months[0].probabilityOfShortfall == 0)
        #expect(forecast.months[1].probabilityOfShortfall == 1)
        #expect(forecast.shortfallLikelyBy == history.lastMonth.advanced(by: 2))
        #expect(forecast.probabilityOfAnyShortfall == 1)
        #expect(forecast.capHitLikelyBy == nil)
        #expect(forecast.expectedPayAsYouGoCost.cents > 0)
    }

    @Test func precisionModeStopsAtTheFirstBatchWithEveryStandardErrorSmall() throws {
        let history = Fixtures.totalsHistory([10_000, 25_000, 40_000, 18_000, 60_000])
        let pool = Fixtures.pool("team", seats: 10, opening: 90_000, balanceMonth: history.lastMonth.advanced(by: 1))
        let limit = 0.008
        func standardErrorsBelow(_ forecast: WorkspaceForecast) -> Bool {
            let n = Double(forecast.trials)
            let probabilities =
                forecast.months.flatMap { [$0.probabilityOfCapHit, $0.probabilityOfShortfall] }
                + [forecast.probabilityOfAnyCapHit, forecast.probabilityOfAnyShortfall]
            return probabilities.allSatisfy { ($0 * (1 - $0) / n).squareRoot() < limit }
        }
        let settings = ForecastSettings(horizon: 8, seed: 4, model: .bootstrap, precision: limit)
        let run = try Fixtures.run(history, pools: [pool], settings: settings)
        let forecast = try #require(run.workspaces.first)
        #expect(forecast.trials % ForecastEngine.precisionBatchSize == 0)
        #expect(forecast.trials > ForecastEngine.precisionBatchSize)
        #expect(run.settings.trials == forecast.trials)
        #expect(standardErrorsBelow(forecast))
        // One batch fewer was not enough.
        var shorter = settings
        shorter.maxTrials = forecast.trials - ForecastEngine.precisionBatchSize
        let stopped = try #require(try Fixtures.run(history, pools: [pool], settings: shorter).workspaces.first)
        #expect(stopped.trials == shorter.maxTrials)
        #expect(!standardErrorsBelow(stopped))
        // The first trials are the same trials: the shorter run is a prefix of the longer.
        var prefix = settings
        prefix.precision = nil
        prefix.trials = shorter.maxTrials
        prefix.keepPaths = true
        var longer = settings
        longer.keepPaths = true
        let fixed = try #require(try Fixtures.run(history, pools: [pool], settings: prefix).workspaces.first)
        let full = try #require(try Fixtures.run(history, pools: [pool], settings: longer).workspaces.first)
        #expect(Array(full.closingPaths.prefix(fixed.closingPaths.count)) == fixed.closingPaths)
    }

    @Test func mismatchedPoolsAndBadSettingsAreErrors() {
        let history = Fixtures.totalsHistory([1_000, 2_000])
        #expect(throws: ForecastError.self) {
            try Fixtures.run(history, pools: [Fixtures.pool("other")], settings: ForecastSettings())
        }
        #expect(throws: ForecastError.self) {
            try Fixtures.run(history, settings: ForecastSettings(horizon: 0))
        }
        #expect(throws: ForecastError.self) {
            try Fixtures.run(history, settings: ForecastSettings(precision: 0))
        }
    }
}
