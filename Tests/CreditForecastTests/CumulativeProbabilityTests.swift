import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

/// The cumulative chances "within k months" against a chain worked out by hand.
@Suite struct CumulativeProbabilityTests {
    /// One fixed Growth seat (accrual 3,000, cap 15,000) from a balance of 0, and a bootstrap
    /// history whose months are 0 and 10,000, each drawn with chance 1/2.
    ///
    /// A shortfall needs a 10,000 month with less than 7,000 in the pool: month 1 always (1/2);
    /// month 2 after a 0 month, pool 6,000 (1/4); month 3 after two 0 months, pool 9,000 (1/8);
    /// month 4 after three, pool 12,000, never. So by month 1, 2, 3, 4: 1/2, 3/4, 7/8, 7/8.
    /// The cap (15,000) is first reached by five 0 months; month 6 then forfeits: 1/32.
    @Test func withinMonthsMatchTheChainByHand() throws {
        let history = Fixtures.totalsHistory([0, 10_000])
        let start = history.lastMonth.advanced(by: 1)
        let pool = Fixtures.pool("team", seats: 1, opening: 0, balanceMonth: start)
        let run = try Fixtures.run(
            history, pools: [pool], settings: ForecastSettings(horizon: 6, trials: 40_000, seed: 11, model: .bootstrap)
        )
        let forecast = try #require(run.workspaces.first)
        let shortfall = forecast.months.map(\.probabilityOfShortfallByThen)
        let capHit = forecast.months.map(\.probabilityOfCapHitByThen)
        for (value, expected) in zip(shortfall.prefix(4), [0.5, 0.75, 0.875, 0.875]) {
            #expect(abs(value - expected) < 0.01, "P(shortfall by then) \(value), expected \(expected)")
        }
        #expect(capHit.prefix(5).allSatisfy { $0 == 0 })
        #expect(abs(capHit[5] - 1.0 / 32) < 0.005)
        // Cumulative chances never fall, and the last one is the chance over the horizon.
        #expect(zip(shortfall, shortfall.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(shortfall.last == forecast.probabilityOfAnyShortfall)
        #expect(capHit.last == forecast.probabilityOfAnyCapHit)
        // The first month is the month's own chance.
        #expect(shortfall[0] == forecast.months[0].probabilityOfShortfall)
    }
}
