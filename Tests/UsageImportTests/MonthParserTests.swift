import CreditCore
import Testing

@testable import UsageImport

/// The month `text` reads as, a day read as its month.
private func month(_ text: String) -> Month? {
    guard case let .success(parsed) = withField(text, { MonthParser.parse($0) }) else { return nil }
    return DateOrderResolver.Outcome.eitherOrder.month(of: parsed)
}

@Suite struct MonthParserTests {
    @Test(arguments: [
        "2026-04", "2026-4", "2026-04-01", "2026-04-30", "2026/04", "2026/04/15", "04/2026", "4/2026",
        "Apr 2026", "April 2026", "april 2026", "APR 2026", "Apr-26", "Apr-2026", "1 Apr 2026",
        "01-Apr-2026", "Apr 1, 2026", "2026.04",
    ])
    func readsAMonth(text: String) {
        #expect(month(text) == Month(year: 2026, month: 4)!)
    }

    @Test func readsSeptAndLeapDays() {
        #expect(withField("Sept 2026") { MonthParser.parse($0) } == .success(.month(Month(year: 2026, month: 9)!)))
        #expect(withField("2028-02-29") { MonthParser.parse($0) } == .success(.day(Month(year: 2028, month: 2)!, day: 29)))
    }

    @Test func keepsSlashDatesForTheFilesOrder() {
        #expect(withField("04/01/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 4, second: 1, year: 2026))))
        #expect(withField("4/1/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 4, second: 1, year: 2026))))
        #expect(withField("31/12/2026") { MonthParser.parse($0) } == .success(.fullDate(FullDate(first: 31, second: 12, year: 2026))))
    }

    @Test(arguments: [
        ("März 2026", 3), ("MÄRZ 2026", 3), ("Ma\u{308}rz 2026", 3), ("Mrz. 2026", 3), ("1. März 2026", 3), ("janv. 2026", 1),
        ("Mai-26", 5), ("février 2026", 2), ("févr. 2026", 2), ("15 août 2026", 8), ("déc. 2026", 12), ("enero 2026", 1),
        ("ene-26", 1), ("septiembre 2026", 9), ("gennaio 2026", 1), ("giu 2026", 6), ("maart 2026", 3), ("mrt 2026", 3),
        ("mei 2026", 5), ("okt. 2026", 10), ("março 2026", 3), ("out/2026", 10), ("dez 2026", 12), ("Sept. 2026", 9),
        ("Jänner 2026", 1),
    ])
    func readsAMonthNameOfEveryLanguage(text: String, monthNumber: Int) {
        #expect(month(text) == Month(year: 2026, month: monthNumber)!)
    }

    @Test func noNameMeansTwoMonths() {
        let names = MonthParser.namesByMonth.flatMap { $0 }
        #expect(Set(names).count == names.count)
        #expect(MonthParser.namesByMonth.map(\.first) == MonthParser.monthNames)
    }

    @Test(arguments: [
        (
            "Floréal 2026",
            "\"Floréal\" is not a month name in English, German, French, Spanish, Italian, Dutch or "
                + "Portuguese; write months like 2026-04 or Apr 2026"
        ),
        (
            "Maj 2026",
            "\"Maj\" is not a month name in English, German, French, Spanish, Italian, Dutch or "
                + "Portuguese; write months like 2026-04 or Apr 2026"
        ),
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
