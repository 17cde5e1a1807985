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
        let pool = WorkspacePool(
            name: "team", plan: Self.growth, seats: nil, openingBalance: 20_000, balanceMonth: nil, cap: .monthsOfAccrual(5))
        let renewal = history.lastMonth.advanced(by: 1 + testCase.gap)
        // The search's strategies and every single package alone, each checked against the ledger.
        let forecasts = try ForecastEngine.runRenewal(
            history: history, pools: [pool], pricing: pricing, rules: rules,
            settings: ForecastSettings(trials: 200, seed: 5, model: testCase.model, seatsParameters: .resamplingOnly),
            threads: 2, renewal: renewal
        ) { _, need in RenewalStrategies.search(for: pricing, need: need) + RenewalStrategies.singles(for: pricing) }
        let forecast = try #require(forecasts.first)
        #expect(forecast.renewal == renewal)
        let strategies = forecast.outcomes.map(\.strategy)

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

    /// The renewal of ten Growth seats at `perSeat` a seat from an empty pool, by the search.
    static func renewalFromEmpty(perSeat: Int, risk: RenewalRisk = .mean) throws -> RenewalRecommendation {
        let history = Self.constantHistory(perSeat: perSeat)
        let pool = WorkspacePool(
            name: "team", plan: Self.growth, seats: nil, openingBalance: 0, balanceMonth: history.lastMonth.advanced(by: 1),
            cap: .monthsOfAccrual(5))
        let forecasts = try ForecastEngine.runRenewal(
            history: history, pools: [pool], pricing: .standard, rules: PurchaseRules(pricing: .standard),
            settings: ForecastSettings(trials: 50, model: .bootstrap), threads: 1, renewal: history.lastMonth.advanced(by: 1)
        ) { _, need in RenewalStrategies.search(for: .standard, need: need) }
        return RenewalRecommendation(scenario: "baseline", forecast: forecasts[0], risk: risk)
    }

    /// 10 Growth seats at 4,500 a seat from an empty pool: every month is 15,000 short, 180,000
    /// in the year. Pay-as-you-go: 12 × 15,000 × $0.035 = $6,300. Two of 100,000 for $5,000
    /// cover it (200,000), with 20,000 unused: the cheapest, tied with auto-purchase of 100,000
    /// and with one up front plus auto-purchase, but listed first. The search stops at the
    /// cheapest cover, so 250,000 ($5,500, more credits for more money) is not searched.
    @Test func theCheapestStrategyByHand() throws {
        let recommendation = try Self.renewalFromEmpty(perSeat: 4_500)
        let forecasts = [recommendation.forecast]
        #expect(
            forecasts[0].outcomes.map(\.strategy.name) == [
                "payg", "upfront-100000", "upfront-2x100000", "auto-100000", "auto-250000", "auto-500000", "auto-1000000",
                "upfront-100000+auto-100000", "upfront-100000+auto-250000", "upfront-100000+auto-500000", "upfront-100000+auto-1000000",
                "upfront-2x100000+auto-100000", "upfront-2x100000+auto-250000", "upfront-2x100000+auto-500000",
                "upfront-2x100000+auto-1000000",
            ])
        #expect(
            forecasts[0].need
                == RenewalNeed(
                    usage: Percentiles(p5: 540_000, p10: 540_000, p50: 540_000, p90: 540_000, p95: 540_000), accrual: 360_000,
                    probabilityOfExtra: 1, expectedExtra: 180_000,
                    extra: Percentiles(p5: 180_000, p10: 180_000, p50: 180_000, p90: 180_000, p95: 180_000), largestExtra: 180_000
                ))
        let outcomes = Dictionary(uniqueKeysWithValues: forecasts[0].outcomes.map { ($0.strategy.name, $0) })
        #expect(outcomes["payg"]?.expectedCost == Money(units: 6_300))
        #expect(outcomes["upfront-2x100000"]?.expectedCost == Money(units: 5_000))
        #expect(outcomes["upfront-2x100000"]?.expectedUnusedCredits == 20_000)
        // 100,000 up front, then one auto-purchased 100,000 in month 7: $5,000, 20,000 unused.
        #expect(outcomes["upfront-100000+auto-100000"]?.expectedCost == Money(units: 5_000))
        #expect(outcomes["upfront-100000+auto-100000"]?.expectedUnusedCredits == 20_000)
        // 100,000 up front, then 80,000 pay-as-you-go: $2,500 + $2,800.
        #expect(outcomes["upfront-100000"]?.expectedCost == Money(units: 5_300))
        // Auto 100,000: bought in month 1 and month 7 (the lot covers 6 months of 15,000, with 10,000 left).
        #expect(outcomes["auto-100000"]?.expectedCost == Money(units: 5_000))
        let plan = RenewalPlan(scenarios: [("baseline", forecasts)], risk: .mean)
        #expect(plan.recommendations[0].recommended.strategy.name == "upfront-2x100000")
        #expect(plan.recommendations[0].runnerUp?.strategy.name == "auto-100000")
        #expect(plan.total(scenario: "baseline") == (Money(units: 6_300), Money(units: 5_000), Money(units: 1_300)))
    }

    @Test func aRenewalBeforeTheForecastIsRejected() {
        let history = Self.constantHistory(perSeat: 1_000)
        let pool = WorkspacePool(
            name: "team", plan: Self.growth, seats: nil, openingBalance: 0, balanceMonth: nil, cap: .monthsOfAccrual(5))
        #expect(throws: ForecastError.self) {
            try ForecastEngine.runRenewal(
                history: history, pools: [pool], pricing: .standard, rules: PurchaseRules(pricing: .standard),
                settings: ForecastSettings(trials: 10), threads: 1, renewal: history.lastMonth
            ) { _, _ in [.init(name: "payg")] }
        }
    }

    /// 10 Growth seats at 15,500 a seat from an empty pool: 125,000 short every month,
    /// 1,500,000 in the year (the shape of the portfolio sample's Lumen Co). The best single
    /// strategies cost $30,000 (auto-purchase of 1,000,000 buys a second one in month 9 and
    /// leaves 500,000 unused; three auto-purchased 500,000 cost the same); 1,000,000 + 500,000
    /// up front covers the year for $25,000, tied with 500,000 up front and an auto-purchased
    /// 1,000,000 in month 5 (the runner-up, listed later), and with the reverse.
    @Test func aCombinationBeatsEverySingleStrategy() throws {
        let recommendation = try Self.renewalFromEmpty(perSeat: 15_500)
        let outcomes = Dictionary(uniqueKeysWithValues: recommendation.forecast.outcomes.map { ($0.strategy.name, $0) })
        #expect(recommendation.recommended.strategy.name == "upfront-1000000+500000")
        #expect(recommendation.recommended.expectedCost == Money(units: 25_000))
        #expect(recommendation.recommended.p90Cost == Money(units: 25_000))
        #expect(recommendation.recommended.expectedUnusedCredits == 0)
        #expect(recommendation.runnerUp?.strategy.name == "upfront-500000+auto-1000000")
        #expect(recommendation.runnerUp?.expectedCost == Money(units: 25_000))
        #expect(outcomes["auto-1000000"]?.expectedCost == Money(units: 30_000))
        #expect(outcomes["auto-1000000"]?.expectedUnusedCredits == 500_000)
        #expect(outcomes["upfront-1000000+auto-500000"]?.expectedCost == Money(units: 25_000))
        #expect(outcomes["auto-500000"]?.expectedCost == Money(units: 30_000))
        #expect(outcomes["payg"]?.expectedCost == Money(units: 52_500))
        #expect(recommendation.savingAgainstPayAsYouGo == Money(units: 27_500))
        // The search lists the single packages up front the need reaches, and none beats the combination.
        for single in ["upfront-100000", "upfront-250000", "upfront-500000", "upfront-1000000"] {
            #expect(try #require(outcomes[single]).expectedCost > Money(units: 25_000), "\(single)")
        }
        #expect(outcomes["upfront-1000000"]?.expectedCost == Money(units: 32_500))
    }

    /// The up-front combinations for a 1,470,000-credit need at the standard prices: the
    /// cheapest way to hold each amount below it, then 1,000,000 + 500,000, the cheapest cover.
    /// 400,000 (four of 100,000, $10,000) is left out: 500,000 costs the same.
    @Test func theUpfrontCombinationsSearched() {
        let need = RenewalNeed(
            usage: Percentiles(p5: 0, p10: 0, p50: 0, p90: 0, p95: 0), accrual: 0, probabilityOfExtra: 1, expectedExtra: 1_000_000,
            extra: Percentiles(p5: 0, p10: 0, p50: 0, p90: 0, p95: 0), largestExtra: 1_470_000
        )
        let upfrontOnly = RenewalStrategies.search(for: .standard, need: need).filter { $0.autoPurchase == nil }.map(\.name)
        #expect(
            upfrontOnly == [
                "payg", "upfront-100000", "upfront-2x100000", "upfront-250000", "upfront-3x100000", "upfront-250000+100000",
                "upfront-500000", "upfront-500000+100000", "upfront-1000000", "upfront-1000000+100000", "upfront-1000000+2x100000",
                "upfront-1000000+250000", "upfront-1000000+3x100000", "upfront-1000000+250000+100000", "upfront-1000000+500000",
            ])
        // Each up-front combination also runs with each auto-purchase, and each auto-purchase alone.
        #expect(RenewalStrategies.search(for: .standard, need: need).count == 15 + 4 + 14 * 4)
    }

    /// A need far beyond the packages stops at the stated bound of 12 packages up front.
    @Test func theSearchIsBounded() {
        let need = RenewalNeed(
            usage: Percentiles(p5: 0, p10: 0, p50: 0, p90: 0, p95: 0), accrual: 0, probabilityOfExtra: 1, expectedExtra: 0,
            extra: Percentiles(p5: 0, p10: 0, p50: 0, p90: 0, p95: 0), largestExtra: 50_000_000
        )
        let upfront = RenewalStrategies.search(for: .standard, need: need).map(\.upfront).filter { !$0.isEmpty }
        #expect(upfront.map(\.count).max() == RenewalStrategies.maximumPackagesUpfront)
        #expect(RenewalStrategies.name(upfront: upfront.last!, auto: nil) == "upfront-12x1000000")
        var noPackages = Pricing.standard
        noPackages.packages = []
        #expect(RenewalStrategies.search(for: noPackages, need: need).map(\.name) == ["payg"])
    }
}
