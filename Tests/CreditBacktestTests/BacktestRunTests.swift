import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation
import Testing

@Suite struct BacktestRunTests {
    static let portfolio = SyntheticPortfolio(workspaces: 6, months: 14, behaviour: .all, seed: 11)

    static func run(
        _ history: UsageHistory, pools: [WorkspacePool]? = nil, settings: BacktestSettings, threads: Int = 2
    ) throws -> BacktestRun {
        try Backtest.run(
            history: history, pools: pools ?? Fixtures.pools(for: history), pricing: Fixtures.pricing,
            rules: Fixtures.rules(), settings: settings, threads: threads, inputHash: "test"
        )
    }

    @Test func originsAreTheLatestMonthsWithHistoryBeforeThemAndAMonthAfter() {
        let history = Fixtures.history([Fixtures.workspace("team", Array(repeating: 1_000, count: 10))])
        // Months 2025-01 … 2025-10: origins end at 2025-09 and start no earlier than 2025-03.
        let six = Backtest.origins(for: history, settings: BacktestSettings(origins: 6))
        #expect(six.map(\.description) == ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"])
        let all = Backtest.origins(for: history, settings: BacktestSettings(origins: 50))
        #expect(all.first?.description == "2025-03" && all.count == 7)
        let longer = Backtest.origins(for: history, settings: BacktestSettings(origins: 50, minimumHistoryMonths: 9))
        #expect(longer.map(\.description) == ["2025-09"])
    }

