import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

/// A history whose every month is the same has one future: the deterministic ledger's.
@Suite struct ConstantHistoryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var perSeat: Int
        var timing: CapTiming
        var model: UsageModelKind
        var autoPurchase = false
        var testDescription: String { "\(name), \(timing.rawValue), \(model.rawValue)" }
    }

    static let cases: [Case] = [
        Case(name: "under-using (hits the cap)", perSeat: 1_000, timing: .accrual, model: .bootstrap),
        Case(name: "under-using (hits the cap)", perSeat: 1_000, timing: .close, model: .bootstrap),
        Case(name: "over-using (pay-as-you-go)", perSeat: 3_457, timing: .accrual, model: .bootstrap),
        Case(name: "under-using (hits the cap)", perSeat: 1_000, timing: .accrual, model: .seats),
        Case(name: "over-using (pay-as-you-go)", perSeat: 3_457, timing: .close, model: .seats),
        Case(name: "over-using (auto-purchase)", perSeat: 3_457, timing: .accrual, model: .seats, autoPurchase: true),
    ]

    @Test(arguments: cases)
    func forecastEqualsTheLedger(_ testCase: Case) throws {
        let months = 6
        let horizon = 24
        let seats = (0..<10).map { Fixtures.seat("s\($0)", Array(repeating: testCase.perSeat, count: months)) }
        let history = Fixtures.history([WorkspaceHistory(name: "team", seats: seats)])
        let rules = Fixtures.rules(
            testCase.timing, autoPurchase: testCase.autoPurchase ? CreditPackage(credits: 100_000, price: Money(units: 2_500)) : nil)
        let pool = Fixtures.pool("team", opening: 100_000)
        let settings = ForecastSettings(
            horizon: horizon, trials: 500, seed: 3, model: testCase.model, seatsParameters: .resamplingOnly
        )
        let run = try Fixtures.run(history, pools: [pool], rules: rules, settings: settings)
        let forecast = try #require(run.workspaces.first)

        // The deterministic ledger: history, then the horizon at the same usage.
        let usage = 10 * testCase.perSeat
        let ledger = Ledger(rules: rules, cap: .monthsOfAccrual(5)).replay(
            from: history.firstMonth, opening: 100_000, accruals: Array(repeating: 30_000, count: months + horizon),
            usage: Array(repeating: usage, count: months + horizon)
        )
        #expect(forecast.startingBalance == ledger[months - 1].closing)
        // The chart's history: every month of this short history, as the ledger replays it.
        #expect(forecast.recentUsage == Array(repeating: usage, count: months))
        #expect(forecast.recentClosing == ledger[..<months].map(\.closing))
        var capHitSeen = false
        var shortfallSeen = false
        for (index, month) in forecast.months.enumerated() {
            let row = ledger[months + index]
            #expect(month.month == row.month)
            #expect(month.usage == Percentiles(p5: usage, p10: usage, p50: usage, p90: usage, p95: usage))
            #expect(month.opening == Percentiles(p5: row.opening, p10: row.opening, p50: row.opening, p90: row.opening, p95: row.opening))
            #expect(month.closing == Percentiles(p5: row.closing, p10: row.closing, p50: row.closing, p90: row.closing, p95: row.closing))
            #expect(month.closingMean == Double(row.closing))
            #expect(month.probabilityOfCapHit == (row.forfeited > 0 ? 1 : 0))
            #expect(month.probabilityOfShortfall == (row.shortfall > 0 ? 1 : 0))
            #expect(month.forfeitedMean == Double(row.forfeited))
            #expect(month.shortfallMean == Double(row.shortfall))
            #expect(month.payAsYouGoCostMean == row.payAsYouGoCost)
            capHitSeen = capHitSeen || row.forfeited > 0
            shortfallSeen = shortfallSeen || row.shortfall > 0
        }
        let future = ledger[months...]
        #expect(forecast.probabilityOfAnyCapHit == (capHitSeen ? 1 : 0))
        #expect(forecast.probabilityOfAnyShortfall == (shortfallSeen ? 1 : 0))
        #expect(forecast.capHitLikelyBy == future.first { $0.forfeited > 0 }?.month)
        #expect(forecast.shortfallLikelyBy == future.first { $0.shortfall > 0 }?.month)
        #expect(forecast.expectedForfeited == Double(future.reduce(0) { $0 + $1.forfeited }))
        #expect(forecast.expectedShortfall == Double(future.reduce(0) { $0 + $1.shortfall }))
        #expect(forecast.expectedPayAsYouGoCost == future.reduce(Money.zero) { $0 + $1.payAsYouGoCost })
        #expect(forecast.expectedPackageCost == future.reduce(Money.zero) { $0 + $1.packageCost })
        #expect(testCase.autoPurchase == (forecast.expectedPackageCost > .zero))
        // The cases do reach what their names say.
        #expect(capHitSeen || shortfallSeen)
    }
}
