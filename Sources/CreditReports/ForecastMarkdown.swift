import CreditCore
import CreditForecast

/// `report.md`: the forecast for a finance or customer-success reader.
///
/// It states the assumptions in words, ranks every workspace by urgency in one summary table,
/// then gives the most urgent workspaces (at most `detailLimit`, saying how many are left out)
/// a month table in the spirit of the vendor's walk-through and their balance chart, and ends
/// with the provenance as a fenced JSON block. Credits show thousands separators and probabilities
/// show as percentages, because people read this file, not programs (those read the CSVs).
struct ForecastMarkdown: Sendable {
    /// The run reported.
    var run: ForecastRun
    /// The indices of `run`'s workspaces, most urgent first (`UrgencyRanking`).
    var order: [Int]
    /// Its provenance (the closing section, and the assumptions).
    var provenance: ReportProvenance
    /// Each workspace's chart path relative to the report, by workspace index in `run`; `nil`
    /// for a workspace without a chart.
    var chartPaths: [String?]
    /// How many workspaces get a detailed section.
    var detailLimit: Int
    /// Each workspace's plain annual answer, by workspace index in `run`; empty when not simulated.
    var annual: [AnnualAnswer]

    /// The report of `run`, its workspaces listed in `order`; `chartPaths[i]` is the chart of
    /// `run.workspaces[i]`.
    init(
        run: ForecastRun, order: [Int], provenance: ReportProvenance, chartPaths: [String?], detailLimit: Int = 20,
        annual: [AnnualAnswer] = []
    ) {
        precondition(chartPaths.count == run.workspaces.count, "one chart path (or none) per workspace")
        precondition(annual.isEmpty || annual.count == run.workspaces.count, "one annual answer per workspace, or none")
        self.annual = annual
        self.run = run
        self.order = order
        self.provenance = provenance
        self.chartPaths = chartPaths
        self.detailLimit = detailLimit
    }

    /// What each usage model does, in a reader's words.
    private static let modelWords: [UsageModelKind: String] = [
        .bootstrap: "each forecast month replays a whole month of the workspace's own history, drawn at random; no trend",
        .seats: "per-seat usage with a workspace-wide common factor and a damped trend",
    ]