    @Test func aShortHistoryIsAnErrorThatSaysWhatIsNeeded() throws {
        let history = Fixtures.history([Fixtures.workspace("team", [1_000, 2_000, 3_000])])
        #expect(throws: BacktestError.notEnoughHistory(months: 3, needed: 4)) {
            try Self.run(history, settings: BacktestSettings())
        }
        #expect(
            "\(BacktestError.notEnoughHistory(months: 3, needed: 4))"
                == "3 months of history; a backtest needs at least 4 (3 to fit on and 1 to compare with)")
    }

    @Test func recordsCoverEveryOriginWorkspaceModelAndObservedStep() throws {
        let settings = BacktestSettings(horizon: 3, origins: 4, trials: 100)
        let run = try Self.run(Self.portfolio.history, pools: Self.portfolio.pools, settings: settings)
        #expect(run.origins.count == 4)
        // Origins are the last 4 months before the last: 3, 3, 2 and 1 months can be compared.
        let stepsPerWorkspace = 3 + 3 + 2 + 1
        let workspaces = Set(run.records.map(\.workspace)).count
        #expect(run.records.count == workspaces * stepsPerWorkspace * 4)
        #expect(run.records.allSatisfy { $0.month <= run.lastMonth && $0.step <= 3 })
        #expect(run.records.filter(\.isLastStep).count == workspaces * 4 * 4)
        // Events are cumulative: the chance of a shortfall within k months never falls with k.
        for index in run.records.indices.dropFirst() where run.records[index].step > 1 {
            #expect(run.records[index].shortfall.probability >= run.records[index - 1].shortfall.probability)
        }
        // Scores: per model and target, one row per step and one for all.
        #expect(run.tally.scores.count == 4 * 2 * 4)
        #expect(run.tally.scores.filter { $0.step == nil }.map(\.count) == Array(repeating: run.records.count / 4, count: 8))
    }

    @Test func actualsAreTheRealUsageAndTheLedgerBalance() throws {
        // One seat on Growth (3,000 a month, cap 15,000) using 1,000 a month: the balance climbs
        // 2,000 a month until the cap. Months 1–8 close 2,000 … 15,000 (capped from month 7).
        let history = Fixtures.history([Fixtures.workspace("team", Array(repeating: 1_000, count: 8))])
        let run = try Self.run(history, settings: BacktestSettings(horizon: 2, origins: 1, trials: 50, candidates: [.bootstrap]))
        let records = run.records.filter { $0.model == .bootstrap }
        #expect(records.map(\.step) == [1])
        #expect(records[0].usage.actual == 1_000)
        // Origin 2025-07 (month 7): month 8 opens 14,000, credits only 1,000 to reach the cap
        // (2,000 forfeited), uses 1,000 and closes 14,000.
        #expect(records[0].balance.actual == 14_000)
        #expect(records[0].capHit.happened)
        // Every history month was 1,000, so bootstrap is certain: usage and balance exact.
        #expect(records[0].usage.quantiles == Percentiles(p5: 1_000, p10: 1_000, p50: 1_000, p90: 1_000, p95: 1_000))
        #expect(records[0].usage.crps == 0 && records[0].balance.crps == 0)
        #expect(records[0].capHit.probability == 1)
    }

    @Test func forecastModelsReproduceTheEnginesTrials() throws {
        // The backtest's seats trials from an origin are the engine's trials for the history cut
        // there: same streams, same pool steps, so the same nearest-rank percentiles.
        let portfolio = Self.portfolio
        let settings = BacktestSettings(horizon: 3, origins: 3, trials: 300, seed: 5)
        let run = try Self.run(portfolio.history, pools: portfolio.pools, settings: settings)
        let origin = try #require(run.origins.first)
        let cut = try portfolio.history.truncated(through: origin)
        let pools = portfolio.pools.filter { pool in cut.workspaces.contains { $0.name == pool.name } }
        for model in [UsageModelKind.seats, .bootstrap] {
            let engine = try ForecastEngine.run(
                history: cut, pools: pools, pricing: Fixtures.pricing, rules: Fixtures.rules(),
                settings: ForecastSettings(horizon: 3, trials: 300, seed: 5, model: model, keepPaths: true), threads: 2,
                inputHash: "test"
            )
            for forecast in engine.workspaces {
                let records = run.records.filter {
                    $0.origin == origin && $0.workspace == forecast.name && $0.model.rawValue == model.rawValue
                }
                guard !records.isEmpty else { continue }
                for record in records {
                    let month = forecast.months[record.step - 1]
                    #expect(record.usage.quantiles == month.usage, "\(forecast.name) \(model) step \(record.step)")
                    #expect(record.balance.quantiles == month.closing, "\(forecast.name) \(model) step \(record.step)")
                }
                let last = try #require(records.last)
                #expect(last.capHit.probability == forecast.probabilityOfAnyCapHit)
                #expect(last.shortfall.probability == forecast.probabilityOfAnyShortfall)
                // The balance mean is the mean of the engine's kept closing paths.
                let paths = forecast.closingPaths
                let finalMean = stride(from: 2, to: paths.count, by: 3).reduce(0.0) { $0 + Double(paths[$1]) } / 300
                #expect(abs(last.balance.mean - finalMean) < 1e-6)
            }
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let settings = BacktestSettings(horizon: 3, origins: 3, trials: 120, seed: 9)
        let one = try Self.run(Self.portfolio.history, pools: Self.portfolio.pools, settings: settings, threads: 1)
        let three = try Self.run(Self.portfolio.history, pools: Self.portfolio.pools, settings: settings, threads: 3)
        #expect(one == three)
    }

    @Test func theTallyScoresEveryGroupAsItsRecordsDo() throws {
        let settings = BacktestSettings(horizon: 3, origins: 4, trials: 100)
        let run = try Self.run(Self.portfolio.history, pools: Self.portfolio.pools, settings: settings)
        var expected: [BacktestScore] = []
        for model in run.models {
            let records = run.records.filter { $0.model == model }
            for target in BacktestTarget.allCases {
                for step in 1...3 {
                    let atStep = records.filter { $0.step == step }
                    expected.append(BacktestScore(model: model, target: target, step: step, records: atStep, eventRecords: atStep))
                }
                expected.append(
                    BacktestScore(model: model, target: target, step: nil, records: records, eventRecords: records.filter(\.isLastStep)))
            }
            for event in BacktestEvent.allCases {
                let forecasts = records.filter(\.isLastStep).map { $0.forecast(of: event) }
                #expect(run.tally.reliability(of: model, event: event) == ReliabilityBin.table(forecasts))
            }
            let both = records.filter(\.isLastStep).flatMap { record in BacktestEvent.allCases.map { record.forecast(of: $0) } }
            #expect(run.tally.reliabilityOfEveryEvent(of: model) == ReliabilityBin.table(both))
        }
        #expect(run.tally.scores == expected)
        #expect(run.tally.count == run.records.count)
    }

    @Test func theCoverageIntervalRestsOnEachWorkspacesForecasts() throws {
        let settings = BacktestSettings(horizon: 3, origins: 4, trials: 100)
        let run = try Self.run(Self.portfolio.history, pools: Self.portfolio.pools, settings: settings)
        let names = Self.portfolio.history.workspaces.map(\.name)
        for model in run.models {
            let usage = names.map { name in run.records.filter { $0.model == model && $0.workspace == name }.map { $0.forecast(of: .usage) }
            }
            let counts = usage.map(\.count)
            func inside(_ share: (TargetForecast) -> Double) -> [Double] { usage.map { $0.reduce(0) { $0 + share($1) } } }
            let expected: [(CoverageInterval.Band, Bool, [Double])] = [
                (.central80, false, inside { $0.inBand80 ? 1 : 0 }), (.central90, false, inside { $0.inBand90 ? 1 : 0 }),
                (.central80, true, inside(\.pitCoverage80)), (.central90, true, inside(\.pitCoverage90)),
            ]
            for (band, byProbability, inside) in expected {
                let interval = try #require(run.tally.coverageInterval(of: model, band: band, byProbability: byProbability))
                let exact = try #require(CoverageInterval(inside: inside, counts: counts))
                if byProbability {
                    // The tally sums each workspace's shares in single precision.
                    #expect(abs(interval.lower - exact.lower) < 1e-6 && abs(interval.upper - exact.upper) < 1e-6)
                } else {
                    #expect(interval == exact)
                }
                #expect(interval.workspaces == names.count)
            }
            let score = try #require(run.tally.overallScore(of: model))
            #expect(abs(try #require(run.tally.coverageInterval(of: model, band: .central80)).coverage - score.coverage80) < 1e-12)
        }
    }

    @Test func aRunThatHandsOnItsRecordsKeepsNoneAndScoresThemAlike() throws {
        // One origin of 4,200 workspaces: more than a batch (4,096), so the records come in two.
        let portfolio = SyntheticPortfolio(workspaces: 4_200, months: 4, behaviour: [], seed: 5)
        let settings = BacktestSettings(horizon: 1, origins: 1, trials: 10)
        let kept = try Self.run(portfolio.history, pools: portfolio.pools, settings: settings)
        var batches: [[BacktestRecord]] = []
        let handedOn = try Backtest.run(
            history: portfolio.history, pools: portfolio.pools, pricing: Fixtures.pricing, rules: Fixtures.rules(),
            settings: settings, threads: 2, inputHash: "test", deliver: { batches.append($0) }
        )
        #expect(kept.records.count == 4_200 * 4)
        #expect(batches.map(\.count) == [4_096 * 4, 104 * 4])
        #expect(batches.flatMap { $0 } == kept.records)
        #expect(handedOn.records.isEmpty)
        #expect(handedOn.tally == kept.tally)
    }

    @Test func aBalanceStatedForTodayIsNotUsedAtPastOrigins() {
        let history = Fixtures.history([Fixtures.workspace("team", Array(repeating: 1_000, count: 6))])
        var pool = Fixtures.pools(for: history)[0]
        pool.openingBalance = 50_000
        pool.balanceMonth = history.lastMonth.advanced(by: 1)
        let replayed = Backtest.replayPool(pool, history: history)
        #expect(replayed.openingBalance == 0 && replayed.balanceMonth == nil)
        pool.balanceMonth = history.firstMonth
        #expect(Backtest.replayPool(pool, history: history) == pool)
    }

    @Test func invalidSettingsAreRefused() {
        let history = Fixtures.history([Fixtures.workspace("team", Array(repeating: 1_000, count: 6))])
        #expect(throws: BacktestError.self) { try Self.run(history, settings: BacktestSettings(horizon: 0)) }
        #expect(throws: BacktestError.self) { try Self.run(history, settings: BacktestSettings(trials: 0)) }
        #expect(throws: BacktestError.self) { try Self.run(history, settings: BacktestSettings(minimumHistoryMonths: 2)) }
        #expect(throws: BacktestError.self) { try Self.run(history, settings: BacktestSettings(candidates: [])) }
    }
}
