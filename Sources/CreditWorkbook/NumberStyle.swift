/// How a column's numbers are shown: the Excel number format its cells carry.
///
/// The values stay exact numbers; the style only decides how many decimals and which sign a
/// reader sees, as the CSV files' column conventions do (see `ForecastCSV`).
public enum NumberStyle: String, Hashable, Sendable, CaseIterable {
    /// Text, months and names: no number format.
    case text
    /// Whole credits, seats, ranks: `12,000`.
    case whole
    /// Means of credits: `1,234.5`.
    case mean
    /// A probability or share: `81.3%` for 0.8125.
    case percent
    /// Dollars to the cent: `$2,500.00`.
    case dollars
    /// A column whose unit differs by row (sensitivity's values are dollars or probabilities).
    case general

    /// The Excel number format, or `nil` for none.
    var excelFormat: String? {
        switch self {
        case .text: nil
        case .whole: "#,##0"
        case .mean: "#,##0.0"
        case .percent: "0.0%"
        case .dollars: "$#,##0.00"
        case .general: "#,##0.00##"
        }
    }

    /// The style of a report CSV's column, by its name; `nil` for a column no report writes, so
    /// that a new column cannot reach a workbook without a decision on how it reads
    /// (`NumberStyleTests` checks every report's every column).
    static func ofColumn(_ name: String) -> NumberStyle? {
        if let style = named[name] { return style }
        if name.hasPrefix("p_") { return .percent }
        if name.hasPrefix("usage_p") || name.hasPrefix("balance_p") { return .whole }
        return nil
    }

    private static let named: [String: NumberStyle] = {
        var styles: [String: NumberStyle] = [:]
        let byStyle: [(NumberStyle, [String])] = [
            (
                .text,
                [
                    "workspace", "month", "plan", "status", "reason", "strategy", "scenario", "renewal", "runner_up", "purchase",
                    "first_month", "last_month", "cap_likely_by", "shortfall_likely_by", "measure", "driver", "low_setting",
                    "high_setting", "cost_note",
                ]
            ),
            (
                .whole,
                [
                    "rank", "seats", "accrual", "cap", "balance", "starting_balance", "plan_accrual", "extra_credits_p90",
                    "recommended", "strategies_searched", "seats_last", "accrual_last", "cap_last", "opening", "forfeited", "used",
                    "purchased", "payg", "closing", "purchased_balance", "expired", "shortfall",
                ]
            ),
            (
                .mean,
                [
                    "balance_mean", "forfeited_mean", "shortfall_mean", "expected_forfeited", "expected_shortfall",
                    "expected_unused_credits", "expected_extra_credits", "expected_forfeited_next_quarter",
                    "expected_shortfall_in_window", "expected_forfeited_in_window",
                ]
            ),
            (.percent, ["pct_of_cap"]),
            (
                .dollars,
                [
                    "payg_cost_mean", "expected_payg_cost", "expected_cost", "p90_cost", "saving_vs_payg", "runner_up_expected_cost",
                    "runner_up_p90_cost", "expected_extra_cost", "p90_extra_cost", "expected_payg_in_window", "cost",
                    "expected_package_cost", "seat_fees", "total_cost",
                ]
            ),
            (.general, ["baseline", "at_low", "at_high", "swing"]),
        ]
        for (style, names) in byStyle {
            for name in names { styles[name] = style }
        }
        return styles
    }()
}
