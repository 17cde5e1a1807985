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
    package var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        for recommendation in plan.recommendations {
            let forecast = recommendation.forecast
            for (index, outcome) in forecast.outcomes.enumerated() {
                let chosen = index == recommendation.recommendedIndex
                table.rows.append([
                    .text(forecast.name), .text(recommendation.scenario), .month(forecast.renewal),
                    .text(outcome.strategy.name), .money(outcome.expectedCost), .money(outcome.p90Cost),
                    .decimal(outcome.probabilityOfAnyPayAsYouGo, places: ForecastCSV.probabilityPlaces),
                    .decimal(outcome.expectedUnusedCredits, places: ForecastCSV.meanPlaces),
                    .integer(chosen ? 1 : 0), chosen ? .money(recommendation.savingAgainstPayAsYouGo) : .empty,
                ])
            }
        }
        return table
    }

    /// The columns of `renew-summary.csv`.
    public static let summaryHeader =
        [
            "workspace", "scenario", "renewal",
        ] + AnnualAnswer.needHeader + [
            "recommended", "expected_cost", "p90_cost", "expected_unused_credits", "runner_up",
            "runner_up_expected_cost", "runner_up_p90_cost", "saving_vs_payg", "strategies_searched",
        ] + TotalCost.header

    /// One scenario's renewal year for the portfolio: every workspace buying its recommendation,
    /// by the plan's risk measure, and the seats' fees.
    func cost(scenario: String) -> TotalCost {
        TotalCost(
            summing: plan.recommendations.lazy.filter { $0.scenario == scenario }.map {
                TotalCost(creditSpend: $0.cost, seatFees: $0.forecast.seatFees)
            })
    }

    /// The portfolio table's rows, for Markdown and the terminal alike: per scenario, pay-as-you-go
    /// only, the recommendations, the saving, the seat fees and the total cost.
    private var portfolioRows: [[String]] {
        plan.scenarios.map { scenario in
            let total = plan.total(scenario: scenario)
            let cost = cost(scenario: scenario)
            return [
                scenario, total.payAsYouGo.formatted, total.recommended.formatted, total.saving.formatted, cost.seatFeesText,
                cost.totalText,
            ]
        }
    }

    /// What the total cost is made of, under the portfolio table.
    private var costNote: String {
        "Total cost: seat fees over the renewal year (seat-months × each plan's seat price) plus the recommended purchases. "
            + "Without a seat price for every plan involved, it is the \(TotalCost.creditSpendOnly).\n"
    }

    /// `renew-summary.csv`: the plain answer, one row per workspace and scenario. The year's
    /// usage (nearest-rank percentiles of the annual total over the trials) against what the
    /// plan accrues, the chance of needing any extra credits and their mean, then the strategy
    /// to buy, what it costs and leaves unused, and the runner-up; the year's seat fees and the
    /// total with the recommendation's expected cost; costs to the cent.
    package var summaryCSV: CSVTable {
        var table = CSVTable(header: Self.summaryHeader)
        for recommendation in plan.recommendations {
            let forecast = recommendation.forecast
            let chosen = recommendation.recommended
            let runnerUp = recommendation.runnerUp
            table.rows.append(
                [
                    .text(forecast.name), .text(recommendation.scenario), .month(forecast.renewal),
                ] + AnnualAnswer(year: forecast, outcome: chosen).needCells + [
                    .text(chosen.strategy.name),
                    .money(chosen.expectedCost), .money(chosen.p90Cost),
                    .decimal(chosen.expectedUnusedCredits, places: ForecastCSV.meanPlaces),
                    runnerUp.map { .text($0.strategy.name) } ?? .empty, runnerUp.map { .money($0.expectedCost) } ?? .empty,
                    runnerUp.map { .money($0.p90Cost) } ?? .empty, .money(recommendation.savingAgainstPayAsYouGo),
                    .integer(forecast.outcomes.count),
                ] + TotalCost(creditSpend: chosen.expectedCost, seatFees: forecast.seatFees).cells)
        }
        return table
    }

    private var riskWords: String {
        switch plan.risk {
        case .mean: "the lowest expected cost"
        case .p90: "the lowest 90th-percentile cost (a bad year's bill)"
        }
    }

    /// The strategies a workspace block of `renew.md` lists: the best few by the plan's measure.
    static let strategiesListed = 6

    /// One workspace's plain answer under one scenario, in a sentence: the year's usage against
    /// what the plan accrues, the chance of needing extra credits, what to buy and what it
    /// costs and leaves unused, and the runner-up.
    static func answer(_ recommendation: RenewalRecommendation) -> String {
        let chosen = recommendation.recommended
        var out = AnnualAnswer(year: recommendation.forecast, outcome: chosen).sentence(buying: "Buying `\(chosen.strategy.name)`")
        guard recommendation.forecast.need.probabilityOfExtra > 0 else { return out }
        if let runnerUp = recommendation.runnerUp {
            out +=
                "; runner-up `\(runnerUp.strategy.name)` at \(runnerUp.expectedCost.formatted) expected "
                + "(\(runnerUp.p90Cost.formatted) P90)"
        }
        return out + "."
    }

    /// One workspace's renewal year under one scenario with its seats: the seat fees and the
    /// total with the recommendation's expected cost, or that the cost leaves seat fees out.
    static func yearCost(_ recommendation: RenewalRecommendation) -> String {
        let cost = TotalCost(creditSpend: recommendation.recommended.expectedCost, seatFees: recommendation.forecast.seatFees)
        guard let seatFees = cost.seatFees, let total = cost.total else {
            return "Expected cost \(cost.creditSpend.formatted): \(TotalCost.creditSpendOnly)."
        }
        return "Seat fees \(seatFees.formatted) for the year; expected total cost \(total.formatted)."
    }

    /// With `--risk p90`: the portfolio's expected cost when each workspace buys its P90
    /// choice, against buying each one's lowest-expected-cost choice.
    var expectedCostOfTheRiskChoice: (byRisk: Money, byMean: Money) {
        var result = (byRisk: Money.zero, byMean: Money.zero)
        for recommendation in plan.recommendations where recommendation.scenario == plan.scenarios.first {
            result.byRisk = result.byRisk + recommendation.recommended.expectedCost
            let byMean = RenewalRecommendation(scenario: recommendation.scenario, forecast: recommendation.forecast, risk: .mean)
            result.byMean = result.byMean + byMean.recommended.expectedCost
        }
        return result
    }

    /// The sentence saying that figures are P90 and what choosing by P90 does to the expected
    /// cost; empty when recommending by expected cost.
    var riskNote: String {
        guard plan.risk == .p90 else { return "" }
        let costs = expectedCostOfTheRiskChoice
        let change = costs.byRisk - costs.byMean
        return "Costs recommended and totalled are P90 figures (90% of trials cost this or less), not expected costs. "
            + "Buying each workspace's P90 choice\(plan.scenarios.count > 1 ? " (\(plan.scenarios[0]))" : "") has an expected cost of "
            + "\(costs.byRisk.formatted), against \(costs.byMean.formatted) for the lowest-expected-cost choices "
            + "(\(change.cents >= 0 ? "+" : "")\(change.formatted), the price of a cheaper bad year).\n"
    }

    /// `renew.md`: front matter, assumptions, the portfolio total per scenario, then one block
    /// per workspace: the plain answer and the best strategies found.
    public var markdown: String {
        let p = ReportProvenance(run: run, assumptions: assumptions)
        let workspaces = Set(plan.recommendations.map(\.forecast.name)).count
        var out = "# Renewal purchase plan\n\n"
        out +=
            "\(workspaces) workspace\(workspaces == 1 ? "" : "s"), each strategy simulated over the renewal year on the same "
            + "\(p.trials.groupedThousands) trials (seed \(p.seed), model \(MarkdownTable.escape(p.model))), history as of \(p.asOf). "
            + "Recommended: \(riskWords).\n\n"
        if !riskNote.isEmpty { out += MarkdownTable.escape(riskNote) + "\n" }
        out +=
            "- **Strategies searched:** `payg` pays as it goes; `auto-N` buys N credits whenever credits run short; "
            + "`upfront-…` buys packages at the renewal month (`upfront-2x1000000+500000` is two of 1,000,000 and one of 500,000), "
            + "alone or with `+auto-N` for the rest. Up-front combinations are any multiset of the pricing's packages, at most "
            + "\(RenewalStrategies.maximumPackagesUpfront), kept only when no other holds as many credits for less, and no larger "
            + "than the cheapest that covers the largest need of any trial.\n"
        out += "- **Unused credits:** purchased credits left at the end of the renewal year (an up-front package's expire then).\n"
        out +=
            "- **Need:** the year's usage is the nearest-rank P10, P50 and P90 of each trial's annual total; extra credits "
            + "are the usage the pool cannot cover, the same under every strategy.\n"
        if let prior = run.settings.portfolioPrior { out += PriorText.bullets(prior) }
        out += "- **Pool rules:** \(MarkdownTable.escape(p.rules)).\n- **Prices:** \(MarkdownTable.escape(p.pricing)).\n"
        if !p.startingBalances.isEmpty {
            out += "- **Starting balances:** \(MarkdownTable.escape(p.startingBalances)).\n"
        }
        out += "\n"
        out += "## Portfolio\n\n"
        let measure = plan.risk == .mean ? "expected" : "P90"
        out +=
            MarkdownTable(
                columns: [
                    .init("scenario"), .init("pay-as-you-go only (\(measure))", .right), .init("recommended (\(measure))", .right),
                    .init("saving", .right), .init("seat fees", .right), .init("total cost (\(measure))", .right),
                ],
                rows: portfolioRows
            ).text
        out += "\n" + costNote
        out += "\n## Workspaces\n"
        var current: String?
        for recommendation in plan.recommendations {
            let forecast = recommendation.forecast
            if forecast.name != current {
                current = forecast.name
                out += "\n### \(MarkdownTable.escape(forecast.name))\n\n"
                out +=
                    "\(forecast.plan.isEmpty ? "" : MarkdownTable.escape(forecast.plan) + ", ")\(forecast.seats.groupedThousands) seats, "
                    + "balance now \(forecast.startingBalance.groupedThousands); renewal year \(forecast.renewal) to "
                    + "\(forecast.renewal.advanced(by: ForecastEngine.renewalYearMonths - 1)).\n"
            }
            out +=
                "\n**\(MarkdownTable.escape(recommendation.scenario))**: buy `\(recommendation.recommended.strategy.name)`, "
                + "saving \(recommendation.savingAgainstPayAsYouGo.formatted) against pay-as-you-go only. "
                + Self.answer(recommendation) + " " + Self.yearCost(recommendation) + "\n\n"
            let ranked =
                ([recommendation.recommendedIndex] + [recommendation.runnerUpIndex].compactMap { $0 }
                    + forecast.outcomes.indices.sorted {
                        (plan.risk.cost(of: forecast.outcomes[$0]), $0) < (plan.risk.cost(of: forecast.outcomes[$1]), $1)
                    })
            var listed: [Int] = []
            for index in ranked where !listed.contains(index) && listed.count < Self.strategiesListed { listed.append(index) }
            out +=
                MarkdownTable(
                    columns: [
                        .init("strategy"), .init("expected cost", .right), .init("P90 cost", .right), .init("P(any PAYG)", .right),
                        .init("unused credits", .right), .init("recommended"),
                    ],
                    rows: listed.map { index in
                        let outcome = forecast.outcomes[index]
                        return [
                            outcome.strategy.name, outcome.expectedCost.formatted, outcome.p90Cost.formatted,
                            FixedDecimal.percent(outcome.probabilityOfAnyPayAsYouGo),
                            FixedDecimal.groupedWhole(outcome.expectedUnusedCredits),
                            index == recommendation.recommendedIndex ? "yes" : index == recommendation.runnerUpIndex ? "runner-up" : "",
                        ]
                    }
                ).text
            if forecast.outcomes.count > listed.count {
                out += "\n\(forecast.outcomes.count - listed.count) more strategies searched, in renew.csv.\n"
            }
        }
        return out + p.markdownSection
    }

    /// The report's files: `renew.csv`, `provenance.json`, `renew.md`, and with a sensitivity
    /// analysis its charts, `sensitivity.csv` and `sensitivity.md` (the sidecar then covers both CSVs).
    public var files: ReportSet {
        let provenance = ReportProvenance(run: run, assumptions: assumptions)
        return ReportSet(
            files: [
                ReportFile(path: "renew.csv", text: csv.text),
                ReportFile(path: "renew-summary.csv", text: summaryCSV.text),
                ReportFile(
                    path: "provenance.json",
                    text: provenance.json(describing: ["renew.csv", "renew-summary.csv"] + (sensitivity == nil ? [] : ["sensitivity.csv"]))
                ),
                ReportFile(path: "renew.md", text: markdown),
            ] + (sensitivity?.files(provenance: provenance) ?? [])
        ).addingHTMLPages()
    }

    /// What the command prints: each workspace's plain answer per scenario (at most `limit`
    /// rows), the portfolio totals, and where the files are; with `--risk p90`, that the
    /// figures are P90 and how the expected cost changes.
    public func summary(reportDirectory: String, limit: Int = 20) -> String {
        let renewal = plan.recommendations.first?.forecast.renewal
        var out =
            "Renewal plan for \(Set(plan.recommendations.map(\.forecast.name)).count) workspace(s)"
            + (renewal.map { ", renewal year \($0) to \($0.advanced(by: ForecastEngine.renewalYearMonths - 1))" } ?? "")
            + ", \(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed); recommended by \(riskWords).\n"
        out += riskNote + "\n"
        let shown = plan.recommendations.prefix(max(0, limit))
        let measure = plan.risk == .mean ? "" : " (P90)"
        out +=
            TextTable(
                headings: [
                    "workspace", "scenario", "usage P50", "accrues", "P(extra)", "buy", "expected cost", "P90 cost", "unused",
                    "runner-up", "its cost\(measure)", "saving vs PAYG\(measure)",
                ],
                alignments: [.left, .left, .right, .right, .right, .left, .right, .right, .right, .left, .right, .right],
                rows: shown.map { r in
                    let need = r.forecast.need
                    return [
                        r.forecast.name, r.scenario, need.usage.p50.groupedThousands, need.accrual.groupedThousands,
                        FixedDecimal.percent(need.probabilityOfExtra), r.recommended.strategy.name,
                        r.recommended.expectedCost.formatted, r.recommended.p90Cost.formatted,
                        FixedDecimal.groupedWhole(r.recommended.expectedUnusedCredits), r.runnerUp?.strategy.name ?? "",
                        r.runnerUp.map { plan.risk.cost(of: $0).formatted } ?? "", r.savingAgainstPayAsYouGo.formatted,
                    ]
                }
            ).text
        if shown.count < plan.recommendations.count { out += "(\(plan.recommendations.count - shown.count) more in renew-summary.csv)\n" }
        out +=
            "\n"
            + TextTable(
                headings: ["portfolio", "PAYG only\(measure)", "recommended\(measure)", "saving", "seat fees", "total cost\(measure)"],
                alignments: [.left, .right, .right, .right, .right, .right],
                rows: portfolioRows
            ).text + "\n" + costNote
        out += "\nReports in \(ReportText.singleLine(reportDirectory)): renew.md, renew.html, renew-summary.csv, renew.csv, provenance.json"
        if let sensitivity {
            let charts = sensitivity.analyses.count
            out +=
                ", sensitivity.md, sensitivity.html, sensitivity.csv, \(ForecastReports.chartDirectory)/ (\(charts) tornado chart\(charts == 1 ? "" : "s"))"
        }
        out += ".\n"
        return out
    }
}
