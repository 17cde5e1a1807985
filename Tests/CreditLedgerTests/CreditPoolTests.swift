import CreditCore
import Testing

@testable import CreditLedger

/// The worked examples of credit-rules.md, every column asserted.
@Suite struct CreditPoolTests {
    let april = Month(year: 2026, month: 4)!

    func ledger(
        _ timing: CapTiming = .accrual, auto: CreditPackage? = nil, cap: CapRule = .monthsOfAccrual(5), buys: [Month: [CreditPackage]] = [:]
    ) -> Ledger {
        var pricing = Pricing.standard
        pricing.capTiming = timing
        return Ledger(rules: PurchaseRules(pricing: pricing, autoPurchase: auto), cap: cap, scheduledPurchases: buys)
    }

    @Test func vendorWalkThrough() {
        let rows = ledger().replay(
            from: april, opening: 0, accruals: [30_000, 30_000, 30_000, 30_000], usage: [18_000, 5_000, 8_000, 50_000])
        #expect(rows.map(\.month.description) == ["2026-04", "2026-05", "2026-06", "2026-07"])
        #expect(rows.map(\.opening) == [0, 12_000, 37_000, 59_000])
        #expect(rows.map(\.accrual) == [30_000, 30_000, 30_000, 30_000])
        #expect(rows.map(\.used) == [18_000, 5_000, 8_000, 50_000])
        #expect(rows.map(\.closing) == [12_000, 37_000, 59_000, 39_000])
        #expect(rows.map(\.cap) == [150_000, 150_000, 150_000, 150_000])
        #expect(rows.allSatisfy { $0.forfeited == 0 && $0.payAsYouGo == 0 && $0.purchased == 0 && $0.cost == .zero })
    }

    @Test(arguments: CapTiming.allCases)
    func walkThroughFitsBothTimings(_ timing: CapTiming) {
        let rows = ledger(timing).replay(
            from: april, opening: 0, accruals: Array(repeating: 30_000, count: 4), usage: [18_000, 5_000, 8_000, 50_000])
        #expect(rows.map(\.closing) == [12_000, 37_000, 59_000, 39_000])
    }

    @Test func atTheCapWithAccrualTiming() {
        let rows = ledger(.accrual).replay(
            from: april, opening: 140_000, accruals: Array(repeating: 30_000, count: 5), usage: [10_000, 5_000, 25_000, 40_000, 60_000])
        #expect(rows.map(\.opening) == [140_000, 140_000, 145_000, 125_000, 110_000])
        #expect(rows.map(\.forfeited) == [20_000, 20_000, 25_000, 5_000, 0])
        #expect(rows.map(\.closing) == [140_000, 145_000, 125_000, 110_000, 80_000])
        #expect(rows.map(\.usedFromPool) == [10_000, 5_000, 25_000, 40_000, 60_000])
    }

    @Test func atTheCapWithCloseTiming() {
        let rows = ledger(.close).replay(
            from: april, opening: 140_000, accruals: Array(repeating: 30_000, count: 5), usage: [10_000, 5_000, 25_000, 40_000, 60_000])
        #expect(rows.map(\.opening) == [140_000, 150_000, 150_000, 150_000, 140_000])
        #expect(rows.map(\.forfeited) == [10_000, 25_000, 5_000, 0, 0])
        #expect(rows.map(\.closing) == [150_000, 150_000, 150_000, 140_000, 110_000])
    }

    @Test func shortOfCreditsPaysAsYouGo() {
        let rows = ledger().replay(
            from: april, opening: 10_000, accruals: Array(repeating: 20_000, count: 3), usage: [40_000, 45_000, 30_000])
        #expect(rows.map(\.accrual) == [20_000, 20_000, 20_000])
        #expect(rows.map(\.shortfall) == [10_000, 25_000, 10_000])
        #expect(rows.map(\.payAsYouGo) == [10_000, 25_000, 10_000])
        #expect(rows.map(\.payAsYouGoCost) == [Money(cents: 35_000), Money(cents: 87_500), Money(cents: 35_000)])
        #expect(rows.map(\.closing) == [0, 0, 0])
        #expect(rows.map(\.cap) == [100_000, 100_000, 100_000])
    }

