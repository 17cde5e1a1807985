import CreditCore
import Testing

@Suite struct UsageHistoryTests {
    let april = Month(year: 2026, month: 4)!

    var history: UsageHistory {
        UsageHistory(
            workspaces: [
                WorkspaceHistory(
                    name: "acme",
                    seats: [
                        SeatHistory(id: "ana", firstOffset: 0, usage: [100, 200, 300]),
                        SeatHistory(id: "ben", firstOffset: 2, usage: [0, 0, 50]),
                    ]),
                WorkspaceHistory(name: "globex", seats: [SeatHistory(id: "cara", firstOffset: 2, usage: [0, 0, 7])]),
            ],
            firstMonth: april, lastMonth: april.advanced(by: 2), hasWorkspaceColumn: true
        )
    }

    @Test func truncatingDropsLaterMonthsAndSeatsNotYetThere() throws {
        let cut = try history.truncated(through: april.advanced(by: 1))
        #expect(
            cut
                == UsageHistory(
                    workspaces: [WorkspaceHistory(name: "acme", seats: [SeatHistory(id: "ana", firstOffset: 0, usage: [100, 200])])],
                    firstMonth: april, lastMonth: april.advanced(by: 1), hasWorkspaceColumn: true
                ))
        #expect(try history.truncated(through: april.advanced(by: 5)) == history)
    }

    @Test func truncatingBeforeTheFirstMonthIsAnError() {
        #expect(throws: HistoryTruncationError(asOf: april.advanced(by: -1), firstMonth: april)) {
            try history.truncated(through: april.advanced(by: -1))
        }
        #expect(
            "\(HistoryTruncationError(asOf: april.advanced(by: -1), firstMonth: april))"
                == "2026-03 is before the history's first month, 2026-04")
    }

    @Test func inlineUsageIsOneUnnamedWorkspace() {
        let inline = UsageHistory(monthlyUsage: [18_000, 5_000], startingAt: april)
        #expect(
            inline.workspaces == [
                WorkspaceHistory(
                    name: UsageHistory.defaultWorkspaceName, seats: [SeatHistory(id: "usage", firstOffset: 0, usage: [18_000, 5_000])])
            ])
        #expect(inline.months == april...april.advanced(by: 1) && !inline.hasWorkspaceColumn)
    }
}
