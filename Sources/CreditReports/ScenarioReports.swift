import CreditCore
import CreditForecast

/// A forecast's scenarios side by side with its baseline: `scenarios.csv`, `scenarios.md`, and
/// the totals `creditcast forecast --scenario` prints.
///
/// Every run here drew the same random numbers (common random numbers), so a difference
/// between a scenario and the baseline is the scenario's doing, not noise.
public struct ScenarioReports: Sendable {
    /// The runs: the baseline first, then each scenario, with their names.
    public var runs: [(name: String, run: ForecastRun)]

    /// The reports of `runs`, all of the same workspaces in the same order.
    public init(runs: [(name: String, run: ForecastRun)]) {
        precondition(
            runs.allSatisfy { $0.run.workspaces.map(\.name) == runs.first?.run.workspaces.map(\.name) },
            "every scenario forecasts the same workspaces")
        self.runs = runs
    }

    /// The columns of `scenarios.csv`.
    public static let header =
        [
            "workspace", "scenario", "seats_last", "accrual_last", "cap_last", "balance_p50_last", "p_any_cap", "p_any_shortfall",
            "cap_likely_by", "shortfall_likely_by", "expected_forfeited", "expected_shortfall", "expected_payg_cost",
            "expected_package_cost",
        ] + TotalCost.header

    /// One workspace's cost over the horizon: expected credit spend and seat fees.
    static func cost(_ workspace: WorkspaceForecast) -> TotalCost {
        TotalCost(creditSpend: workspace.expectedCreditSpend, seatFees: workspace.seatFees)
    }

