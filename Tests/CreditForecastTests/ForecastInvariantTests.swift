import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import PropertyBased
import Testing

/// What every forecast must satisfy, over random workspaces, rules and settings (PropertyBased,
/// like the ledger's property tests): a constant history has the ledger's one future exactly,
/// and any forecast's percentiles are ordered and its probabilities are probabilities.
@Suite struct ForecastInvariantTests {
    /// A workspace whose every seat uses the same credits every month.
    struct ConstantCase: Sendable, CustomStringConvertible {
        var seats: Int
        var perSeat: Int
        var months: Int
        var opening: Int
        var timing: CapTiming
        var autoPurchase: Bool
        var model: UsageModelKind
        var horizon: Int
        var seed: UInt64

        var description: String {
            "\(seats) seats × \(perSeat) for \(months) months, opening \(opening), \(timing), "
                + "auto-purchase \(autoPurchase), \(model), horizon \(horizon), seed \(seed)"
        }
    }

    static let constantCase = zip(
        Gen.int(in: 1...15), Gen.int(in: 0...6_000), Gen.int(in: 1...8), Gen.int(in: 0...300_000),
        Gen<CapTiming>.case, Gen.bool, Gen<UsageModelKind>.case, Gen.int(in: 1...18), Gen.uint64(in: 1...1_000)
    ).map {
        ConstantCase(
            seats: $0, perSeat: $1, months: $2, opening: $3, timing: $4, autoPurchase: $5, model: $6, horizon: $7, seed: $8)
    }

    @Test func aConstantHistoryForecastsExactlyTheLedger() async throws {
        await propertyCheck(count: 40, input: Self.constantCase) { testCase in
            let seats = (0..<testCase.seats).map { Fixtures.seat("s\($0)", Array(repeating: testCase.perSeat, count: testCase.months)) }
            let history = Fixtures.history([WorkspaceHistory(name: "team", seats: seats)])
            let package = Pricing.standard.packages[0]
            let rules = Fixtures.rules(testCase.timing, autoPurchase: testCase.autoPurchase ? package : nil)
            let settings = ForecastSettings(
                horizon: testCase.horizon, trials: 64, seed: testCase.seed, model: testCase.model,
                seatsParameters: .resamplingOnly)
            let run = try Fixtures.run(
                history, pools: [Fixtures.pool("team", opening: testCase.opening)], rules: rules, settings: settings)
            let forecast = try #require(run.workspaces.first)

            let total = testCase.months + testCase.horizon
            let usage = testCase.seats * testCase.perSeat
            let ledger = Ledger(rules: rules, cap: .monthsOfAccrual(5)).replay(
                from: history.firstMonth, opening: testCase.opening,
                accruals: Array(repeating: testCase.seats * Fixtures.growth.monthlyAllowance, count: total),
                usage: Array(repeating: usage, count: total))
            #expect(forecast.startingBalance == ledger[testCase.months - 1].closing)
            #expect(forecast.months.count == testCase.horizon)
            for (month, row) in zip(forecast.months, ledger[testCase.months...]) {
                let one = { (value: Int) in Percentiles(p5: value, p10: value, p50: value, p90: value, p95: value) }
                #expect(month.month == row.month)
                #expect(month.usage == one(usage))
                #expect(month.opening == one(row.opening))
                #expect(month.closing == one(row.closing))
                #expect(month.closingMean == Double(row.closing))
                #expect(month.probabilityOfCapHit == (row.forfeited > 0 ? 1 : 0))
                #expect(month.probabilityOfShortfall == (row.shortfall > 0 ? 1 : 0))
                #expect(month.forfeitedMean == Double(row.forfeited))
                #expect(month.shortfallMean == Double(row.shortfall))
                #expect(month.payAsYouGoCostMean == row.payAsYouGoCost)
            }
            let future = ledger[testCase.months...]
            #expect(forecast.expectedForfeited == Double(future.reduce(0) { $0 + $1.forfeited }))
            #expect(forecast.expectedShortfall == Double(future.reduce(0) { $0 + $1.shortfall }))
            #expect(forecast.expectedPayAsYouGoCost == future.reduce(Money.zero) { $0 + $1.payAsYouGoCost })
        }
    }

