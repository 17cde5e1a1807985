import CreditCore
import CreditForecast

/// Forecasts built by hand for the decision tests.
enum DecisionFixtures {
    static func month(_ text: String) -> Month { Month(text)! }

    /// A month whose only figures that matter here are the cumulative chances and forfeits.
    static func monthForecast(_ text: String, capByThen: Double, shortByThen: Double, forfeited: Double = 0, shortfall: Double = 0)
        -> MonthForecast
    {
        let flat = Percentiles(p5: 0, p10: 0, p50: 0, p90: 0, p95: 0)
        return MonthForecast(
            month: month(text), seats: 10, accrual: 30_000, cap: 150_000, usage: flat, opening: flat, closing: flat,
            closingMean: 0, probabilityOfCapHit: 0, probabilityOfShortfall: 0, forfeitedMean: forfeited, shortfallMean: shortfall,
            payAsYouGoCostMean: Money(cents: Int((shortfall * 3.5).rounded())), probabilityOfCapHitByThen: capByThen,
            probabilityOfShortfallByThen: shortByThen
        )
    }

    /// A workspace over four months from 2026-05 with the given cumulative chances, forfeits
    /// and shortfalls (billed pay-as-you-go at $0.035 a credit) per month.
    static func workspace(
        _ name: String, balance: Int = 60_000, cap: [Double], short: [Double], forfeited: [Double] = [0, 0, 0, 0],
        shortfall: [Double] = [0, 0, 0, 0]
    ) -> WorkspaceForecast {
        let months = ["2026-05", "2026-06", "2026-07", "2026-08"].enumerated().map { index, text in
            monthForecast(text, capByThen: cap[index], shortByThen: short[index], forfeited: forfeited[index], shortfall: shortfall[index])
        }
        return WorkspaceForecast(
            name: name, plan: "growth", seats: 10, startingBalance: balance, cap: 150_000, months: months,
            probabilityOfAnyCapHit: cap[3], probabilityOfAnyShortfall: short[3], capHitLikelyBy: nil, shortfallLikelyBy: nil,
            expectedForfeited: forfeited.reduce(0, +), expectedShortfall: 0, expectedPayAsYouGoCost: .zero, trials: 100
        )
    }
}
