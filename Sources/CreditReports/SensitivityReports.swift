import CreditCore
import CreditDecisions
import CreditForecast

/// What drives each workspace's renewal: `sensitivity.csv`, `sensitivity.md` and one tornado
/// chart per workspace, `charts/tornado-<workspace>.svg` (`TornadoChart`), written by
/// `creditcast renew --sensitivity` beside the renewal plan.
public struct SensitivityReports: Sendable {
    /// Every workspace's analysis, in the plan's workspace order.
    public var analyses: [WorkspaceSensitivity]
    /// The risk measure the renewal cost is taken by.
    public var risk: RenewalRisk

    /// The reports of `analyses`, whose costs are by `risk`.
    public init(analyses: [WorkspaceSensitivity], risk: RenewalRisk) {
        self.analyses = analyses
        self.risk = risk
    }

    /// The columns of `sensitivity.csv`.
    public static let header = [
        "workspace", "renewal", "strategy", "measure", "rank", "driver", "low_setting", "high_setting",
        "baseline", "at_low", "at_high", "swing",
    ]

    /// Each workspace's chart path inside the report, in order.
    public var chartPaths: [String] {
        ChartFileNames.names(for: analyses.map(\.workspace)).map { "\(ForecastReports.chartDirectory)/tornado-\($0)" }
    }

    /// A measure's value as a CSV cell: money with 2 decimals, a probability with 4.
    private static func cell(_ measure: SensitivityMeasure, _ outcome: SensitivityOutcome) -> CSVCell {
        switch measure {
        case .renewalCost: .money(outcome.renewalCost)
        case .shortfallProbability: .decimal(outcome.shortfallProbability, places: ForecastCSV.probabilityPlaces)
        }
    }

    /// A swing as a CSV cell.
    private static func swingCell(_ measure: SensitivityMeasure, _ effect: SensitivityEffect) -> CSVCell {
        switch measure {
        case .renewalCost: .money(Money(cents: abs(effect.atHigh.renewalCost.cents - effect.atLow.renewalCost.cents)))
        case .shortfallProbability: .decimal(effect.swing(.shortfallProbability), places: ForecastCSV.probabilityPlaces)
        }
    }

    /// A measure's value for people: `$2,500.00`, `12.3%`.
    static func text(_ measure: SensitivityMeasure, _ outcome: SensitivityOutcome) -> String {
        switch measure {
        case .renewalCost: outcome.renewalCost.formatted
        case .shortfallProbability: FixedDecimal.percent(outcome.shortfallProbability)
        }
    }

    /// A swing for people: `$1,200.00`, `12.3 points`.
    static func swingText(_ measure: SensitivityMeasure, _ effect: SensitivityEffect) -> String {
        switch measure {
        case .renewalCost: Money(cents: abs(effect.atHigh.renewalCost.cents - effect.atLow.renewalCost.cents)).formatted
        case .shortfallProbability: FixedDecimal.text(effect.swing(.shortfallProbability) * 100, places: 1) + " points"
        }
    }

    /// `sensitivity.csv`: per workspace and measure, every driver in tornado order (rank 1 moves
    /// the result most).
    package var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        for analysis in analyses {
            for measure in SensitivityMeasure.allCases {
                for (rank, effect) in analysis.tornado(measure).enumerated() {
                    table.rows.append([
                        .text(analysis.workspace), .month(analysis.renewal), .text(analysis.strategy), .text(measure.rawValue),
                        .integer(rank + 1), .text(effect.driver.rawValue), .text(effect.range.low.value.description),
                        .text(effect.range.high.value.description), Self.cell(measure, analysis.baseline),
                        Self.cell(measure, effect.atLow), Self.cell(measure, effect.atHigh), Self.swingCell(measure, effect),
                    ])
                }
            }
        }
        return table
    }

    /// `sensitivity.md`: how each driver's P10 and P90 are set, then per workspace its chart and
    /// a table per measure, the driver that matters most first.
    public func markdown(provenance: ReportProvenance) -> String {
        let cost = risk == .mean ? "expected cost" : "90th-percentile cost"
        var out = "# What drives the renewal\n\n"
        out +=
            "Each driver is set to its P10 and to its P90, one at a time, on the same \(provenance.trials.groupedThousands) trials "
            + "as the renewal plan (seed \(provenance.seed)), and the \(cost) of the strategy recommended in the baseline and the "
            + "chance of a shortfall in the renewal year (some month's usage not covered by the pool or purchased credits) are "
            + "simulated again. The longest bar is the assumption that matters most.\n\n"
        out += "- **usage level:** usage scaled by the P10 and P90 of the history's monthly totals over their mean.\n"
        out +=
            "- **trend:** the slope of log monthly usage moved by its own P10/P90 estimation error (1.2816 standard errors), "
            + "compounding month by month.\n"
        out +=
            "- **heaviest seats:** the heaviest tenth of the seats (at least one) each at their own P10 or P90 month instead of their mean month.\n"
        out +=
            "- **seat count:** seats added or removed from the first forecast month: the P10 and P90 of the history's month-to-month "
            + "seat changes, at least one seat each way; added seats use credits like the average seat.\n"
        out += "- **plan:** every seat on the plan with the next lower or next higher allowance.\n"
        for (analysis, chart) in zip(analyses, chartPaths) {
            out += "\n## \(MarkdownTable.escape(analysis.workspace))\n\n"
            out +=
                "Renewal \(analysis.renewal); recommended `\(analysis.strategy)`, \(cost) \(analysis.baseline.renewalCost.formatted), "
                + "P(shortfall) \(FixedDecimal.percent(analysis.baseline.shortfallProbability)).\n\n"
            out += "![What drives the renewal of \(MarkdownTable.escape(analysis.workspace))](\(chart))\n"
            for measure in SensitivityMeasure.allCases {
                out += "\n**\(measure.title.prefix(1).uppercased() + measure.title.dropFirst())**\n\n"
                out +=
                    MarkdownTable(
                        columns: [
                            .init("driver"), .init("P10 setting"), .init("P90 setting"), .init("at P10", .right), .init("at P90", .right),
                            .init("swing", .right),
                        ],
                        rows: analysis.tornado(measure).map { effect in
                            [
                                effect.driver.title, effect.range.low.value.description, effect.range.high.value.description,
                                Self.text(measure, effect.atLow), Self.text(measure, effect.atHigh), Self.swingText(measure, effect),
                            ]
                        }
                    ).text
            }
        }
        return out + provenance.markdownSection
    }

    /// The files: the charts, `sensitivity.csv` and `sensitivity.md`.
    public func files(provenance: ReportProvenance) -> [ReportFile] {
        zip(analyses, chartPaths).map { ReportFile(path: $1, text: TornadoChart(analysis: $0, risk: risk).svg) }
            + [
                ReportFile(path: "sensitivity.csv", text: csv.text),
                ReportFile(path: "sensitivity.md", text: markdown(provenance: provenance)),
            ]
    }
}
