import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import Foundation
import Testing

/// The sensitivity (tornado) analysis: how each driver's P10 and P90 are set, and, on a history
/// whose workspace total never varies, every bar's ends as the deterministic ledger bills them.
@Suite struct SensitivityTests {
    static let first = Month("2025-01")!
    static let growth = Plan(name: "growth", monthlyAllowance: 3_000)

    /// Two Growth seats taking turns: "a" uses 2,000, 5,000, 2,000, … and "b" the other way
    /// round, so the workspace uses 7,000 every month of six against an accrual of 6,000.
    static func alternatingHistory() -> UsageHistory {
        let a = (0..<6).map { $0 % 2 == 0 ? 2_000 : 5_000 }
        let b = (0..<6).map { $0 % 2 == 0 ? 5_000 : 2_000 }
        return UsageHistory(
            workspaces: [
                WorkspaceHistory(
                    name: "team",
                    seats: [
                        SeatHistory(id: "a", firstOffset: 0, usage: a), SeatHistory(id: "b", firstOffset: 0, usage: b),
                    ])
            ],
            firstMonth: first, lastMonth: first.advanced(by: 5), hasWorkspaceColumn: true
        )
    }

    static let pool = WorkspacePool(name: "team", plan: growth, seats: nil, openingBalance: 0, balanceMonth: nil, cap: .monthsOfAccrual(5))

    /// What the ledger bills pay-as-you-go over the renewal year (the 12 months after the
    /// history) for a pool of `accrual` a month using `usage` a month, and whether any month is short.
    static func ledgerYear(accrual: Int, usage: Int) throws -> (cost: Money, short: Bool) {
        let history = alternatingHistory()
        let rules = PurchaseRules(pricing: .standard)
        var pool = try ForecastEngine.startingPool(
            for: history.workspaces[0], pool: Self.pool, history: history, pricing: .standard, rules: rules)
        var cost = Money.zero
        var short = false
        for offset in 1...12 {
            let row = pool.runMonth(history.lastMonth.advanced(by: offset), accrual: accrual, cap: 5 * accrual, usage: usage, rules: rules)
            cost = cost + row.packageCost + row.payAsYouGoCost
            short = short || row.shortfall > 0
        }
        return (cost, short)
    }

    static func analysis() throws -> WorkspaceSensitivity {
        let history = alternatingHistory()
        let pricing = Pricing.standard
        let rules = PurchaseRules(pricing: pricing)
        let settings = ForecastSettings(trials: 40, seed: 3, model: .bootstrap)
        let renewal = history.lastMonth.advanced(by: 1)
        let baseline = try ForecastEngine.runRenewal(
            history: history, pools: [pool], pricing: pricing, rules: rules, settings: settings, threads: 2, renewal: renewal
        ) { _, need in RenewalStrategies.search(for: pricing, need: need) }
        let analyses = try SensitivityAnalysis.run(
            history: history, pools: [pool], pricing: pricing, rules: rules, settings: settings, threads: 2, renewal: renewal,
            risk: .mean, baseline: baseline
        )
        return try #require(analyses.first)
    }

