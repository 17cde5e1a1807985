import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

@Suite struct StartingBalanceTests {
    static let history = Fixtures.history([
        WorkspaceHistory(
            name: "team",
            seats: [
                Fixtures.seat("a", [18_000, 5_000, 8_000, 50_000]),
                Fixtures.seat("b", firstOffset: 2, [0, 0, 4_000, 1_000]),
            ])
    ])

    @Test(arguments: CapTiming.allCases)
    func itIsTheLedgersLastClosing(_ timing: CapTiming) throws {
        let workspace = Self.history.workspaces[0]
        let pool = Fixtures.pool("team", seats: 10, opening: 140_000)
        let rules = Fixtures.rules(timing)
        let accruals = try pool.accruals(for: workspace, monthCount: 4, pricing: Fixtures.pricing)
        let ledger = Ledger(rules: rules, cap: pool.cap).replay(
            from: Self.history.firstMonth, opening: 140_000, accruals: accruals, usage: workspace.monthlyUsage
        )
        let start = try ForecastEngine.startingBalance(
            for: workspace, pool: pool, history: Self.history, pricing: Fixtures.pricing, rules: rules
        )
        #expect(start == ledger.last?.closing)
    }

    @Test func seatsCountFromTheirFirstMonth() throws {
        // Growth seats: a from month 0, b from month 2: accruals 3,000 · 3,000 · 6,000 · 6,000;
        // usage 18,000 · 5,000 · 12,000 · 51,000: short every month from 0.
        let workspace = Self.history.workspaces[0]
        let pool = Fixtures.pool("team")
        let start = try ForecastEngine.startingBalance(
            for: workspace, pool: pool, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
        )
        #expect(start == 0)
        // Above the cap (5 × 3,000, then 5 × 6,000) nothing is credited: 100,000 − 18,000 − 5,000
        // − 12,000 − 51,000 = 14,000.
        let rich = Fixtures.pool("team", opening: 100_000)
        #expect(
            try ForecastEngine.startingBalance(
                for: workspace, pool: rich, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
            ) == 14_000)
        // Below the cap the accrual is credited: 10,000 + 3,000 − 18,000 → short, 0; then
        // 3,000 − 5,000 → 0; 6,000 − 12,000 → 0; 6,000 − 51,000 → 0.
        let poor = Fixtures.pool("team", opening: 10_000)
        #expect(
            try ForecastEngine.startingBalance(
                for: workspace, pool: poor, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
            ) == 0)
    }

    @Test func aBalanceMonthInsideTheHistoryReplaysFromThere() throws {
        let workspace = Self.history.workspaces[0]
        let pool = Fixtures.pool("team", opening: 50_000, balanceMonth: Self.history.firstMonth.advanced(by: 2))
        // Above the 30,000 cap: 50,000 − 12,000 = 38,000; 38,000 − 51,000 → 0 (short).
        #expect(
            try ForecastEngine.startingBalance(
                for: workspace, pool: pool, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
            ) == 0)
        let later = Fixtures.pool("team", opening: 60_000, balanceMonth: Self.history.firstMonth.advanced(by: 3))
        #expect(
            try ForecastEngine.startingBalance(
                for: workspace, pool: later, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
            ) == 9_000)
        // Below the cap: 20,000 + 6,000 − 51,000 → 0 (short).
        let low = Fixtures.pool("team", opening: 20_000, balanceMonth: Self.history.firstMonth.advanced(by: 3))
        #expect(
            try ForecastEngine.startingBalance(
                for: workspace, pool: low, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
            ) == 0)
    }

    @Test func aBalanceMonthAfterTheHistoryIsTheStart() throws {
        let workspace = Self.history.workspaces[0]
        for offset in [1, 5] {
            let pool = Fixtures.pool("team", opening: 77_777, balanceMonth: Self.history.lastMonth.advanced(by: offset))
            #expect(
                try ForecastEngine.startingBalance(
                    for: workspace, pool: pool, history: Self.history, pricing: Fixtures.pricing, rules: Fixtures.rules()
                ) == 77_777)
        }
    }

    @Test func autoPurchasedLotsCarryIntoTheForecast() throws {
        let workspace = Self.history.workspaces[0]
        let package = CreditPackage(credits: 100_000, price: Money(units: 2_500))
        let rules = Fixtures.rules(autoPurchase: package)
        let start = try ForecastEngine.startingPool(
            for: workspace, pool: Fixtures.pool("team"), history: Self.history, pricing: Fixtures.pricing, rules: rules
        )
        // Month 0 buys one package for a 15,000 shortfall (85,000 left); months 1–3 draw
        // 2,000 + 6,000 + 45,000 from it: 32,000 left.
        #expect(start.balance == 0)
        #expect(start.purchasedBalance == 32_000)
    }
}
