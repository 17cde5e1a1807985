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

    /// The summary of `run`, listing at most `limit` workspaces.
    public init(run: ForecastRun, limit: Int = 20) {
        self.run = run
        self.limit = limit
    }

    /// The summary, ending in a line break, pointing to the reports in `reportDirectory`.
    public func text(reportDirectory: String) -> String {
        let first = run.asOf.advanced(by: 1)
        let last = run.asOf.advanced(by: run.settings.horizon)
        let count = run.workspaces.count
        var out = "Forecast \(first) to \(last) for \(count) workspace\(count == 1 ? "" : "s")"
            + " (\(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed), model \(run.settings.model.rawValue)).\n"
        let ranked = UrgencyRanking.sorted(run.workspaces)
        let shown = ranked.prefix(max(0, limit))
        if !shown.isEmpty {
            out += "\n" + TextTable(
                headings: ["workspace", "seats", "balance now", "P(shortfall)", "shortfall by", "P(cap hit)", "cap by", "expected PAYG cost"],
                alignments: [.left, .right, .right, .right, .left, .right, .left, .right],
                rows: shown.map { w in
                    [
                        w.name, w.seats.groupedThousands, w.startingBalance.groupedThousands,
                        FixedDecimal.percent(w.probabilityOfAnyShortfall), w.shortfallLikelyBy?.description ?? "-",
                        FixedDecimal.percent(w.probabilityOfAnyCapHit), w.capHitLikelyBy?.description ?? "-",
                        w.expectedPayAsYouGoCost.formatted,
                    ]
                }
            ).text
            if shown.count < ranked.count {
                out += "(\(ranked.count - shown.count) more in summary.csv)\n"
            }
        }
        out += "\nReports in \(ReportText.singleLine(reportDirectory)): report.md, summary.csv, forecast.csv, provenance.json, "
            + "\(ForecastReports.chartDirectory)/ (\(count) chart\(count == 1 ? "" : "s")).\n"
        return out
    }
}