    @Test func everyDriversRangeOnAConstantTotal() throws {
        let analysis = try Self.analysis()
        let values = analysis.effects.map { "\($0.driver.rawValue): \($0.range.low.value) / \($0.range.high.value)" }
        #expect(
            values == [
                // Totals never vary: no level spread, and a flat trend fitted exactly.
                "usage-level: x1 / x1",
                "trend: x1 a month / x1 a month",
                // Seat "a" (tied with "b" on 21,000, first by id) at 2,000 or 5,000 instead of its
                // mean 3,500: (7,000 ∓ 1,500) / 7,000.
                "heaviest-seats: x0.785714 / x1.214286",
                // The seat count never changed: one seat each way.
                "seat-count: 1 seat fewer / 1 seat more",
                "plan: launch / pro",
            ])
        #expect(
            analysis.effects.filter { [.usageLevel, .trend].contains($0.driver) }.allSatisfy {
                $0.range.low.changes.isEmpty && $0.range.high.changes.isEmpty
            })
    }

    /// Baseline: 7,000 a month against 6,000 from an empty pool, 1,000 short every month:
    /// pay-as-you-go 12,000 × $0.035 = $420, cheaper than any package, so `payg` is recommended.
    @Test func everyBarIsWhatTheLedgerBills() throws {
        let analysis = try Self.analysis()
        #expect(analysis.strategy == "payg")
        #expect(analysis.baseline == SensitivityOutcome(renewalCost: Money(units: 420), shortfallProbability: 1))
        // Each setting's pool and usage, then what the ledger bills for them.
        let settings: [SensitivityDriver: (low: (accrual: Int, usage: Int), high: (accrual: Int, usage: Int))] = [
            .usageLevel: ((6_000, 7_000), (6_000, 7_000)),
            .trend: ((6_000, 7_000), (6_000, 7_000)),
            // 7,000 × 0.785714 = 5,499.998 → 5,500; 7,000 × 1.214286 = 8,500.002 → 8,500.
            .heaviestSeats: ((6_000, 5_500), (6_000, 8_500)),
            // One seat: 3,000 accrued, half the usage; three seats: 9,000 and one and a half times.
            .seatCount: ((3_000, 3_500), (9_000, 10_500)),
            .plan: ((4_000, 7_000), (8_000, 7_000)),
        ]
        for effect in analysis.effects {
            let setting = try #require(settings[effect.driver])
            let low = try Self.ledgerYear(accrual: setting.low.accrual, usage: setting.low.usage)
            let high = try Self.ledgerYear(accrual: setting.high.accrual, usage: setting.high.usage)
            #expect(effect.atLow == SensitivityOutcome(renewalCost: low.cost, shortfallProbability: low.short ? 1 : 0), "\(effect.driver)")
            #expect(
                effect.atHigh == SensitivityOutcome(renewalCost: high.cost, shortfallProbability: high.short ? 1 : 0), "\(effect.driver)")
        }
        // By hand: launch 3,000 short a month, $1,260; pro none; seat "a" heavy, 2,500 short, $1,050.
        let plan = try #require(analysis.effects.first { $0.driver == .plan })
        #expect(plan.atLow.renewalCost == Money(units: 1_260) && plan.atHigh.renewalCost == .zero)
        let heavy = try #require(analysis.effects.first { $0.driver == .heaviestSeats })
        #expect(heavy.atLow.renewalCost == .zero && heavy.atHigh.renewalCost == Money(units: 1_050))
        let seats = try #require(analysis.effects.first { $0.driver == .seatCount })
        #expect(seats.atLow.renewalCost == Money(units: 210) && seats.atHigh.renewalCost == Money(units: 630))
    }

    @Test func theTornadoPutsTheWidestSwingFirst() throws {
        let analysis = try Self.analysis()
        // Cost swings: plan $1,260, heaviest seats $1,050, seat count $420, level and trend $0.
        #expect(analysis.tornado(.renewalCost).map(\.driver) == [.plan, .heaviestSeats, .seatCount, .usageLevel, .trend])
        #expect(analysis.tornado(.renewalCost).map { $0.swing(.renewalCost) } == [1_260, 1_050, 420, 0, 0])
        // Shortfall swings: heaviest seats and plan both 0 ↔ 1 (ties in driver order), the rest 0.
        #expect(analysis.tornado(.shortfallProbability).map(\.driver) == [.heaviestSeats, .plan, .usageLevel, .trend, .seatCount])
        #expect(analysis.tornado(.shortfallProbability).map { $0.swing(.shortfallProbability) } == [1, 1, 0, 0, 0])
    }

    static func workspace(_ name: String, totals: [Int]) -> WorkspaceHistory {
        WorkspaceHistory(name: name, seats: [SeatHistory(id: "only", firstOffset: 0, usage: totals)])
    }

    static let months = (1...12).map { Month("2026-01")!.advanced(by: $0) }

    @Test func usageLevelIsTheHistorysP10AndP90OverItsMean() {
        // 1,000 … 10,000: nearest-rank P10 = 1,000 and P90 = 9,000, mean 5,500.
        let ranges = SensitivityAnalysis.ranges(
            for: Self.workspace("w", totals: (1...10).map { $0 * 1_000 }), pool: Self.pool, pricing: .standard, months: Self.months
        )
        #expect(ranges[0].low.value == .multiplier(UsageMultiplier(millionths: 181_818)))
        #expect(ranges[0].high.value == .multiplier(UsageMultiplier(millionths: 1_636_364)))
        #expect(
            ranges[0].high.changes == [
                ScenarioChange(workspace: "w", from: Self.months[0], usageMultiplier: UsageMultiplier(millionths: 1_636_364))
            ])
    }

    /// Totals 1,000, 3,000, 2,000: the log slope is ln 2 / 2 and the residuals are r, −2r, r
    /// with r = ln 4.5 / 6 over one degree of freedom, so the slope's standard error is
    /// √(6r² / 2) = r√3 and the P90 shift z·r√3.
    @Test func trendMovesTheSlopeByItsOwnStandardError() throws {
        let ranges = SensitivityAnalysis.ranges(
            for: Self.workspace("w", totals: [1_000, 3_000, 2_000]), pool: Self.pool, pricing: .standard, months: Self.months)
        let shift = SensitivityAnalysis.p90Score * log(4.5) / 6 * 3.0.squareRoot()
        let trend = ranges[1]
        #expect(trend.high.value == .monthlyGrowth(UsageMultiplier(millionths: Int((exp(shift) * 1e6).rounded()))))
        #expect(trend.low.value == .monthlyGrowth(UsageMultiplier(millionths: Int((exp(-shift) * 1e6).rounded()))))
        #expect(trend.high.changes.count == 12)
        #expect(trend.high.changes[11].usageMultiplier == UsageMultiplier(millionths: Int((exp(12 * shift) * 1e6).rounded())))
        #expect(trend.high.changes.map(\.from) == Self.months)
    }

    @Test func seatCountIsTheP10AndP90OfMonthlySeatChangesAtLeastOneEachWay() {
        // Seats joining at months 0, 0, 1, 3, 3, 3 of five: 2, 3, 3, 6, 6 seats; changes 1, 0, 3, 0.
        let seats = [0, 0, 1, 3, 3, 3].enumerated().map {
            SeatHistory(id: "s\($0.offset)", firstOffset: $0.element, usage: Array(repeating: 100, count: 5))
        }
        let ranges = SensitivityAnalysis.ranges(
            for: WorkspaceHistory(name: "w", seats: seats), pool: Self.pool, pricing: .standard, months: Self.months)
        #expect(ranges[3].low.value == .seats(-1))
        #expect(ranges[3].high.value == .seats(3))
        #expect(ranges[3].high.changes == [ScenarioChange(workspace: "w", from: Self.months[0], seats: .add(3))])
    }

    @Test func planMovesToTheNeighbouringPlansWhereThereAreAny() {
        func plans(_ plan: Plan?, seatPlans: [String?] = [nil]) -> String {
            let seats = seatPlans.enumerated().map {
                SeatHistory(id: "s\($0.offset)", plan: $0.element, firstOffset: 0, usage: [100, 100])
            }
            var pool = Self.pool
            pool.plan = plan
            let range = SensitivityAnalysis.ranges(
                for: WorkspaceHistory(name: "w", seats: seats), pool: pool, pricing: .standard, months: Self.months)[4]
            return "\(range.low.value) / \(range.high.value)"
        }
        #expect(plans(Plan(name: "launch", monthlyAllowance: 2_000)) == "same plan / growth")
        #expect(plans(Plan(name: "pro", monthlyAllowance: 4_000)) == "growth / same plan")
        #expect(plans(nil, seatPlans: ["launch", "pro"]) == "same plan / same plan")
    }
}
