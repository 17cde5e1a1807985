import CreditCore
import Foundation
import Testing

@testable import CreditForecast

/// A month's days against the mean month of the Gregorian calendar's 400-year cycle.
@Suite struct MonthLengthTests {
    @Test func aMonthsRatioIsItsDaysOverTheMeanMonths() {
        // 146,097 days in 4,800 months: 30.436875 a month.
        #expect(MonthLength.meanDays == 30.436875)
        for (month, days) in [("2013-02", 28.0), ("2012-02", 29), ("2013-04", 30), ("2013-01", 31), ("2000-02", 29), ("1900-02", 28)] {
            #expect(abs(MonthLength.logRatio(Month(month)!) - log(days / 30.436875)) < 1e-15, "\(month)")
        }
        // Over the cycle the months' days average the mean month's: the ratios' exponentials
        // average 1.
        let cycle = (2000 * 12..<2400 * 12).map { Month(ordinal: $0) }
        #expect(cycle.reduce(0) { $0 + WorkingDays.days(in: $1) } == 146_097)
        #expect(abs(cycle.reduce(0) { $0 + exp(MonthLength.logRatio($1)) } / 4_800 - 1) < 1e-12)
    }
}
