import CreditCore
import CreditSharding
import Testing

/// A part of a usage file widened to the whole file's months: zero usage in the months added.
@Suite struct UsageHistoryWidenedTests {
    @Test func addedMonthsAreZeroAndOffsetsMove() {
        let history = UsageHistory(
            workspaces: [WorkspaceHistory(name: "acme", seats: [SeatHistory(id: "a", firstOffset: 1, usage: [0, 6])])],
            firstMonth: Month("2026-01")!, lastMonth: Month("2026-02")!, hasWorkspaceColumn: true)
        let widened = history.widened(from: Month("2025-12")!, through: Month("2026-04")!)
        #expect(widened.firstMonth == Month("2025-12")! && widened.lastMonth == Month("2026-04")!)
        #expect(widened.workspaces[0].seats == [SeatHistory(id: "a", firstOffset: 2, usage: [0, 0, 6, 0, 0])])
        #expect(history.widened(from: history.firstMonth, through: history.lastMonth) == history)
    }
}