    /// `scenarios.csv`: per workspace, the baseline and each scenario, with their last month's
    /// seats, accrual, cap and median balance and the horizon's chances and expectations.
    package var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        let count = runs.first?.run.workspaces.count ?? 0
        for index in 0..<count {
            for (name, run) in runs {
                let w = run.workspaces[index]
                let last = w.months.last
                table.rows.append(
                    [
                        .text(w.name), .text(name), .integer(last?.seats ?? w.seats), .integer(last?.accrual ?? 0),
                        .integer(last?.cap ?? w.cap), .integer(last?.closing.p50 ?? w.startingBalance),
                        .decimal(w.probabilityOfAnyCapHit, places: ForecastCSV.probabilityPlaces),
                        .decimal(w.probabilityOfAnyShortfall, places: ForecastCSV.probabilityPlaces),
                        w.capHitLikelyBy.map(CSVCell.month) ?? .empty, w.shortfallLikelyBy.map(CSVCell.month) ?? .empty,
                        .decimal(w.expectedForfeited, places: ForecastCSV.meanPlaces),
                        .decimal(w.expectedShortfall, places: ForecastCSV.meanPlaces), .money(w.expectedPayAsYouGoCost),
                        .money(w.expectedPackageCost),
                    ] + Self.cost(w).cells)
            }
        }
        return table
    }

    /// One scenario's portfolio totals: expected forfeited credits, expected pay-as-you-go
    /// cost, and the workspaces more likely than not to run short.
    public func totals(_ run: ForecastRun) -> (forfeited: Double, payAsYouGo: Money, likelyShort: Int) {
        run.workspaces.reduce((0.0, Money.zero, 0)) { sum, w in
            (sum.0 + w.expectedForfeited, sum.1 + w.expectedPayAsYouGoCost, sum.2 + (w.probabilityOfAnyShortfall > 0.5 ? 1 : 0))
        }
    }

    /// One scenario's portfolio cost over the horizon: every workspace's expected credit spend
    /// and seat fees.
    package func cost(_ run: ForecastRun) -> TotalCost { TotalCost(summing: run.workspaces.lazy.map(Self.cost)) }

    /// The portfolio's totals per scenario as a table, for `--format json`: expected forfeited
    /// credits, expected pay-as-you-go and package cost, the workspaces likely short, and the
    /// total cost.
    package var portfolio: CSVTable {
        var table = CSVTable(
            header: ["scenario", "expected_forfeited", "expected_payg_cost", "expected_package_cost", "likely_short"] + TotalCost.header)
        for (name, run) in runs {
            let total = totals(run)
            let cost = cost(run)
            table.rows.append(
                [
                    .text(name), .decimal(total.forfeited, places: ForecastCSV.meanPlaces), .money(total.payAsYouGo),
                    .money(run.workspaces.reduce(Money.zero) { $0 + $1.expectedPackageCost }), .integer(total.likelyShort),
                ] + cost.cells)
        }
        return table
    }

    /// The totals table's headings, for Markdown and the terminal alike.
    static let totalHeadings = [
        "scenario", "expected forfeited", "expected PAYG cost", "likely short", "seat fees", "expected total cost",
    ]

    /// The totals table, for Markdown and the terminal alike.
    private var totalRows: [[String]] {
        runs.map { name, run in
            let total = totals(run)
            let cost = cost(run)
            return [
                name, FixedDecimal.groupedWhole(total.forfeited), total.payAsYouGo.formatted, String(total.likelyShort),
                cost.seatFeesText, cost.totalText,
            ]
        }
    }

    /// What the total cost is made of, under the totals.
    private var costNote: String {
        "Total cost: seat fees (seat-months × each plan's seat price) plus expected pay-as-you-go and auto-purchased "
            + "packages over the horizon. Without a seat price for every plan involved, it is the \(TotalCost.creditSpendOnly).\n"
    }

    /// `scenarios.md`: the portfolio per scenario, then every workspace's figures side by side.
    public var markdown: String {
        guard let baseline = runs.first?.run else { return "" }
        let settings = baseline.settings
        var out =
            "# Scenarios\n\nThe baseline and every scenario on the same \(settings.trials.groupedThousands) trials "
            + "(seed \(settings.seed)), \(baseline.asOf.advanced(by: 1)) to \(baseline.asOf.advanced(by: settings.horizon)); "
            + "report.md and the other files describe the baseline.\n\n## Portfolio\n\n"
        out +=
            MarkdownTable(
                columns: Self.totalHeadings.enumerated().map { .init($1, $0 == 0 ? .left : .right) }, rows: totalRows
            ).text
        out += "\n" + costNote
        out += "\n## Workspaces\n\n"
        let count = baseline.workspaces.count
        out +=
            MarkdownTable(
                columns: [
                    .init("workspace"), .init("scenario"), .init("seats at end", .right), .init("P(shortfall)", .right),
                    .init("shortfall likely by"),
                    .init("P(cap hit)", .right), .init("cap likely by"), .init("expected forfeited", .right),
                    .init("expected PAYG cost", .right), .init("seat fees", .right), .init("expected total cost", .right),
                ],
                rows: (0..<count).flatMap { index in
                    runs.map { name, run in
                        let w = run.workspaces[index]
                        return [
                            w.name, name, (w.months.last?.seats ?? w.seats).groupedThousands,
                            FixedDecimal.percent(w.probabilityOfAnyShortfall),
                            w.shortfallLikelyBy?.description ?? "—", FixedDecimal.percent(w.probabilityOfAnyCapHit),
                            w.capHitLikelyBy?.description ?? "—", FixedDecimal.groupedWhole(w.expectedForfeited),
                            w.expectedPayAsYouGoCost.formatted, Self.cost(w).seatFeesText, Self.cost(w).totalText,
                        ]
                    }
                }
            ).text
        return out
    }

    /// The files: `scenarios.csv` and `scenarios.md`.
    public var files: [ReportFile] {
        [ReportFile(path: "scenarios.csv", text: csv.text), ReportFile(path: "scenarios.md", text: markdown)]
    }

    /// The totals per scenario for the terminal.
    public var summary: String {
        "\nScenarios (same trials):\n\n"
            + TextTable(
                headings: Self.totalHeadings, alignments: Self.totalHeadings.indices.map { $0 == 0 ? .left : .right }, rows: totalRows
            ).text + "\n" + costNote + "Every workspace per scenario in scenarios.md and scenarios.csv.\n"
    }
}
