import CreditCore
import Foundation

/// The weekdays (Monday to Friday) of a calendar month against its calendar month's mean over
/// the Gregorian calendar's 400-year cycle: an August of 21 weekdays is quieter than its season
/// says, one of 23 busier (`SeasonalProfile.workingDayElasticity`).
///
/// Holidays are not counted: they differ by country, and most fall in the same calendar month
/// every year, where the season already holds them.
package enum WorkingDays {
    /// Days from 1970-01-01 to the first day of `month` in the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    static func daysFromEpoch(_ month: Month) -> Int {
        let year = month.monthOfYear <= 2 ? month.year - 1 : month.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * ((month.monthOfYear + 9) % 12) + 2) / 5
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// The days of `month`: 28 to 31.
    package static func days(in month: Month) -> Int { daysFromEpoch(month.advanced(by: 1)) - daysFromEpoch(month) }

    /// The weekdays of `month`: 20 in its first four weeks, and each day past the 28th that is
    /// not a Saturday or Sunday.
    package static func weekdays(in month: Month) -> Int {
        // 1970-01-01 was a Thursday: counted from Monday, weekday 3.
        let first = ((daysFromEpoch(month) + 3) % 7 + 7) % 7
        return (0..<(days(in: month) - 28)).reduce(20) { $0 + ((first + $1) % 7 < 5 ? 1 : 0) }
    }

    /// `W̄_c`: the mean weekdays of each calendar month (January first) over the 400 years from
    /// 2000, a cycle the calendar repeats exactly.
    package static let calendarMeans: [Double] = {
        var sums = [Int](repeating: 0, count: 12)
        for ordinal in (2000 * 12)..<(2400 * 12) { sums[ordinal % 12] += weekdays(in: Month(ordinal: ordinal)) }
        return sums.map { Double($0) / 400 }
    }()

    /// `ln W̄_c` per calendar month, and `ln W` for 20 to 23 weekdays: a month's ratio without a
    /// logarithm per draw.
    private static let logMeans = calendarMeans.map { log($0) }
    private static let logWeekdays = (20...23).map { log(Double($0)) }

    /// `x = ln(W/W̄_c)`: the log of `month`'s weekdays over its calendar month's mean.
    package static func logRatio(_ month: Month) -> Double {
        logWeekdays[weekdays(in: month) - 20] - logMeans[SeasonalProfile.calendarMonth(of: month)]
    }
}
