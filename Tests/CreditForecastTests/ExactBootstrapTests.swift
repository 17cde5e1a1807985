import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

/// The bootstrap's balance is a Markov chain over pool states; these tests enumerate it exactly
/// (stepping every state through `CreditPool.runMonth`) and hold the simulation to it.
@Suite struct ExactBootstrapTests {
    /// Exact per-month moments of the chain.
    struct Exact {
        var capHit: [Double] = []
        var shortfall: [Double] = []
        var closingMean: [Double] = []
        var closingVariance: [Double] = []
        var paygCentsMean: [Double] = []
        var paygCentsVariance: [Double] = []
        var anyCapHit = 0.0
        var anyShortfall = 0.0
    }

    struct State: Hashable {
        var pool: CreditPool
        var capSeen: Bool
        var shortfallSeen: Bool
    }

    /// Enumerates the distribution of pool states month by month: each month draws each
    /// historical total with probability 1/n.
    static func exact(
        totals: [Int], start: Int, accrual: Int, cap: Int, horizon: Int, firstMonth: Month, rules: PurchaseRules
    ) -> Exact {
        var result = Exact()
        var distribution: [State: Double] = [State(pool: CreditPool(balance: start), capSeen: false, shortfallSeen: false): 1]
        let share = 1 / Double(totals.count)
        for index in 0..<horizon {
            let month = firstMonth.advanced(by: index)
            var next: [State: Double] = [:]
            var capHit = 0.0
            var shortfall = 0.0
            var mean = 0.0
            var square = 0.0
            var payg = 0.0
            var paygSquare = 0.0
            for (state, probability) in distribution {
                for usage in totals {
                    var pool = state.pool
                    let row = pool.runMonth(month, accrual: accrual, cap: cap, usage: usage, rules: rules)
                    let p = probability * share
                    if row.forfeited > 0 { capHit += p }
                    if row.shortfall > 0 { shortfall += p }
                    mean += p * Double(row.closing)
                    square += p * Double(row.closing) * Double(row.closing)
                    let cents = Double(row.payAsYouGoCost.cents)
                    payg += p * cents
                    paygSquare += p * cents * cents
                    let key = State(
                        pool: pool, capSeen: state.capSeen || row.forfeited > 0, shortfallSeen: state.shortfallSeen || row.shortfall > 0)
                    next[key, default: 0] += p
                }
            }
            distribution = next
            result.capHit.append(capHit)
            result.shortfall.append(shortfall)
            result.closingMean.append(mean)
            result.closingVariance.append(max(0, square - mean * mean))
            result.paygCentsMean.append(payg)
            result.paygCentsVariance.append(max(0, paygSquare - payg * payg))
        }
        result.anyCapHit = distribution.filter { $0.key.capSeen }.values.reduce(0, +)
        result.anyShortfall = distribution.filter { $0.key.shortfallSeen }.values.reduce(0, +)
        return result
    }

    /// Whether `simulated` is within four standard errors of `exact` (exactly equal when the
    /// exact standard deviation is zero).
    static func close(_ simulated: Double, _ exact: Double, sd: Double, trials: Int) -> Bool {
        if sd == 0 { return simulated == exact }
        return abs(simulated - exact) <= 4 * sd / Double(trials).squareRoot()
    }

    static func closeProbability(_ simulated: Double, _ exact: Double, trials: Int) -> Bool {
        close(simulated, exact, sd: (exact * (1 - exact)).squareRoot(), trials: trials)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var totals: [Int]
        var start: Int
        var timing: CapTiming
        var autoPurchase: CreditPackage?
        var testDescription: String { "\(name), \(timing.rawValue)" }
    }

