import CreditCore
import Testing

@testable import UsageImport

@Suite struct DateOrderResolverTests {
    private func pending(_ texts: [String]) -> [PendingDate] {
        texts.enumerated().map { index, text in
            let parts = text.split(separator: "/").map { Int($0)! }
            return PendingDate(date: FullDate(first: parts[0], second: parts[1], year: parts[2]), text: text, line: index + 2)
        }
    }

    private func resolve(_ texts: [String], requested: DateOrder? = nil) -> (DateOrderResolver.Outcome, [String]) {
        var log = DiagnosticLog(file: "usage.csv", limit: 50)
        let outcome = DateOrderResolver.resolve(pending(texts), requested: requested, log: &log)
        return (outcome, log.errors.map(\.description))
    }

    @Test func infersFromANumberAboveTwelve() {
        #expect(resolve(["04/01/2026", "13/01/2026"]) == (.order(.dayFirst), []))
        #expect(resolve(["04/01/2026", "01/13/2026"]) == (.order(.monthFirst), []))
        #expect(resolve(["03/31/2026"]).0 == .order(.monthFirst))
    }

    @Test func infersFromDatesOnOneDayOfTheMonth() {
        #expect(resolve(["04/01/2026", "05/01/2026", "06/01/2026"]) == (.order(.monthFirst), []))
        #expect(resolve(["01/04/2026", "01/05/2026", "01/06/2026"]) == (.order(.dayFirst), []))
    }

    @Test func needsNoOrderWhenBothReadTheSame() {
        #expect(resolve(["04/04/2026", "05/05/2026"]) == (.eitherOrder, []))
        #expect(resolve([]) == (.eitherOrder, []))
    }

    @Test func reportsDatesTheFileDoesNotSettle() {
        #expect(
            resolve(["04/01/2026"]) == (
                .unresolved,
                [
                    "usage.csv:2: date \"04/01/2026\" could be April 1, 2026 or January 4, 2026; "
                        + "rerun with --date-order mdy (month first) or --date-order dmy (day first)"
                ]
            ))
        #expect(resolve(["04/01/2026", "05/02/2026"]).0 == .unresolved)
    }

    @Test func reportsDatesInBothOrders() {
        #expect(
            resolve(["13/01/2026", "01/13/2026"]) == (
                .unresolved,
                [
                    "usage.csv:3: dates are written in both orders: \"01/13/2026\" (line 3) is month/day/year but "
                        + "\"13/01/2026\" (line 2) is day/month/year; write every date the same way"
                ]
            ))
    }

    @Test func usesTheRequestedOrderAndReportsDatesItCannotRead() {
        #expect(resolve(["04/01/2026"], requested: .dayFirst) == (.order(.dayFirst), []))
        #expect(
            resolve(["13/01/2026"], requested: .monthFirst) == (
                .order(.monthFirst),
                [
                    "usage.csv:2: date \"13/01/2026\" is not a date in month/day/year order (--date-order mdy)"
                ]
            ))
    }

    @Test func readsMonthsInTheOutcomesOrder() {
        let date = ParsedMonth.fullDate(FullDate(first: 4, second: 1, year: 2026))
        #expect(DateOrderResolver.Outcome.order(.monthFirst).month(of: date) == Month(year: 2026, month: 4))
        #expect(DateOrderResolver.Outcome.order(.dayFirst).month(of: date) == Month(year: 2026, month: 1))
        #expect(DateOrderResolver.Outcome.unresolved.month(of: date) == nil)
    }
}
