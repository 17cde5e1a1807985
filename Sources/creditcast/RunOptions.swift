import ArgumentParser
import CreditCore
import CreditForecast
import Foundation

/// What every Monte Carlo command (forecast, watchlist, renew, backtest) takes: the usage
/// export, the seed, the threads, and how much to print.
struct RunOptions: ParsableArguments {
    @Option(help: "The usage export (CSV).")
    var usage: String

    @Option(help: "Random seed; the same inputs and seed give the same reports.")
    var seed: UInt64 = 1

    @Option(help: "Threads to read and forecast with, 1 to 256 (all cores when left out); the reports do not depend on it.")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    /// The most threads: far more than any machine's cores, and few enough that every worker's
    /// scratch fits in memory.
    static let maximumThreads = 256

    /// The most rows `--limit` lists.
    static let maximumLimit = 1_000_000

    func validate() throws {
        if let threads, !(1...Self.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be 1 to \(Self.maximumThreads)")
        }
    }

    /// Checks `--trials` against the engine's limits, and `--trials × --horizon` too for a run
    /// that holds every trial's values (`horizon` given).
    static func validateTrials(_ trials: Int, horizon: Int?) throws {
        let most = ForecastSettings.maximumTrials
        guard (1...most).contains(trials) else { throw ValidationError("--trials must be 1 to \(most.groupedThousands)") }
        if let horizon, trials * horizon > ForecastSettings.maximumTrialMonths {
            throw ValidationError(
                "--trials × --horizon must be at most \(ForecastSettings.maximumTrialMonths.groupedThousands): "
                    + "at --horizon \(horizon), --trials up to \((ForecastSettings.maximumTrialMonths / horizon).groupedThousands)"
            )
        }
    }

    /// Checks `--limit`.
    static func validateLimit(_ limit: Int) throws {
        guard (0...maximumLimit).contains(limit) else { throw ValidationError("--limit must be 0 to \(maximumLimit.groupedThousands)") }
    }

    /// The worker threads to run on.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// A progress bar, when one may be drawn: standard error is a terminal and `--quiet` is off.
    func progressBar() -> ProgressBar? {
        quiet || !Terminal.standardErrorIsTerminal ? nil : ProgressBar()
    }
}
