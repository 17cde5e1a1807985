import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Testing

/// A scenario on a history that never varies has one future: the ledger run with the
/// scenario's accruals, caps and scaled usage.
@Suite struct ScenarioTests {
    @Test(arguments: [UsageModelKind.bootstrap, .seats])
    func scenarioMonthsEqualTheLedgerWithTheirAccrualCapAndUsage(_ model: UsageModelKind) throws {
        // 10 Growth seats at 2,000 a seat: 20,000 a month against 30,000 accrued.
        let seats = (0..<10).map { Fixtures.seat("s\($0)", Array(repeating: 2_000, count: 6)) }
        let history = Fixtures.history([WorkspaceHistory(name: "team", seats: seats)])
        let first = history.lastMonth.advanced(by: 1)
        let pro = Plan(name: "pro", monthlyAllowance: 4_000)
        let scenario = Scenario(
            name: "what-if",
            changes: [
                // Two seats more from the third month: 12 seats use 12/10 of the usage, accrue 36,000.
                .init(from: first.advanced(by: 2), seats: .add(2)),
                // Pro from the fifth month: 12 × 4,000 = 48,000, cap 240,000; usage 1.5 × baseline.
                .init(from: first.advanced(by: 4), plan: pro, usageMultiplier: .init(millionths: 1_500_000)),
                // Another workspace's change is ignored.
                .init(workspace: "other", from: first, seats: .set(1)),
            ])
        let rules = Fixtures.rules()
        let run = try Fixtures.run(
            history, pools: [Fixtures.pool("team", opening: 50_000)], rules: rules,
            settings: ForecastSettings(horizon: 7, trials: 100, seed: 9, model: model, seatsParameters: .resamplingOnly)
        ).workspaces[0]
        let scenarioRun = try ForecastEngine.run(
            history: history, pools: [Fixtures.pool("team", opening: 50_000)], pricing: .standard, rules: rules,
            settings: ForecastSettings(horizon: 7, trials: 100, seed: 9, model: model, seatsParameters: .resamplingOnly),
            threads: 2, inputHash: "test", scenario: scenario
        ).workspaces[0]

        let accruals = [30_000, 30_000, 36_000, 36_000, 48_000, 48_000, 48_000]
        let usage = [20_000, 20_000, 24_000, 24_000, 36_000, 36_000, 36_000]
        var pool = CreditPool(balance: run.startingBalance)
        for (index, month) in scenarioRun.months.enumerated() {
            let row = pool.runMonth(month.month, accrual: accruals[index], cap: 5 * accruals[index], usage: usage[index], rules: rules)
            #expect(month.seats == (index < 2 ? 10 : 12))
            #expect(month.accrual == accruals[index] && month.cap == 5 * accruals[index])
            #expect(month.usage.p50 == usage[index])
            #expect(month.closing.p50 == row.closing && month.closing.p5 == row.closing && month.closing.p95 == row.closing)
            #expect(month.forfeitedMean == Double(row.forfeited))
        }
        #expect(scenarioRun.seats == 10 && scenarioRun.cap == 150_000)
        // Without a scenario, nothing changes.
        #expect(run.months.allSatisfy { $0.accrual == 30_000 && $0.usage.p50 == 20_000 })
    }

    /// Seat fees are seat-months × each plan's price: known where every seat's plan is priced and
    /// known, unknown (never guessed) for seats added to a workspace on several plans.
    @Test func seatFeesFollowTheScenariosSeatsAndPlans() throws {
        var pricing = Pricing.standard
        pricing.plans = [
            Plan(name: "launch", monthlyAllowance: 2_000), Plan(name: "growth", monthlyAllowance: 3_000, seatPrice: Money(units: 45)),
            Plan(name: "pro", monthlyAllowance: 4_000, seatPrice: Money(cents: 6_050)),
        ]
        let usage = Array(repeating: 1_000, count: 6)
        let seats = [
            SeatHistory(id: "a", plan: "growth", firstOffset: 0, usage: usage),
            SeatHistory(id: "b", plan: "growth", firstOffset: 0, usage: usage),
            SeatHistory(id: "c", plan: "pro", firstOffset: 0, usage: usage),
        ]
        let history = Fixtures.history([WorkspaceHistory(name: "mixed", seats: seats)])
        let pool = WorkspacePool(name: "mixed", plan: nil, seats: nil, openingBalance: 0, balanceMonth: nil, cap: .monthsOfAccrual(5))
        let first = history.lastMonth.advanced(by: 1)
        func fees(_ changes: [ScenarioChange]?) throws -> Money? {
            try ForecastEngine.run(
                history: history, pools: [pool], pricing: pricing, rules: PurchaseRules(pricing: pricing),
                settings: ForecastSettings(horizon: 3, trials: 10, seed: 1, model: .bootstrap), threads: 1, inputHash: "test",
                scenario: changes.map { Scenario(name: "what-if", changes: $0) }
            ).workspaces[0].seatFees
        }
        // 2 × $45 + $60.50 a month for 3 months.
        #expect(try fees(nil) == Money(cents: 45_150))
        // All three on Growth from the second month: $150.50, then 2 × 3 × $45.
        #expect(try fees([.init(from: first.advanced(by: 1), plan: try pricing.plan(named: "growth"))]) == Money(cents: 42_050))
        // A seat added to seats on two plans has no known plan.
        #expect(try fees([.init(from: first.advanced(by: 1), seats: .add(1))]) == nil)
        // Onto unpriced Launch: unknown; no seats at all cost nothing.
        #expect(try fees([.init(from: first.advanced(by: 2), plan: try pricing.plan(named: "launch"))]) == nil)
        #expect(try fees([.init(from: first, seats: .set(0))]) == .zero)
    }

    @Test func theBaselineComesFirstThenEveryScenarioInOrder() {
        let scenarios = ["more seats", "pro"].map { Scenario(name: $0, changes: []) }
        var asked: [String?] = []
        let results = Scenario.baselineAndEach(of: scenarios) { scenario in
            asked.append(scenario?.name)
            return asked.count
        }
        #expect(asked == [nil, "more seats", "pro"])
        #expect(results.map(\.name) == ["baseline", "more seats", "pro"])
        #expect(results.map(\.result) == [1, 2, 3])
    }

    @Test func multipliersAreExactMillionths() {
        #expect(UsageMultiplier(decimal: "1.2")?.millionths == 1_200_000)
        #expect(UsageMultiplier(decimal: "0.000001")?.millionths == 1)
        #expect(UsageMultiplier(decimal: ".5")?.millionths == 500_000)
        #expect(UsageMultiplier(decimal: "2")?.description == "2")
        #expect(UsageMultiplier(decimal: "1.250")?.description == "1.25")
        for bad in ["", ".", "-1", "1e3", "1.0000001", "1,5", "+1"] {
            #expect(UsageMultiplier(decimal: bad) == nil, "\(bad)")
        }
    }
}
