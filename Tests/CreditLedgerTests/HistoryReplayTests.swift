import CreditCore
import Testing

@testable import CreditLedger

@Suite struct HistoryReplayTests {
    let april = Month(year: 2026, month: 4)!

    /// Two seats: `ana` from April, `ben` joining in June and idle (no rows) in July.
    var history: UsageHistory {
        UsageHistory(
            workspaces: [
                WorkspaceHistory(
                    name: "acme",
                    seats: [
                        SeatHistory(id: "ana", firstOffset: 0, usage: [1_000, 2_000, 3_000, 4_000]),
                        SeatHistory(id: "ben", firstOffset: 2, usage: [0, 0, 500, 0]),
                    ])
            ],
            firstMonth: april, lastMonth: april.advanced(by: 3), hasWorkspaceColumn: true
        )
    }

    @Test func seatsCountFromTheirFirstMonthThroughTheEnd() throws {
        let replay = HistoryReplay(pricing: .standard, rules: PurchaseRules(pricing: .standard))
        let months = try replay.replay(history, resolver: PoolResolver(pricing: .standard, overrides: .init(plan: "launch")))[0].months
        #expect(months.map(\.accrual) == [2_000, 2_000, 4_000, 4_000])
        #expect(months.map(\.cap) == [10_000, 10_000, 20_000, 20_000])
        #expect(months.map(\.used) == [1_000, 2_000, 3_500, 4_000])
        #expect(months.map(\.closing) == [1_000, 1_000, 1_500, 1_500])
    }

    /// The closing pool and the last months' closing balances come from the one replay: the
    /// last two of 1,000, 1,000, 1,500, 1,500; none when the balance is given after the history.
    @Test func theClosingPoolKeepsTheLastMonthsClosingBalances() throws {
        let replay = HistoryReplay(pricing: .standard, rules: PurchaseRules(pricing: .standard))
        let resolver = PoolResolver(pricing: .standard, overrides: .init(plan: "launch"))
        let pool = try resolver.pool(named: "acme", in: history)
        let workspace = history.workspaces[0]
        let kept = try replay.closingPool(workspace, of: history, pool: pool, keepingLast: 2)
        #expect(kept.recentClosing == [1_500, 1_500])
        #expect(kept.pool == (try replay.closingPool(workspace, of: history, pool: pool)))
        #expect(try replay.closingPool(workspace, of: history, pool: pool, keepingLast: 12).recentClosing == [1_000, 1_000, 1_500, 1_500])
        let now = try PoolResolver(
            pricing: .standard, overrides: .init(plan: "launch", balance: 7_000, balanceMonth: april.advanced(by: 4))
        )
        .pool(named: "acme", in: history)
        let later = try replay.closingPool(workspace, of: history, pool: now, keepingLast: 12)
        #expect(later.recentClosing == [] && later.pool.balance == 7_000)
    }

    @Test func workspacesFileSetsPlanSeatsAndCap() throws {
        let settings = [WorkspaceSettings(name: "acme", plan: "pro", seats: 3, balance: nil, asOf: nil, cap: 9_000)]
        let resolver = PoolResolver(pricing: .standard, settings: settings)
        let pool = try resolver.pool(named: "acme", in: history)
        #expect(pool.plan == Plan(name: "pro", monthlyAllowance: 4_000))
        #expect(pool.seats == 3)
        #expect(pool.cap == .fixed(9_000))
        let months = try HistoryReplay(pricing: .standard, rules: PurchaseRules(pricing: .standard)).replay(history, resolver: resolver)[0]
            .months
        #expect(months.map(\.accrual) == [12_000, 12_000, 12_000, 12_000])
        #expect(months.map(\.forfeited) == [3_000, 11_000, 10_000, 8_500])
        #expect(months.map(\.closing) == [8_000, 7_000, 5_500, 5_000])
    }

    @Test func commandLineWinsOverTheWorkspacesFile() throws {
        let settings = [WorkspaceSettings(name: "acme", plan: "pro", seats: 3, balance: 50_000, asOf: nil, cap: 9_000)]
        let resolver = PoolResolver(pricing: .standard, overrides: .init(plan: "growth", seats: 10, balance: 7, cap: 1), settings: settings)
        let pool = try resolver.pool(named: "acme", in: history)
        #expect(
            pool
                == WorkspacePool(
                    name: "acme", plan: Plan(name: "growth", monthlyAllowance: 3_000), seats: 10, openingBalance: 7, balanceMonth: nil,
                    cap: .fixed(1)))
    }

    @Test func workspacesFileBalanceIsTheBalanceAsOfItsMonth() throws {
        let withAsOf = [WorkspaceSettings(name: "acme", plan: "launch", seats: 2, balance: 6_000, asOf: april.advanced(by: 1), cap: nil)]
        let replay = HistoryReplay(pricing: .standard, rules: PurchaseRules(pricing: .standard))
        let months = try replay.replay(history, resolver: PoolResolver(pricing: .standard, settings: withAsOf))[0].months
        #expect(months.map(\.month) == [april.advanced(by: 2), april.advanced(by: 3)])
        #expect(months.map(\.opening) == [6_000, 6_500])

        let today = [WorkspaceSettings(name: "acme", plan: "launch", seats: 2, balance: 6_000, asOf: nil, cap: nil)]
        let pool = try PoolResolver(pricing: .standard, settings: today).pool(named: "acme", in: history)
        #expect(pool.balanceMonth == april.advanced(by: 4))
        #expect(try replay.replay(history, resolver: PoolResolver(pricing: .standard, settings: today))[0].months.isEmpty)
    }

    @Test func unknownSeatPlanIsNamed() {
        var history = history
        history.workspaces[0].seats[0].plan = "platinum"
        #expect(throws: PricingError.unknownPlan("platinum", known: ["launch", "growth", "pro"])) {
            try HistoryReplay(pricing: .standard, rules: PurchaseRules(pricing: .standard)).replay(
                history, resolver: PoolResolver(pricing: .standard, overrides: .init(plan: "growth")))
        }
    }
}