    /// The Markdown document.
    var text: String {
        let p = provenance
        let count = run.workspaces.count
        var out = "# Credit pool forecast\n\n"
        out +=
            "\(count) workspace\(count == 1 ? "" : "s"), forecast for \(p.firstMonth) to \(p.lastMonth) "
            + "(\(p.horizon) month\(p.horizon == 1 ? "" : "s") after the history ending \(p.asOf)).\n\n"

        out += "## Assumptions\n\n"
        let model = Self.modelWords[run.settings.model].map { "\(p.model): \($0)" } ?? p.model
        out += "- **Usage model:** \(MarkdownTable.escape(model)).\n"
        if let prior = run.settings.portfolioPrior { out += PriorText.bullets(prior) }
        if let precision = p.precision {
            // Each workspace stops on its own, so its count is shown in its section.
            out +=
                "- **Trials:** per workspace, until every probability's standard error was below \(precision)"
                + " (at most \(p.trials.groupedThousands) were needed), seed \(p.seed); the same inputs and seed give the same numbers.\n"
        } else {
            out +=
                "- **Trials:** \(p.trials.groupedThousands) per workspace, seed \(p.seed); the same inputs and seed give the same numbers.\n"
        }
        out +=
            "- **Horizon:** \(p.horizon) month\(p.horizon == 1 ? "" : "s"), \(p.firstMonth) to \(p.lastMonth); history as of \(p.asOf).\n"
        out += "- **Pool rules:** \(MarkdownTable.escape(p.rules)).\n"
        out += "- **Prices:** \(MarkdownTable.escape(p.pricing)).\n"
        if !p.startingBalances.isEmpty {
            out += "- **Starting balances:** \(MarkdownTable.escape(p.startingBalances)).\n"
        }
        out += "- **Inputs:** hash \(MarkdownTable.escape(p.inputHash)), creditcast \(MarkdownTable.escape(p.toolVersion)).\n"
        out +=
            "- **Reading the numbers:** P10 / P50 / P90 are the levels that 10% / 50% / 90% of trials stay at or below; "
            + "\"likely by\" is the first month by which the event has more than a 50% chance of having happened.\n\n"

        let workspaces = run.workspaces
        out +=
            "## Summary\n\nMost urgent first, as the watchlist ranks them: running short, then near the cap, then the rest; "
            + "within each, the earlier month the event becomes likely, then the more credits at stake.\n\n"
        // One row per workspace of the portfolio, made as it is written rather than held.
        out += MarkdownTable.text(
            columns: [
                .init("workspace"), .init("plan"), .init("seats", .right), .init("balance now", .right), .init("cap", .right),
                .init("P(shortfall)", .right), .init("shortfall likely by"), .init("P(cap hit)", .right), .init("cap likely by"),
                .init("expected forfeited", .right), .init("expected shortfall", .right), .init("expected PAYG cost", .right),
            ],
            count: order.count
        ) { row in
            let w = workspaces[order[row]]
            return [
                w.name, w.plan, w.seats.groupedThousands, w.startingBalance.groupedThousands, w.cap.groupedThousands,
                FixedDecimal.percent(w.probabilityOfAnyShortfall), w.shortfallLikelyBy?.description ?? "—",
                FixedDecimal.percent(w.probabilityOfAnyCapHit), w.capHitLikelyBy?.description ?? "—",
                FixedDecimal.groupedWhole(w.expectedForfeited), FixedDecimal.groupedWhole(w.expectedShortfall),
                w.expectedPayAsYouGoCost.formatted,
            ]
        }

        // Charts follow their workspace by index, not by name: names may repeat.
        let shown = min(max(0, detailLimit), order.count)
        out += "\n## Workspaces\n"
        if shown < order.count {
            let omitted = order.count - shown
            let everyChart = chartPaths.allSatisfy { $0 != nil } ? ", and charts/ holds every chart" : ""
            out +=
                "\nThe \(shown) most urgent workspaces; \(omitted) more \(omitted == 1 ? "is" : "are") left out here. "
                + "forecast.csv and summary.csv list every workspace\(everyChart).\n"
        }
        for (position, index) in order.prefix(shown).enumerated() {
            let (workspace, chart) = (workspaces[index], chartPaths[index])
            out += "\n### \(MarkdownTable.escape(workspace.name))\n\n"
            if !annual.isEmpty {
                let answer = annual[order[position]]
                out +=
                    answer.sentence(
                        buying: answer.outcome.strategy.autoPurchase == nil ? "Paying as it goes" : "Auto-purchase as configured")
                    + (answer.year.need.probabilityOfExtra > 0 ? "." : "") + "\n\n"
            }
            if let chart { out += "![Forecast pool balance of \(MarkdownTable.escape(workspace.name))](\(chart))\n\n" }
            if p.precision != nil { out += "\(workspace.trials.groupedThousands) trials.\n\n" }
            out += Self.monthTable(workspace).text
        }
        return out + p.markdownSection
    }

    /// A workspace's months as in the vendor's walk-through, with the spread of usage and
    /// balance, and what each month costs: mean credits forfeited at the cap, mean shortfall,
    /// and the expected pay-as-you-go bill.
    private static func monthTable(_ workspace: WorkspaceForecast) -> MarkdownTable {
        MarkdownTable(
            columns: [
                .init("month"), .init("opening P50", .right), .init("accrual", .right),
                .init("usage P10", .right), .init("usage P50", .right), .init("usage P90", .right),
                .init("closing P10", .right), .init("closing P50", .right), .init("closing P90", .right),
                .init("cap", .right), .init("P(cap hit)", .right), .init("P(shortfall)", .right),
                .init("forfeited", .right), .init("shortfall", .right), .init("PAYG cost", .right),
            ],
            rows: workspace.months.map { m in
                [m.month.description]
                    + [
                        m.opening.p50, m.accrual, m.usage.p10, m.usage.p50, m.usage.p90,
                        m.closing.p10, m.closing.p50, m.closing.p90, m.cap,
                    ].map(\.groupedThousands) + [
                        FixedDecimal.percent(m.probabilityOfCapHit), FixedDecimal.percent(m.probabilityOfShortfall),
                        FixedDecimal.groupedWhole(m.forfeitedMean), FixedDecimal.groupedWhole(m.shortfallMean),
                        m.payAsYouGoCostMean.formatted,
                    ]
            })
    }
}
