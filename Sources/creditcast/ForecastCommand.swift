import ArgumentParser
import CreditCore
import CreditForecast
import CreditLedger
import CreditReports
import Foundation
import UsageImport

/// `creditcast forecast`: Monte Carlo projection of every workspace's pool.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Project each workspace's pool: balance, cap hits, shortfalls, pay-as-you-go cost.",
        discussion: """
            Writes forecast.csv, summary.csv, report.md, charts/*.svg and provenance.json to --out \
            and prints a summary. The same inputs and seed give the same reports byte for byte, \
            whatever --threads is.
            """
    )

    @Option(help: "The usage export (CSV) to forecast from.")
    var usage: String

    @Option(help: "Months to forecast.")
    var horizon: Int = 12

    @Option(help: "Monte Carlo trials per workspace.")
    var trials: Int = 10_000

    @Option(help: "Run until every reported probability's standard error is below this (e.g. 0.005), instead of a fixed --trials.")
    var precision: Double?

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Usage model: seats (per-seat, common factor, damped trend) or bootstrap (resample whole months).")
    var model: UsageModelKind = .seats

    @Option(name: .customLong("as-of"), help: "The last month of history to use (YYYY-MM); the forecast starts the month after.")
    var asOf: Month?

    @Option(help: "Directory for the reports.")
    var out: String = "creditcast-report"

    @Option(name: .customLong("trials-out"), help: "Also write every trial's closing balance per month to this CSV file.")
    var trialsOut: String?

    @Option(help: "Worker threads (all cores when left out).")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var pool: PoolOptions
    @OptionGroup var reading: ImportOptions

    func validate() throws {
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be 1 to 120 months") }
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1") }
        if let precision, !(precision > 0 && precision < 0.5) { throw ValidationError("--precision must be between 0 and 0.5, e.g. 0.005") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try reportingFailures(forecast)
    }

    private func forecast() throws {
        let pricing = try pool.loadPricing()
        let rules = try pool.purchaseRules(pricing)
        let history = try loadHistory()
        let resolver = try pool.resolver(pricing, balanceMonth: history.lastMonth.advanced(by: 1))
        let pools: [WorkspacePool]
        do { pools = try history.workspaces.map { try resolver.pool(named: $0.name, in: history) } } catch { throw CommandFailure(error) }

        let settings = ForecastSettings(
            horizon: horizon, trials: trials, seed: seed, model: model, precision: precision, keepPaths: trialsOut != nil
        )
        let inputs = [usage, pool.workspaces, pool.pricing].compactMap { $0 }
        var fingerprint = StableHash()
        for file in inputs { fingerprint.combine(fileAt: file) }
        // Everything that changes a figure, and nothing that does not (threads, paths, --quiet).
        fingerprint.combine("\(horizon) \(trials) \(seed) \(model) \(String(describing: precision)) \(history.lastMonth)")
        fingerprint.combine(String(describing: resolver.overrides) + String(describing: rules) + String(describing: pricing))

        let progress = quiet || !Terminal.standardErrorIsTerminal ? nil : ProgressBar()
        let reportProgress: (@Sendable (Double) -> Void)? = progress.map { bar in { @Sendable fraction in bar.update(fraction) } }
        let run: ForecastRun
        do {
            run = try ForecastEngine.run(
                history: history, pools: pools, pricing: pricing, rules: rules, settings: settings,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                inputHash: fingerprint.hex, progress: reportProgress
            )
        } catch {
            throw CommandFailure(error)
        }
        progress?.finish()

        do {
            _ = try ForecastReports(run: run, pricing: pricing, rules: rules).write(to: out, trialsFile: trialsOut, inputs: inputs)
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        if !quiet { print(ForecastSummary(run: run).text(reportDirectory: out), terminator: "") }
    }

    /// The usage history, cut at `--as-of` when given.
    private func loadHistory() throws -> UsageHistory {
        do {
            var history = try UsageImporter.load(fileAt: usage, options: reading.importOptions)
            if !quiet { for warning in history.warnings { Terminal.standardError.write("creditcast: warning: \(warning)\n") } }
            if let asOf { history = try history.truncated(through: asOf) }
            return history
        } catch {
            throw CommandFailure(error)
        }
    }
}
