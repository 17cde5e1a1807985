import ArgumentParser
import CreditCore
import Foundation

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

    /// Runs the command line, first catching a mistyped command, which gets a suggestion rather
    /// than the argument parser's "Unexpected argument".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            Terminal.standardError.write(message)
            Self.exit(withError: ExitCode.validationFailure)
        }
        main(arguments)
    }

    /// What to say about `word` in the command's place, or `nil` if it is a command or an option.
    static func unknownCommandMessage(_ word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !word.hasPrefix("-"), !names.contains(word), word != "help" else { return nil }
        let suggestion = NameSuggestion.nearest(to: word, in: names).map { "; did you mean '\($0)'?" } ?? ""
        return
            "Error: unknown command '\(word)'\(suggestion)\nCommands: \(names.joined(separator: ", ")) (creditcast --help says what each does)\n"
    }
}
