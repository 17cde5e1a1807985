import CreditCore
import Foundation
import Testing

@testable import CreditForecast

/// Weekdays counted against a calendar, and their calendar months' means over the 400-year
/// cycle.
@Suite struct WorkingDaysTests {
    @Test func monthsHaveTheirCalendarsDaysAndWeekdays() {
        // Read off a calendar: August 2014 began on a Friday, February 2016 (a leap year) on a
        // Monday, December 2014 on a Monday.
        for (month, days, weekdays) in [
            ("2014-08", 31, 21), ("2013-08", 31, 22), ("2012-08", 31, 23), ("2014-09", 30, 22), ("2014-11", 30, 20),
            ("2014-12", 31, 23), ("2015-02", 28, 20), ("2016-02", 29, 21), ("2026-12", 31, 23), ("1970-01", 31, 22),
        ] {
            #expect(WorkingDays.days(in: Month(month)!) == days, "\(month)")
            #expect(WorkingDays.weekdays(in: Month(month)!) == weekdays, "\(month)")
        }
        // The Gregorian leap years: 1900 was not one, 2000 was.
        #expect(WorkingDays.days(in: Month("1900-02")!) == 28)
        #expect(WorkingDays.days(in: Month("2000-02")!) == 29)
        #expect(WorkingDays.days(in: Month("0001-01")!) == 31)
    }

    @Test func theCalendarMeansHoldTheCyclesWeekdays() {
        // 400 years are 146,097 days, exactly 20,871 weeks: 104,355 weekdays, 260.8875 a year.
        #expect(abs(WorkingDays.calendarMeans.reduce(0, +) - 260.8875) < 1e-9)
        #expect(WorkingDays.calendarMeans.allSatisfy { (20...23).contains($0) })
        // February has 20 weekdays but in a leap year whose 29th is a weekday.
        #expect(WorkingDays.calendarMeans[1] > 20 && WorkingDays.calendarMeans[1] < 20.25)
        let august = Month("2014-08")!
        #expect(WorkingDays.logRatio(august) == log(21) - log(WorkingDays.calendarMeans[7]))
        // Any year's month is placed in the cycle: 2414-08 is 2014-08 four hundred years on.
        #expect(WorkingDays.weekdays(in: Month("2414-08")!) == 21)
    }
}