    static let cases: [Case] = [
        // Near the cap with usage below the 30,000 accrual on average: the cap is hit.
        Case(name: "reaches the cap", totals: [10_000, 25_000, 40_000, 18_000], start: 120_000, timing: .accrual),
        Case(name: "reaches the cap", totals: [10_000, 25_000, 40_000, 18_000], start: 120_000, timing: .close),
        // Low balance, usage above the accrual on average: shortfalls, billed pay-as-you-go.
        Case(name: "runs short", totals: [15_000, 45_000, 61_234], start: 20_000, timing: .accrual),
        Case(name: "runs short", totals: [15_000, 45_000, 61_234], start: 20_000, timing: .close),
        // Both: a wide spread from the middle.
        Case(name: "either way", totals: [0, 5_000, 70_000], start: 60_000, timing: .accrual),
        // Shortfalls covered by auto-purchased packages (the state carries purchased lots).
        Case(
            name: "auto-purchase", totals: [15_000, 45_000, 61_234], start: 20_000, timing: .accrual,
            autoPurchase: CreditPackage(credits: 100_000, price: Money(units: 2_500))),
    ]

    @Test(arguments: cases)
    func simulationMatchesTheExactChain(_ testCase: Case) throws {
        let trials = 20_000
        let horizon = 6
        let history = Fixtures.totalsHistory(testCase.totals)
        let rules = Fixtures.rules(testCase.timing, autoPurchase: testCase.autoPurchase)
        let pool = Fixtures.pool("team", seats: 10, opening: testCase.start, balanceMonth: history.lastMonth.advanced(by: 1))
        let run = try Fixtures.run(
            history, pools: [pool], rules: rules,
            settings: ForecastSettings(horizon: horizon, trials: trials, seed: 7, model: .bootstrap)
        )
        let exact = Self.exact(
            totals: testCase.totals, start: testCase.start, accrual: 30_000, cap: 150_000, horizon: horizon,
            firstMonth: history.lastMonth.advanced(by: 1), rules: rules
        )
        let forecast = try #require(run.workspaces.first)
        #expect(forecast.startingBalance == testCase.start)
        #expect(forecast.trials == trials)
        for (index, month) in forecast.months.enumerated() {
            #expect(month.accrual == 30_000 && month.cap == 150_000)
            #expect(
                Self.closeProbability(month.probabilityOfCapHit, exact.capHit[index], trials: trials),
                "month \(index): P(cap) \(month.probabilityOfCapHit) vs exact \(exact.capHit[index])")
            #expect(
                Self.closeProbability(month.probabilityOfShortfall, exact.shortfall[index], trials: trials),
                "month \(index): P(shortfall) \(month.probabilityOfShortfall) vs exact \(exact.shortfall[index])")
            #expect(
                Self.close(month.closingMean, exact.closingMean[index], sd: exact.closingVariance[index].squareRoot(), trials: trials),
                "month \(index): mean closing \(month.closingMean) vs exact \(exact.closingMean[index])")
            // The rounded mean of cents is within half a cent of the unrounded one.
            let paygSE = 4 * exact.paygCentsVariance[index].squareRoot() / Double(trials).squareRoot() + 0.5
            #expect(
                abs(Double(month.payAsYouGoCostMean.cents) - exact.paygCentsMean[index]) <= paygSE,
                "month \(index): PAYG \(month.payAsYouGoCostMean.cents) vs exact \(exact.paygCentsMean[index])")
        }
        #expect(Self.closeProbability(forecast.probabilityOfAnyCapHit, exact.anyCapHit, trials: trials))
        #expect(Self.closeProbability(forecast.probabilityOfAnyShortfall, exact.anyShortfall, trials: trials))
    }

    @Test func theCasesExerciseCapHitsAndShortfalls() {
        // Guard against a vacuous comparison: the chains really do reach the cap and run short.
        for testCase in Self.cases {
            let exact = Self.exact(
                totals: testCase.totals, start: testCase.start, accrual: 30_000, cap: 150_000, horizon: 6,
                firstMonth: Fixtures.firstMonth, rules: Fixtures.rules(testCase.timing, autoPurchase: testCase.autoPurchase)
            )
            if testCase.name == "reaches the cap" {
                #expect(exact.anyCapHit > 0.3 && exact.anyCapHit < 1)
            } else if testCase.name == "either way" {
                #expect(exact.anyCapHit > 0.1 && exact.anyShortfall > 0.1)
            } else {
                #expect(exact.anyShortfall > 0.3 && exact.anyShortfall < 1)
            }
        }
    }
}