    /// A workspace with noisy, trending usage.
    struct NoisyCase: Sendable, CustomStringConvertible {
        var seats: Int
        var months: Int
        var level: Double
        var growth: Double
        var opening: Int
        var timing: CapTiming
        var model: UsageModelKind
        var seed: UInt64

        var description: String {
            "\(seats) seats at \(level) for \(months) months, growth \(growth), opening \(opening), \(timing), "
                + "\(model), seed \(seed)"
        }
    }

    static let noisyCase = zip(
        Gen.int(in: 1...25), Gen.int(in: 1...18), Gen.int(in: 0...8_000), Gen.int(in: 90...115),
        Gen.int(in: 0...400_000), Gen<CapTiming>.case, Gen<UsageModelKind>.case, Gen.uint64(in: 1...1_000_000)
    ).map {
        NoisyCase(
            seats: $0, months: $1, level: Double($2), growth: Double($3) / 100, opening: $4, timing: $5, model: $6, seed: $7)
    }

    @Test func percentilesAreOrderedAndProbabilitiesAreProbabilities() async throws {
        await propertyCheck(count: 30, input: Self.noisyCase) { testCase in
            let workspace = Fixtures.syntheticWorkspace(
                name: "team", seats: testCase.seats, months: testCase.months, level: testCase.level,
                growth: testCase.growth, seed: testCase.seed)
            let history = Fixtures.history([workspace])
            let settings = ForecastSettings(horizon: 12, trials: 300, seed: testCase.seed, model: testCase.model)
            let run = try Fixtures.run(
                history, pools: [Fixtures.pool("team", opening: testCase.opening)], rules: Fixtures.rules(testCase.timing),
                settings: settings)
            let forecast = try #require(run.workspaces.first)
            let probabilities = 0.0...1.0
            var capByThen = 0.0
            var shortfallByThen = 0.0
            for month in forecast.months {
                for percentiles in [month.usage, month.opening, month.closing] {
                    #expect(percentiles.p5 <= percentiles.p10)
                    #expect(percentiles.p10 <= percentiles.p50)
                    #expect(percentiles.p50 <= percentiles.p90)
                    #expect(percentiles.p90 <= percentiles.p95)
                }
                #expect(month.usage.p5 >= 0)
                #expect(month.closing.p5 >= 0)
                if testCase.timing == .close { #expect(month.closing.p95 <= month.cap) }
                #expect(probabilities.contains(month.probabilityOfCapHit))
                #expect(probabilities.contains(month.probabilityOfShortfall))
                // The cumulative probabilities only grow, and never trail the month's own.
                #expect(month.probabilityOfCapHitByThen >= capByThen)
                #expect(month.probabilityOfShortfallByThen >= shortfallByThen)
                #expect(month.probabilityOfCapHitByThen >= month.probabilityOfCapHit)
                #expect(month.probabilityOfShortfallByThen >= month.probabilityOfShortfall)
                #expect(probabilities.contains(month.probabilityOfCapHitByThen))
                #expect(probabilities.contains(month.probabilityOfShortfallByThen))
                #expect(month.forfeitedMean >= 0 && month.shortfallMean >= 0 && month.payAsYouGoCostMean >= .zero)
                capByThen = month.probabilityOfCapHitByThen
                shortfallByThen = month.probabilityOfShortfallByThen
            }
            #expect(forecast.probabilityOfAnyCapHit == capByThen)
            #expect(forecast.probabilityOfAnyShortfall == shortfallByThen)
            #expect(forecast.expectedForfeited >= 0 && forecast.expectedShortfall >= 0)
        }
    }
}
