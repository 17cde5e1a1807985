import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import Testing

/// A usage history that never varies has one future, so every strategy's cost must be the
/// deterministic ledger's, to the cent.
@Suite struct RenewalTests {
    static let first = Month("2025-01")!
    static let growth = Plan(name: "growth", monthlyAllowance: 3_000)

    /// Ten Growth seats using `perSeat` credits every month of six months of history.
    static func constantHistory(perSeat: Int) -> UsageHistory {
        let seats = (0..<10).map { SeatHistory(id: "s\($0)", firstOffset: 0, usage: Array(repeating: perSeat, count: 6)) }
        return UsageHistory(
            workspaces: [WorkspaceHistory(name: "team", seats: seats)], firstMonth: first,
            lastMonth: first.advanced(by: 5), hasWorkspaceColumn: true
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var perSeat: Int
        var gap: Int
        var model: UsageModelKind
        var testDescription: String { "\(perSeat) a seat, renewal \(gap) months after the history, \(model.rawValue)" }
    }

    static let cases = [
        Case(perSeat: 4_500, gap: 0, model: .bootstrap),
        Case(perSeat: 4_500, gap: 2, model: .seats),
        Case(perSeat: 9_100, gap: 1, model: .bootstrap),
        Case(perSeat: 1_000, gap: 0, model: .seats),
    ]

    @Test(arguments: cases)
    func everyStrategyCostsWhatTheLedgerBills(_ testCase: Case) throws {
        let history = Self.constantHistory(perSeat: testCase.perSeat)
        let pricing = Pricing.standard
        let rules = PurchaseRules(pricing: pricing)
        let pool = WorkspacePool(name: "team", plan: Self.growth, seats: nil, openingBalance: 20_000, balanceMonth: nil, cap: .monthsOfAccrual(5))
        let renewal = history.lastMonth.advanced(by: 1 + testCase.gap)
        let strategies = RenewalStrategies.all(for: pricing)
        let forecasts = try ForecastEngine.runRenewal(
            history: history, pools: [pool], pricing: pricing, rules: rules,
            settings: ForecastSettings(trials: 200, seed: 5, model: testCase.model, seatsParameters: .resamplingOnly),
            threads: 2, renewal: renewal, strategies: strategies
        )
        let forecast = try #require(forecasts.first)
        #expect(forecast.renewal == renewal)
        #expect(forecast.outcomes.map(\.strategy.name) == [
            "payg", "upfront-100000", "upfront-250000", "upfront-500000", "upfront-1000000", "upfront-2x100000",
            "auto-100000", "auto-250000", "auto-500000", "auto-1000000",
        ])