    @Test func shortOfCreditsWithAutoPurchase() {
        let package = Pricing.standard.packages[0]
        let rows = ledger(auto: package).replay(
            from: april, opening: 10_000, accruals: Array(repeating: 20_000, count: 3), usage: [40_000, 45_000, 30_000])
        #expect(rows.map(\.shortfall) == [10_000, 0, 0])
        #expect(rows.map(\.purchased) == [100_000, 0, 0])
        #expect(rows.map(\.packageCost) == [Money(units: 2_500), .zero, .zero])
        #expect(rows.map(\.usedFromLots) == [10_000, 25_000, 10_000])
        #expect(rows.map(\.purchasedBalance) == [90_000, 65_000, 55_000])
        #expect(rows.map(\.payAsYouGo) == [0, 0, 0])
        #expect(rows.map(\.cost) == [Money(units: 2_500), .zero, .zero])
    }

    @Test func autoPurchaseBuysWholePackagesUntilCovered() {
        let package = Pricing.standard.packages[0]
        let rows = ledger(auto: package).replay(from: april, opening: 0, accruals: [0], usage: [250_001])
        #expect(rows[0].purchased == 300_000)
        #expect(rows[0].packageCost == Money(units: 7_500))
        #expect(rows[0].purchasedBalance == 49_999)
    }

    @Test func scheduledLotExpiresAtTheStartOfItsTwelfthMonth() {
        let package = Pricing.standard.packages[0]
        let rows = ledger(buys: [april: [package]]).replay(
            from: april, opening: 0, accruals: Array(repeating: 0, count: 13), usage: [30_000] + Array(repeating: 0, count: 12))
        #expect(rows[0].purchased == 100_000)
        #expect(rows[0].usedFromLots == 30_000)
        #expect(rows[11].purchasedBalance == 70_000)
        #expect(rows[11].expired == 0)
        #expect(rows[12].month == Month(year: 2027, month: 4))
        #expect(rows[12].expired == 70_000)
        #expect(rows[12].purchasedBalance == 0)
    }

    @Test func lotsAreDrawnOldestFirstAfterThePool() {
        let small = Pricing.standard.packages[0]
        let large = Pricing.standard.packages[1]
        let may = april.advanced(by: 1)
        let rows = ledger(buys: [april: [small], may: [large]]).replay(
            from: april, opening: 0, accruals: [10_000, 10_000], usage: [0, 130_000])
        // May: 20,000 from the pool, then the April lot (100,000), then 10,000 of May's lot.
        #expect(rows[1].usedFromPool == 20_000)
        #expect(rows[1].usedFromLots == 110_000)
        #expect(rows[1].purchasedBalance == 240_000)
        #expect(rows[0].cost == Money(units: 2_500))
        #expect(rows[1].cost == Money(units: 5_500))
    }

    @Test func capBelowBalanceTakesNothingAwayUnderAccrualTiming() {
        // Seats removed: the cap falls to 50,000 below a 100,000 balance.
        let rows = ledger(.accrual).replay(from: april, opening: 100_000, accruals: [10_000], usage: [5_000])
        #expect(rows[0].cap == 50_000)
        #expect(rows[0].forfeited == 10_000)
        #expect(rows[0].closing == 95_000)
    }

    @Test func capBelowBalanceIsCutAtCloseUnderCloseTiming() {
        let rows = ledger(.close).replay(from: april, opening: 100_000, accruals: [10_000], usage: [5_000])
        #expect(rows[0].forfeited == 55_000)
        #expect(rows[0].closing == 50_000)
    }

    @Test func fixedCapIgnoresAccrual() {
        let rows = ledger(cap: .fixed(35_000)).replay(from: april, opening: 30_000, accruals: [30_000], usage: [0])
        #expect(rows[0].cap == 35_000)
        #expect(rows[0].forfeited == 25_000)
        #expect(rows[0].closing == 35_000)
    }

    @Test func payAsYouGoRoundsHalfUpOncePerMonth() {
        // 1 credit at 3.5 cents is 4 cents; 3 credits are 10.5 cents, so 11.
        #expect(UnitPrice(micros: 35_000).cost(ofCredits: 1) == Money(cents: 4))
        #expect(UnitPrice(micros: 35_000).cost(ofCredits: 3) == Money(cents: 11))
        let rows = ledger().replay(from: april, opening: 0, accruals: [0], usage: [3])
        #expect(rows[0].payAsYouGoCost == Money(cents: 11))
    }
}
