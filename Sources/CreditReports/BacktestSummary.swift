import CreditBacktest

/// What `creditcast backtest` prints once its reports are written: the verdict, each model's
/// scores over every step as an aligned table, and where the reports are.
public struct BacktestSummary: Sendable {
    /// The run summarised.
    public var run: BacktestRun

    /// The summary of `run`.
    public init(run: BacktestRun) {
        self.run = run
    }

    /// The summary, ending in a line break, pointing to the reports in `reportDirectory`.
    public func text(reportDirectory: String) -> String {
        let origins = run.origins
        var out =
            "Backtest of \(run.workspaceCount.groupedThousands) workspace\(run.workspaceCount == 1 ? "" : "s") from \(origins.count) origin"
            + "\(origins.count == 1 ? "" : "s") (\(origins.first.map(\.description) ?? "") to \(origins.last.map(\.description) ?? "")), "
            + "horizon \(run.settings.horizon), \(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed).\n\n"
        let scores = run.models.compactMap { run.tally.overallScore(of: $0) }
        out +=
            TextTable(
                headings: [
                    "model", "forecasts", "P10-P90 coverage", "P5-P95 coverage", "CRPS", "bias", "Brier cap hit", "Brier shortfall",
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right, .right],
                rows: scores.map { s in
                    [
                        s.model.rawValue, s.count.groupedThousands, FixedDecimal.percent(s.coverage80), FixedDecimal.percent(s.coverage90),
                        FixedDecimal.groupedWhole(s.crps), BacktestMarkdown.signedCredits(s.bias),
                        FixedDecimal.text(s.brierCapHit, places: 4), FixedDecimal.text(s.brierShortfall, places: 4),
                    ]
                }
            ).text
        // The verdict's Markdown emphasis means nothing on a terminal.
        out += "\n" + BacktestMarkdown.verdict(for: run).map { $0.replacingOccurrences(of: "**", with: "") + "\n" }.joined()
        out +=
            "\nReports in \(ReportText.singleLine(reportDirectory)): backtest.md, backtest.html, backtest.csv, scores.csv, provenance.json, charts/ (3 charts).\n"
        return out
    }
}
