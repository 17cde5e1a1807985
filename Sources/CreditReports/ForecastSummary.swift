import CreditCore
import CreditForecast

/// What `creditcast forecast` prints once its reports are written: the most urgent workspaces
/// as an aligned table and where the reports are.
///
/// It is a short view for the terminal; the report files hold everything.
public struct ForecastSummary: Sendable {
    /// The run summarised.
    public var run: ForecastRun
    /// How many workspaces the table lists (most urgent first).
    public var limit: Int
    /// Each workspace's plain annual answer, by workspace index in `run`; empty when not simulated.
    public var annual: [AnnualAnswer]
    /// Which workspaces the reports chart.
    public var charts: ChartSelection
    /// The indices of `run`'s workspaces, most urgent first (`UrgencyRanking`).
    package var order: [Int]

    /// The summary of `run`, listing at most `limit` workspaces, with their `annual` answers if any.
    public init(run: ForecastRun, limit: Int = 20, annual: [AnnualAnswer] = [], charts: ChartSelection = .top) {
        precondition(annual.isEmpty || annual.count == run.workspaces.count, "one annual answer per workspace, or none")
        self.run = run
        self.limit = limit
        self.annual = annual
        self.charts = charts
        order = UrgencyRanking.order(run.workspaces)
    }

    /// The summary of the run `reports` render, listing at most `limit` workspaces: ranked as
    /// they rank them, which needs no workspace's months.
    package init(reports: ForecastReports, limit: Int = 20) {
        run = reports.run
        self.limit = limit
        annual = reports.answers
        charts = reports.charts
        order = reports.order
    }

    /// The year's cells of one workspace: median usage, what the plan accrues, the chance of
    /// needing extra credits and their expected cost under the run's rules.
    private static func yearCells(_ answer: AnnualAnswer) -> [String] {
        let need = answer.year.need
        return [
            need.usage.p50.groupedThousands, need.accrual.groupedThousands, FixedDecimal.percent(need.probabilityOfExtra),
            answer.outcome.expectedCost.formatted,
        ]
    }

    /// The summary, ending in a line break, pointing to the reports in `reportDirectory`.
    public func text(reportDirectory: String) -> String {
        let first = run.asOf.advanced(by: 1)
        let last = run.asOf.advanced(by: run.settings.horizon)
        let count = run.workspaces.count
        let charted = charts.chartCount(workspaces: count)
        var out =
            "Forecast \(first) to \(last) for \(count) workspace\(count == 1 ? "" : "s")"
            + " (\(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed), model \(run.settings.model.rawValue)).\n"
        let shown = order.prefix(max(0, limit))
        if !shown.isEmpty {
            // The year's answer: usage against accrual, the chance of extra credits and their cost.
            let year = annual.isEmpty ? [] : ["12-month usage P50", "plan accrues", "P(extra)", "extra cost"]
            out +=
                "\n"
                + TextTable(
                    headings: [
                        "workspace", "seats", "balance now", "P(shortfall)", "shortfall by", "P(cap hit)", "cap by", "expected PAYG cost",
                    ]
                        + year,
                    alignments: [.left, .right, .right, .right, .left, .right, .left, .right] + year.map { _ in .right },
                    rows: shown.map { index in
                        let w = run.workspaces[index]
                        return [
                            w.name, w.seats.groupedThousands, w.startingBalance.groupedThousands,
                            FixedDecimal.percent(w.probabilityOfAnyShortfall), w.shortfallLikelyBy?.description ?? "-",
                            FixedDecimal.percent(w.probabilityOfAnyCapHit), w.capHitLikelyBy?.description ?? "-",
                            w.expectedPayAsYouGoCost.formatted,
                        ] + (annual.isEmpty ? [] : Self.yearCells(annual[index]))
                    }
                ).text
            if shown.count < order.count {
                out += "(\(order.count - shown.count) more in summary.csv)\n"
            }
        }
        out +=
            "\nReports in \(ReportText.singleLine(reportDirectory)): report.md, report.html, summary.csv, forecast.csv, "
            + (annual.isEmpty ? "" : "annual.csv, ") + "provenance.json, "
            + "\(ForecastReports.chartDirectory)/ (\(charted) chart\(charted == 1 ? "" : "s")).\n"
        return out
    }
}
