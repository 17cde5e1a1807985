import ArgumentParser
import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import CreditSharding
import Foundation
import UsageImport

/// `creditcast watchlist`: every workspace ranked by the action it needs, for customer success.
struct WatchlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchlist",
        abstract: "Rank workspaces by the action they need: running short, near the cap, or healthy.",
        discussion: """
            Forecasts every workspace and ranks it by its chance of a shortfall or of forfeiting \
            credits at the cap within --window months. Writes watchlist.csv (for a CRM), \
            watchlist.md and provenance.json to --out and prints the most urgent workspaces.
            """
    )

    @Option(name: .customLong("shortfall-threshold"), help: "Running short when P(shortfall within --window months) reaches this.")
    var shortfallThreshold: Double = WatchlistThresholds.standard.shortfallProbability

    @Option(name: .customLong("cap-threshold"), help: "Near the cap when P(cap hit within --window months) reaches this.")
    var capThreshold: Double = WatchlistThresholds.standard.capProbability

    @Option(help: "Months ahead the thresholds look.")
    var window: Int = WatchlistThresholds.standard.windowMonths

    @Option(help: "Months to forecast, 1 to 120 (the first month either chance reaches its threshold is looked for this far).")
    var horizon: Int = 12

    @Option(
        help:
            "Monte Carlo trials per workspace, 1 to 1,000,000, and --trials × --horizon at most 12,000,000. The default, 1,000 (±1.6 points at worst), is enough to rank whom to call and runs a portfolio ten times faster than a forecast's 10,000."
    )
    var trials: Int = 1_000

    @Option(help: "Directory for the reports.")
    var out: String = "creditcast-watchlist"

    @Option(help: "Workspaces listed on standard output, 0 to 1,000,000 (the files list all).")
    var limit: Int = 20

    @OptionGroup(title: "Input and run") var running: RunOptions
    @OptionGroup(title: "Usage model") var modelling: ModelOptions
    @OptionGroup(title: "Pool rules and prices") var pool: PoolOptions
    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions
    @OptionGroup(title: "Beyond one machine") var sharding: ShardOptions
    @OptionGroup(title: "Excel") var workbook: WorkbookOptions
    @OptionGroup var printing: SummaryOptions

    var thresholds: WatchlistThresholds {
        WatchlistThresholds(shortfallProbability: shortfallThreshold, capProbability: capThreshold, windowMonths: window)
    }

    func validate() throws {
        try workbook.validate(with: sharding)
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be 1 to 120 months") }
        try RunOptions.validateTrials(trials, horizon: horizon)
        try RunOptions.validateLimit(limit)
        do { try thresholds.validate() } catch { throw ValidationError("\(error)") }
        guard window <= horizon else { throw ValidationError("--window must not be longer than --horizon") }
    }

    func run() throws {
        try reportingFailures {
            let loaded = try ForecastInputs(pool: pool, running: running, reading: reading, modelling: modelling, sharding: sharding)
            let (pricing, rules, history, resolver, part) = (loaded.pricing, loaded.rules, loaded.history, loaded.resolver, loaded.part)
            let settings = ForecastSettings(
                horizon: horizon, trials: trials, seed: running.seed, model: modelling.model,
                portfolioPrior: loaded.portfolioPrior
            )
            let inputHash = pool.fingerprint(
                usage: running.usage, usageState: loaded.usageState, resolver: resolver, rules: rules, pricing: pricing
            ) {
                fingerprint in
                fingerprint.field("command", "watchlist")
                fingerprint.field("horizon", horizon)
                fingerprint.field("trials", trials)
                fingerprint.field("seed", running.seed)
                modelling.fingerprint(into: &fingerprint)
                fingerprint.field("as_of", history.lastMonth)
                fingerprint.thresholds(thresholds)
            }
            let progress = running.progressBar()
            // A whole run keeps each workspace's watchlist entry, never its months; a shard's
            // file needs every workspace whole.
            let digest: ForecastDigest?
            let forecast: ForecastRun
            do {
                digest = sharding.selected == nil ? try ForecastDigest(thresholds: thresholds, months: .none, spoolsRows: false) : nil
                forecast = try ForecastEngine.run(
                    history: part.history, pools: part.pools, pricing: pricing, rules: rules, settings: settings,
                    threads: running.threadCount, inputHash: inputHash,
                    progress: progress.callback, deliver: digest.map { digest in { batch in try digest.append(contentsOf: batch) } }
                )
            } catch {
                throw CommandFailure(error)
            }
            progress?.finish()
            let assumptions = ReportAssumptions(pricing: pricing, rules: rules, historyStart: history.firstMonth)
            let result =
                if let digest {
                    RunResult(
                        digest: digest, settings: forecast.settings, asOf: forecast.asOf, inputHash: inputHash, assumptions: assumptions)
                } else {
                    RunResult(
                        shard: sharding.selected ?? .whole, portfolioCount: loaded.portfolioCount, positions: part.positions, run: forecast,
                        assumptions: assumptions, payload: .watchlist(workspaces: forecast.workspaces, thresholds: thresholds)
                    )
                }
            try sharding.publish(result, to: out, workbook: workbook, inputs: pool.inputFiles(usage: running.usage), quiet: running.quiet) {
                reports in
                printing.render(reports, reportDirectory: out, limit: limit)
            }
        }
    }
}
