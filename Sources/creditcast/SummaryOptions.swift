import ArgumentParser
import CreditSharding

/// `--format text|json`, for the commands that print a summary once their reports are written
/// (forecast, watchlist, renew).
struct SummaryOptions: ParsableArguments {
    /// How the summary is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Standard output: text (a table for people) or json (one line for programs, keyed by the CSV files' columns).")
    var format: Format = .text

    /// What to print for `reports`, written in `reportDirectory`, listing at most `limit` rows.
    func render(_ reports: RunReports, reportDirectory: String, limit: Int) -> String {
        switch format {
        case .text: reports.summary(reportDirectory: reportDirectory, limit: limit)
        case .json: reports.summaryJSON(reportDirectory: reportDirectory, limit: limit)
        }
    }
}
