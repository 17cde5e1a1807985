import CreditCore
import CreditForecast
import CreditLedger
import Foundation

@testable import CreditReports

/// Hand-built inputs shared by the report tests.
enum Fixtures {
    static func month(_ text: String) -> Month { Month(text)! }

    /// The vendor's walk-through: 10 Growth seats from April, opening 0, replayed by the real ledger.
    static var walkThrough: [LedgerMonth] {
        Ledger(rules: PurchaseRules(pricing: .standard), cap: .monthsOfAccrual(5))
            .replay(from: month("2026-04"), opening: 0, accruals: [30_000, 30_000, 30_000, 30_000], usage: [18_000, 5_000, 8_000, 50_000])
    }

    /// A month whose percentiles are spread around `closing`.
    static func monthForecast(
        _ text: String, opening: Int, usage: Int, closing: Int, pCap: Double, pShort: Double,
        forfeited: Double = 0, shortfall: Double = 0, payg: Money = .zero, seats: Int = 10, accrual: Int = 30_000, cap: Int = 150_000
    ) -> MonthForecast {
        MonthForecast(
            month: month(text), seats: seats, accrual: accrual, cap: cap,
            usage: Percentiles(p5: usage - 4_000, p10: usage - 3_000, p50: usage, p90: usage + 3_000, p95: usage + 4_000),
            opening: Percentiles(p5: opening - 2_000, p10: opening - 1_000, p50: opening, p90: opening + 1_000, p95: opening + 2_000),
            closing: Percentiles(p5: closing - 5_000, p10: closing - 4_000, p50: closing, p90: closing + 4_000, p95: closing + 5_000),
            closingMean: Double(closing) + 12.34, probabilityOfCapHit: pCap, probabilityOfShortfall: pShort,
            forfeitedMean: forfeited, shortfallMean: shortfall, payAsYouGoCostMean: payg
        )
    }

    /// Two workspaces, two months after 2026-03: `Beta` runs short, `Acme` sits near its cap.
    static func run(names: (String, String) = ("Acme", "Beta")) -> ForecastRun {
        let acme = WorkspaceForecast(
            name: names.0, plan: "growth", seats: 10, startingBalance: 120_000, cap: 150_000,
            months: [
                monthForecast("2026-04", opening: 120_000, usage: 10_000, closing: 140_000, pCap: 0.05, pShort: 0),
                monthForecast("2026-05", opening: 140_000, usage: 12_000, closing: 146_000, pCap: 0.41235, pShort: 0, forfeited: 1_234.56),
            ],
            probabilityOfAnyCapHit: 0.43, probabilityOfAnyShortfall: 0, capHitLikelyBy: nil, shortfallLikelyBy: nil,
            expectedForfeited: 1_234.56, expectedShortfall: 0, expectedPayAsYouGoCost: .zero, trials: 3,
            closingPaths: [140_000, 146_000, 139_000, 150_000, 141_000, 145_000]
        )
        let beta = WorkspaceForecast(
            name: names.1, plan: "launch", seats: 5, startingBalance: 6_000, cap: 50_000,
            months: [
                monthForecast(
                    "2026-04", opening: 6_000, usage: 14_000, closing: 5_000, pCap: 0, pShort: 0.25, seats: 5, accrual: 10_000, cap: 50_000),
                monthForecast(
                    "2026-05", opening: 5_000, usage: 16_000, closing: 4_000, pCap: 0, pShort: 0.6,
                    shortfall: 2_500.05, payg: Money(cents: 8_750), seats: 5, accrual: 10_000, cap: 50_000),
            ],
            probabilityOfAnyCapHit: 0, probabilityOfAnyShortfall: 0.7, capHitLikelyBy: nil, shortfallLikelyBy: month("2026-05"),
            expectedForfeited: 0, expectedShortfall: 3_000.04, expectedPayAsYouGoCost: Money(cents: 10_500), trials: 3,
            closingPaths: [5_000, 4_000, 1_000, 0, 9_000, 8_000]
        )
        return ForecastRun(
            settings: ForecastSettings(horizon: 2, trials: 3, seed: 42, model: .bootstrap, keepPaths: true),
            asOf: month("2026-03"), inputHash: "00ff00ff00ff00ff", workspaces: [acme, beta]
        )
    }

    static let assumptions = ReportAssumptions(pricing: "PAYG $0.035", rules: "cap 5 months")

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
