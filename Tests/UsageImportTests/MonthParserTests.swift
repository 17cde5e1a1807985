import CreditCore
import Testing
@testable import UsageImport

@Suite struct MonthParserTests {
    @Test(arguments: [
        "2026-04", "2026-4", "2026-04-01", "2026-04-30", "2026/04", "2026/04/15", "04/2026", "4/2026",
        "Apr 2026", "April 2026", "april 2026", "APR 2026", "Apr-26", "Apr-2026", "1 Apr 2026",
        "01-Apr-2026", "Apr 1, 2026", "2026.04",
    ])
    func readsAMonth(text: String) {
        #expect(withField(text) { MonthParser.parse($0) } == .success(.month(Month(year: 2026, month: 4)!)))
    }

    @Test func readsSeptAndLeapDays() {
        #expect(withField("Sept 2026") { MonthParser.parse($0) } == .success(.month(Month(year: 2026, month: 9)!)))
        #expect(withField("2028-02-29") { MonthParser.parse($0) } == .success(.month(Month(year: 2028, month: 2)!)))
    }

    @Test func keepsSlashDatesForTheFilesOrder() {
        #expect(withField("04/01/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 4, second: 1, year: 2026))))
        #expect(withField("4/1/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 4, second: 1, year: 2026))))
        #expect(withField("31/12/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 31, second: 12, year: 2026))))
    }

    @Test(arguments: [
        ("Mai 2026", "\"Mai\" is not an English month name; write months like 2026-04 or Apr 2026"),
        ("janvier 2026", "\"janvier\" is not an English month name; write months like 2026-04 or Apr 2026"),
        ("février 2026", "\"février\" is not an English month name; write months like 2026-04 or Apr 2026"),
        ("2026-13", "13 is not a month number (1 to 12)"),
        ("2026-00", "0 is not a month number (1 to 12)"),
        ("2026-02-30", "2026-02 has no day 30"),
        ("4/1/26", "the year must have 4 digits, as in 2026"),
        ("04/26", "the year must have 4 digits, as in 2026"),
        ("Apr 26", "the year must have 4 digits, as in Apr 2026 (or Apr-26)"),
        ("13/13/2026", "it is not a date as month/day/year nor as day/month/year"),
        ("123/2026", "write months like 2026-04 or Apr 2026"),
    ])
    func rejectsAnUnreadableMonth(text: String, reason: String) {
        #expect(withField(text) { MonthParser.parse($0) } == .failure(.unreadableMonth(reason: reason)))
    }

    @Test(arguments: ["", "Total", "2026", "Q1 2026", "Generated 2026-05-01", "Department", "2026-04-01T00:00"])
    func tellsTextThatIsNoMonthAtAll(text: String) {
        #expect(withField(text) { MonthParser.parse($0) } == .failure(.notAMonth))
    }
}
