import CreditCore
import CreditDecisions
import CreditForecast

/// The renewal plan's files, `renew.csv`, `renew.md` and `provenance.json`, and what
/// `creditcast renew` prints.
public struct RenewReports: Sendable {
    /// The plan reported.
    public var plan: RenewalPlan
    /// The forecast settings, as-of month and input hash (its `workspaces` may be empty).
    public var run: ForecastRun
    /// The prices and rules assumed.
    public var assumptions: ReportAssumptions
    /// What drives each workspace's renewal, when asked for (`renew --sensitivity`).
    public var sensitivity: SensitivityReports?

    /// The reports of `plan`, simulated as `run` says, under `assumptions`, with the
    /// `sensitivity` analysis beside them if there is one.
    public init(plan: RenewalPlan, run: ForecastRun, assumptions: ReportAssumptions, sensitivity: SensitivityReports? = nil) {
        self.plan = plan
        self.run = run
        self.assumptions = assumptions
        self.sensitivity = sensitivity
    }

    /// The columns of `renew.csv`.
    public static let header = [
        "workspace", "scenario", "renewal", "strategy", "expected_cost", "p90_cost", "p_any_payg",
        "expected_unused_credits", "recommended", "saving_vs_payg",
    ]

    /// `renew.csv`: one row per workspace, scenario and strategy. `recommended` is 1 on the
    /// strategy to buy; `saving_vs_payg` is what it saves against pay-as-you-go only, by the
    /// plan's risk measure, and empty on the other rows.
    var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        for recommendation in plan.recommendations {
            let forecast = recommendation.forecast
            for (index, outcome) in forecast.outcomes.enumerated() {
                let chosen = index == recommendation.recommendedIndex
                table.rows.append([
                    .text(forecast.name), .text(recommendation.scenario), .month(forecast.renewal),
                    .literal(outcome.strategy.name), .money(outcome.expectedCost), .money(outcome.p90Cost),
                    .decimal(outcome.probabilityOfAnyPayAsYouGo, places: ForecastCSV.probabilityPlaces),
                    .decimal(outcome.expectedUnusedCredits, places: ForecastCSV.meanPlaces),
                    .integer(chosen ? 1 : 0), chosen ? .money(recommendation.savingAgainstPayAsYouGo) : .empty,
                ])
            }
        }
        return table
    }

    private var riskWords: String {
        switch plan.risk {
        case .mean: "the lowest expected cost"
        case .p90: "the lowest 90th-percentile cost (a bad year's bill)"
        }
    }

    /// `renew.md`: front matter, assumptions, the portfolio total per scenario, then one block
    /// per workspace with every strategy.
    public var markdown: String {
        let p = ReportProvenance(run: run, assumptions: assumptions)
        let workspaces = Set(plan.recommendations.map(\.forecast.name)).count
        var out = p.frontMatter + "\n# Renewal purchase plan\n\n"
        out += "\(workspaces) workspace\(workspaces == 1 ? "" : "s"), each strategy simulated over the renewal year on the same "
            + "\(p.trials.groupedThousands) trials (seed \(p.seed), model \(MarkdownTable.escape(p.model))), history as of \(p.asOf). "
            + "Recommended: \(riskWords).\n\n"
        out += "- **Strategies:** `payg` pays as it goes; `upfront-N` buys N credits at the renewal month; `upfront-2xN` buys two; "
            + "`auto-N` buys N whenever credits run short.\n"
        out += "- **Unused credits:** purchased credits left at the end of the renewal year (an up-front package's expire then).\n"
        if let prior = run.settings.portfolioPrior { out += PriorText.bullets(prior) }
        out += "- **Pool rules:** \(MarkdownTable.escape(p.rules)).\n- **Prices:** \(MarkdownTable.escape(p.pricing)).\n\n"
        out += "## Portfolio\n\n"
        let measure = plan.risk == .mean ? "expected" : "P90"
        out += MarkdownTable(columns: [
            .init("scenario"), .init("pay-as-you-go only (\(measure))", .right), .init("recommended (\(measure))", .right),
            .init("saving", .right),
        ], rows: plan.scenarios.map { scenario in
            let total = plan.total(scenario: scenario)
            return [scenario, total.payAsYouGo.formatted, total.recommended.formatted, total.saving.formatted]
        }).text
        out += "\n## Workspaces\n"
        var current: String?
        for recommendation in plan.recommendations {
            let forecast = recommendation.forecast
            if forecast.name != current {
                current = forecast.name
                out += "\n### \(MarkdownTable.escape(forecast.name))\n\n"
                out += "\(forecast.plan.isEmpty ? "" : MarkdownTable.escape(forecast.plan) + ", ")\(forecast.seats.groupedThousands) seats, "
                    + "balance now \(forecast.startingBalance.groupedThousands); renewal year \(forecast.renewal) to "
                    + "\(forecast.renewal.advanced(by: ForecastEngine.renewalYearMonths - 1)).\n"
            }
            out += "\n**\(MarkdownTable.escape(recommendation.scenario))**: buy `\(recommendation.recommended.strategy.name)`, "
                + "saving \(recommendation.savingAgainstPayAsYouGo.formatted) against pay-as-you-go only.\n\n"
            out += MarkdownTable(columns: [
                .init("strategy"), .init("expected cost", .right), .init("P90 cost", .right), .init("P(any PAYG)", .right),
                .init("unused credits", .right), .init("recommended"),
            ], rows: forecast.outcomes.enumerated().map { index, outcome in
                [
                    outcome.strategy.name, outcome.expectedCost.formatted, outcome.p90Cost.formatted,
                    FixedDecimal.percent(outcome.probabilityOfAnyPayAsYouGo), FixedDecimal.groupedWhole(outcome.expectedUnusedCredits),
                    index == recommendation.recommendedIndex ? "yes" : "",
                ]
            }).text
        }
        return out
    }

    /// The report's files: `renew.csv`, `provenance.json`, `renew.md`, and with a sensitivity
    /// analysis its charts, `sensitivity.csv` and `sensitivity.md` (the sidecar then covers both CSVs).
    public var files: ReportSet {
        let provenance = ReportProvenance(run: run, assumptions: assumptions)
        return ReportSet(files: [
            ReportFile(path: "renew.csv", text: csv.text),
            ReportFile(
                path: "provenance.json",
                text: provenance.json(describing: ["renew.csv"] + (sensitivity == nil ? [] : ["sensitivity.csv"]))
            ),
            ReportFile(path: "renew.md", text: markdown),
        ] + (sensitivity?.files(provenance: provenance) ?? []))
    }

    /// What the command prints: each workspace's recommendation per scenario (at most `limit`
    /// rows), the portfolio totals, and where the files are.
    public func summary(reportDirectory: String, limit: Int = 20) -> String {
        var out = "Renewal plan for \(Set(plan.recommendations.map(\.forecast.name)).count) workspace(s), "
            + "\(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed); recommended by \(riskWords).\n\n"
        let shown = plan.recommendations.prefix(max(0, limit))
        out += TextTable(
            headings: ["workspace", "scenario", "renewal", "buy", "expected cost", "P90 cost", "saving vs PAYG"],
            alignments: [.left, .left, .left, .left, .right, .right, .right],
            rows: shown.map { r in
                [
                    r.forecast.name, r.scenario, r.forecast.renewal.description, r.recommended.strategy.name,
                    r.recommended.expectedCost.formatted, r.recommended.p90Cost.formatted, r.savingAgainstPayAsYouGo.formatted,
                ]
            }
        ).text
        if shown.count < plan.recommendations.count { out += "(\(plan.recommendations.count - shown.count) more in renew.csv)\n" }
        out += "\n" + TextTable(
            headings: ["portfolio", "PAYG only", "recommended", "saving"], alignments: [.left, .right, .right, .right],
            rows: plan.scenarios.map { scenario in
                let total = plan.total(scenario: scenario)
                return [scenario, total.payAsYouGo.formatted, total.recommended.formatted, total.saving.formatted]
            }
        ).text
        out += "\nReports in \(ReportText.singleLine(reportDirectory)): renew.md, renew.csv, provenance.json"
        if let sensitivity {
            let charts = sensitivity.analyses.count
            out += ", sensitivity.md, sensitivity.csv, \(ForecastReports.chartDirectory)/ (\(charts) tornado chart\(charts == 1 ? "" : "s"))"
        }
        out += ".\n"
        return out
    }
}
