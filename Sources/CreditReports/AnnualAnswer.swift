import CreditCore
import CreditForecast

/// One workspace's plain answer for a year: the credits it uses against what its plan accrues,
/// the chance of needing extra credits, and what buying them costs, from one strategy's
/// outcome on the year's trials (`forecast` and `renew` say it the same way).
public struct AnnualAnswer: Sendable {
    /// The year simulated, with its need.
    public var year: RenewalForecast
    /// How the extra credits are bought: the forecast's own rules, or the renewal's recommendation.
    public var outcome: StrategyOutcome

    /// The answer of `year` when buying as `outcome` did.
    public init(year: RenewalForecast, outcome: StrategyOutcome) {
        self.year = year
        self.outcome = outcome
    }

    /// The columns `annual.csv` and `renew-summary.csv` share, about the need.
    static let needHeader = [
        "usage_p10", "usage_p50", "usage_p90", "plan_accrual", "p_need_extra", "expected_extra_credits",
    ]

    /// The need's cells, in `needHeader`'s order.
    var needCells: [CSVCell] {
        let need = year.need
        return [
            .integer(need.usage.p10), .integer(need.usage.p50), .integer(need.usage.p90), .integer(need.accrual),
            .decimal(need.probabilityOfExtra, places: ForecastCSV.probabilityPlaces),
            .decimal(need.expectedExtra, places: ForecastCSV.meanPlaces),
        ]
    }

    /// The year's last month.
    var lastMonth: Month { year.renewal.advanced(by: ForecastEngine.renewalYearMonths - 1) }

    /// The answer as a Markdown sentence (the workspace's name escaped, strategy names as code),
    /// ending with `how`, the words for buying the extra credits ("buying `payg`").
    func sentence(buying how: String) -> String {
        let need = year.need
        var out =
            "Over \(year.renewal) to \(lastMonth) \(MarkdownTable.escape(year.name)) uses \(need.usage.p50.groupedThousands) credits "
            + "(P10 \(need.usage.p10.groupedThousands), P90 \(need.usage.p90.groupedThousands)) against "
            + "\(need.accrual.groupedThousands) its plan accrues; "
        guard need.probabilityOfExtra > 0 else {
            return out + "the pool covers the year in every trial, so it needs no extra credits."
        }
        out +=
            "it needs extra credits in \(FixedDecimal.percent(need.probabilityOfExtra)) of trials "
            + "(\(FixedDecimal.groupedWhole(need.expectedExtra)) on average). \(how) costs "
            // Escaped: two dollar signs on one line read as mathematics to GitHub's Markdown.
            + "\(MarkdownTable.escape(outcome.expectedCost.formatted)) expected (\(MarkdownTable.escape(outcome.p90Cost.formatted)) P90)"
        let buysPackages = !outcome.strategy.upfront.isEmpty || outcome.strategy.autoPurchase != nil
        if buysPackages { out += " and leaves \(FixedDecimal.groupedWhole(outcome.expectedUnusedCredits)) purchased credits unused" }
        return out
    }
}
