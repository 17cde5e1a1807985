import CreditCore
import CreditDecisions
import CreditForecast
import Testing

@Suite struct WatchlistTests {
    typealias F = DecisionFixtures

    static let workspaces = [
        F.workspace("Healthy", cap: [0, 0, 0.1, 0.2], short: [0, 0.05, 0.1, 0.6]),
        F.workspace("Capped", balance: 144_000, cap: [0.7, 0.9, 0.95, 0.95], short: [0, 0, 0, 0], forfeited: [1_000, 2_000, 500, 9_999]),
        F.workspace("Short later", cap: [0, 0, 0, 0], short: [0.1, 0.2, 0.35, 0.5]),
        F.workspace("Short now", balance: 0, cap: [0, 0, 0, 0], short: [0.8, 0.9, 0.9, 0.9]),
        F.workspace("Capped later", cap: [0, 0.2, 0.55, 0.7], short: [0, 0, 0, 0]),
    ]

    @Test func statusesFollowTheThresholdsOnTheChancesWithinTheWindow() {
        let list = Watchlist(workspaces: Self.workspaces)
        #expect(list.entries.map(\.workspace) == ["Short now", "Short later", "Capped", "Capped later", "Healthy"])
        #expect(list.entries.map(\.status) == [.runningShort, .runningShort, .nearCap, .nearCap, .healthy])
        #expect(list.entries.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(list.count(.runningShort) == 2 && list.count(.nearCap) == 2 && list.count(.healthy) == 1)
    }

    @Test func entriesCarryTheOneAndThreeMonthChancesAndTheFirstLikelyMonth() throws {
        let list = Watchlist(workspaces: Self.workspaces)
        let capped = try #require(list.entries.first { $0.workspace == "Capped" })
        #expect(capped.probabilityOfCapHit == (0.7, 0.95))
        #expect(capped.probabilityOfShortfall == (0, 0))
        #expect(capped.fractionOfCap == 144_000.0 / 150_000.0)
        // Next quarter: the first three months only.
        #expect(capped.expectedForfeitedNextQuarter == 3_500)
        #expect(capped.capHitLikelyBy == F.month("2026-05"))
        #expect(capped.shortfallLikelyBy == nil)
        let later = try #require(list.entries.first { $0.workspace == "Short later" })
        // 30% is first reached in the third month.
        #expect(later.shortfallLikelyBy == F.month("2026-07"))
        #expect(later.actionBy == F.month("2026-07"))
        // Healthy within the quarter, but the shortfall chance passes 30% in the fourth month.
        let healthy = try #require(list.entries.first { $0.workspace == "Healthy" })
        #expect(healthy.shortfallLikelyBy == F.month("2026-08"))
    }

    @Test func aShorterWindowAndHigherThresholdsCalmTheList() {
        let thresholds = WatchlistThresholds(shortfallProbability: 0.85, capProbability: 0.8, windowMonths: 1)
        let list = Watchlist(workspaces: Self.workspaces, thresholds: thresholds)
        #expect(list.entries.map(\.status) == [.healthy, .healthy, .healthy, .healthy, .healthy])
        // Healthy entries are ordered by the month their event becomes likely: Capped (cap 90%)
        // and Short now (shortfall 90%) both in 2026-06, and Capped has 1,000 credits forfeited
        // at stake in the window against nothing; then the higher chance in the window.
        #expect(list.entries.map(\.workspace) == ["Capped", "Short now", "Short later", "Capped later", "Healthy"])
        #expect(list.entries.map(\.actionBy) == [F.month("2026-06"), F.month("2026-06"), nil, nil, nil])
    }

    /// Three workspaces certain to run short from the first month: the one with the most at
    /// stake goes first whatever its name, and the chance only breaks a tie of money.
    @Test func tiesOfChanceAndMonthAreBrokenByMoneyNotByName() {
        let list = Watchlist(workspaces: [
            F.workspace("Alpha", cap: [0, 0, 0, 0], short: [1, 1, 1, 1], shortfall: [2_000, 2_000, 2_000, 2_000]),
            F.workspace("Zulu", cap: [0, 0, 0, 0], short: [1, 1, 1, 1], shortfall: [500_000, 500_000, 500_000, 500_000]),
            F.workspace("Mike", cap: [0, 0, 0, 0], short: [0.9, 1, 1, 1], shortfall: [60_000, 60_000, 0, 0]),
        ])
        #expect(list.entries.map(\.workspace) == ["Zulu", "Mike", "Alpha"])
        let zulu = list.entries[0]
        // Three months of 500,000 credits at $0.035: $52,500.
        #expect(zulu.atStakeInWindow == (Money(units: 52_500), 1_500_000, 0))
        #expect(list.entries[1].atStakeInWindow == (Money(units: 4_200), 120_000, 0))
        #expect(list.entries[2].atStakeInWindow == (Money(units: 210), 6_000, 0))
    }

    @Test func thresholdsOutOfRangeAreRejectedWithTheFix() {
        #expect(throws: DecisionError.self) {
            try WatchlistThresholds(shortfallProbability: 0, capProbability: 0.5, windowMonths: 3).validate()
        }
        #expect(throws: DecisionError.self) {
            try WatchlistThresholds(shortfallProbability: 0.3, capProbability: 1.5, windowMonths: 3).validate()
        }
        #expect(throws: DecisionError.self) {
            try WatchlistThresholds(shortfallProbability: 0.3, capProbability: 0.5, windowMonths: 0).validate()
        }
        #expect(throws: Never.self) { try WatchlistThresholds.standard.validate() }
    }
}
