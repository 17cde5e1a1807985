import ArgumentParser
import Foundation

/// What every Monte Carlo command (forecast, watchlist, renew, backtest) takes: the usage
/// export, the seed, the threads, and how much to print.
struct RunOptions: ParsableArguments {
    @Option(help: "The usage export (CSV).")
    var usage: String

    @Option(help: "Random seed; the same inputs and seed give the same reports.")
    var seed: UInt64 = 1

    @Option(help: "Threads to read and forecast with (all cores when left out); the reports do not depend on it.")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The worker threads to run on.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// A progress bar, when one may be drawn: standard error is a terminal and `--quiet` is off.
    func progressBar() -> ProgressBar? {
        quiet || !Terminal.standardErrorIsTerminal ? nil : ProgressBar()
    }
}
