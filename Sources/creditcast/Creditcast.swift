import ArgumentParser
import CreditCore

/// The `creditcast` command: forecasts shared, seat-based credit pools.
@main
struct Creditcast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creditcast",
        abstract: "Replay and forecast shared, seat-based credit pools.",
        discussion: """
            Exit codes: 0 success; 1 bad input (a usage, workspaces or pricing file, with each \
            problem named by file and line); 2 an output could not be written; 64 a bad command line.
            """,
        version: CreditcastVersion.current,
        subcommands: [
            LedgerCommand.self, CheckCommand.self, ForecastCommand.self, WatchlistCommand.self, RenewCommand.self, BacktestCommand.self,
            MergeCommand.self, SplitCommand.self,
        ]
    )
}