        let months = 6 + testCase.gap + 12
        var ledgerCosts: [Money] = []
        for (strategy, outcome) in zip(strategies, forecast.outcomes) {
            var own = rules
            own.autoPurchase = strategy.autoPurchase
            // History and the months before renewal run under the plain rules, the year under the strategy's.
            let before = Ledger(rules: rules, cap: .monthsOfAccrual(5)).replay(
                from: Self.first, opening: 20_000, accruals: Array(repeating: 30_000, count: 6 + testCase.gap),
                usage: Array(repeating: 10 * testCase.perSeat, count: 6 + testCase.gap)
            )
            var pool = CreditPool(balance: before.last!.closing)
            var cost = Money.zero
            var payAsYouGo = 0
            var expired = 0
            for offset in (6 + testCase.gap)..<months {
                let month = Self.first.advanced(by: offset)
                let row = pool.runMonth(
                    month, accrual: 30_000, cap: 150_000, usage: 10 * testCase.perSeat,
                    scheduled: month == renewal ? strategy.upfront : [], rules: own
                )
                cost = cost + row.packageCost + row.payAsYouGoCost
                payAsYouGo += row.payAsYouGo
                expired += row.expired
            }
            #expect(outcome.expectedCost == cost, "\(strategy.name)")
            #expect(outcome.p90Cost == cost, "\(strategy.name)")
            #expect(outcome.probabilityOfAnyPayAsYouGo == (payAsYouGo > 0 ? 1 : 0), "\(strategy.name)")
            #expect(outcome.expectedUnusedCredits == Double(expired + pool.purchasedBalance), "\(strategy.name)")
            ledgerCosts.append(cost)
        }
        let recommendation = RenewalRecommendation(scenario: "baseline", forecast: forecast, risk: .mean)
        let cheapest = ledgerCosts.min()!
        #expect(recommendation.recommended.expectedCost == cheapest)
        #expect(recommendation.recommendedIndex == ledgerCosts.firstIndex(of: cheapest))
        #expect(recommendation.savingAgainstPayAsYouGo == ledgerCosts[0] - cheapest)
    }

    /// 10 Growth seats at 4,500 a seat from an empty pool: every month is 15,000 short.
    /// Pay-as-you-go: 12 × 15,000 × $0.035 = $6,300. Up front 250,000 for $5,500 covers all
    /// 180,000 (70,000 left unused). Two of 100,000 for $5,000 cover it too (200,000), with
    /// 20,000 unused: the cheapest, tied with auto-purchase of 100,000 but listed first.
    @Test func theCheapestStrategyByHand() throws {
        let history = Self.constantHistory(perSeat: 4_500)
        let pool = WorkspacePool(name: "team", plan: Self.growth, seats: nil, openingBalance: 0, balanceMonth: history.lastMonth.advanced(by: 1), cap: .monthsOfAccrual(5))
        let forecasts = try ForecastEngine.runRenewal(
            history: history, pools: [pool], pricing: .standard, rules: PurchaseRules(pricing: .standard),
            settings: ForecastSettings(trials: 50, model: .bootstrap), threads: 1,
            renewal: history.lastMonth.advanced(by: 1), strategies: RenewalStrategies.all(for: .standard)
        )
        let outcomes = Dictionary(uniqueKeysWithValues: forecasts[0].outcomes.map { ($0.strategy.name, $0) })
        #expect(outcomes["payg"]?.expectedCost == Money(units: 6_300))
        #expect(outcomes["upfront-250000"]?.expectedCost == Money(units: 5_500))
        #expect(outcomes["upfront-250000"]?.expectedUnusedCredits == 70_000)
        #expect(outcomes["upfront-2x100000"]?.expectedCost == Money(units: 5_000))
        // 100,000 up front, then 80,000 pay-as-you-go: $2,500 + $2,800.
        #expect(outcomes["upfront-100000"]?.expectedCost == Money(units: 5_300))
        // Auto 100,000: bought in month 1 and month 7 (the lot covers 6 months of 15,000, with 10,000 left).
        #expect(outcomes["auto-100000"]?.expectedCost == Money(units: 5_000))
        let plan = RenewalPlan(scenarios: [("baseline", forecasts)], risk: .mean)
        #expect(plan.recommendations[0].recommended.strategy.name == "upfront-2x100000")
        #expect(plan.total(scenario: "baseline") == (Money(units: 6_300), Money(units: 5_000), Money(units: 1_300)))
    }

    @Test func aRenewalBeforeTheForecastIsRejected() {
        let history = Self.constantHistory(perSeat: 1_000)
        let pool = WorkspacePool(name: "team", plan: Self.growth, seats: nil, openingBalance: 0, balanceMonth: nil, cap: .monthsOfAccrual(5))
        #expect(throws: ForecastError.self) {
            try ForecastEngine.runRenewal(
                history: history, pools: [pool], pricing: .standard, rules: PurchaseRules(pricing: .standard),
                settings: ForecastSettings(trials: 10), threads: 1, renewal: history.lastMonth, strategies: [.init(name: "payg")]
            )
        }
    }

    @Test func twoOfTheSmallestOnlyWhenCheaperThanTheNextSize() {
        var pricing = Pricing.standard
        #expect(RenewalStrategies.all(for: pricing).map(\.name).contains("upfront-2x100000"))
        pricing.packages[1].price = Money(units: 5_000)
        #expect(!RenewalStrategies.all(for: pricing).map(\.name).contains("upfront-2x100000"))
        pricing.packages = []
        #expect(RenewalStrategies.all(for: pricing).map(\.name) == ["payg"])
    }
}
