import CreditCore
import Foundation

/// The days of a calendar month against the mean month's, `365.2425/12 = 30.44`: usage that
/// accrues day by day (flights flown, services running) is 8% short in a February of 28 days and
/// 2% long in a month of 31 (`SeasonalProfile.monthLengthElasticity`).
package enum MonthLength {
    /// The mean month of the Gregorian calendar's 400-year cycle, in days.
    static let meanDays = 365.2425 / 12

    /// `ln(D/D̄)` for 28 to 31 days: a month's ratio without a logarithm per draw.
    private static let logDays = (28...31).map { log(Double($0) / meanDays) }

    /// `z = ln(D/D̄)`: the log of `month`'s days over the mean month's.
    package static func logRatio(_ month: Month) -> Double { logRatio(days: WorkingDays.days(in: month)) }

    /// `ln(D/D̄)` for a month of `days` days, 28 to 31.
    package static func logRatio(days: Int) -> Double { logDays[days - 28] }
}
