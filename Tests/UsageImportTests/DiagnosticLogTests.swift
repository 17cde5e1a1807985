import Testing

@testable import UsageImport

@Suite struct DiagnosticLogTests {
    @Test func sortsByLineAndCountsWhatIsBeyondTheLimit() {
        var log = DiagnosticLog(file: "usage.csv", limit: 3)
        log.error("late", line: 9)
        log.error("whole file", line: nil)
        log.error("early", line: 2)
        log.error("dropped", line: 1)
        log.warning("doubt", line: 4)
        #expect(
            log.errors.map(\.description) == [
                "usage.csv: whole file", "usage.csv:2: early", "usage.csv:9: late", "usage.csv: … and 1 more errors",
            ])
        #expect(log.warnings.map(\.description) == ["usage.csv:4: doubt"])
    }
}
