import ArgumentParser
import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import CreditSharding
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

    @Option(help: "Months to forecast, 1 to 120.")
    var horizon: Int = 12

    @Option(
        help:
            "Monte Carlo trials per workspace, 1 to 1,000,000, and --trials × --horizon at most 12,000,000. The default, 10,000, puts every reported probability within about ±0.5 points (one standard error)."
    )
    var trials: Int = 10_000

    @Option(
        help:
            "Run until every reported probability's standard error is below this (between 0 and 0.5, e.g. 0.005), instead of a fixed --trials; at most 1,000,000 trials, and 12,000,000 / --horizon."
    )
    var precision: Double?

    @Option(help: "Directory for the reports.")
    var out: String = "creditcast-report"

    @Option(
        help: "Which workspaces get a balance chart: top (those report.md details, the 20 most urgent), all, or none."
    )
    var charts: ChartSelection = .top

    @Option(
        name: .customLong("trials-out"),
        help:
            "Also write every trial's closing balance per month to this CSV file (a regular file or a new name), or to standard output with - (then the summary is not printed)."
    )
    var trialsOut: String?

    @Option(
        help:
            "A scenario file (scenario,month,seats,plan,usage_multiplier[,workspace]): forecast each scenario beside the baseline, on the same trials, into scenarios.csv and scenarios.md."
    )
    var scenario: String?

    @OptionGroup(title: "Input and run") var running: RunOptions
    @OptionGroup(title: "Usage model") var modelling: ModelOptions
    @OptionGroup(title: "Pool rules and prices") var pool: PoolOptions
    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions
    @OptionGroup(title: "Beyond one machine") var sharding: ShardOptions
    @OptionGroup(title: "Excel") var workbook: WorkbookOptions
    @OptionGroup var printing: SummaryOptions

    func validate() throws {
        try workbook.validate(with: sharding)
        // Every trial's path of every workspace would have to travel to the merge; read them
        // from a single run instead.
        if sharding.shard != nil, trialsOut != nil { throw ValidationError("--trials-out cannot be combined with --shard") }
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be 1 to 120 months") }
        // With --precision the engine chooses each workspace's count within its own limits.
        try RunOptions.validateTrials(trials, horizon: precision == nil ? horizon : nil)
        if let precision, !(precision > 0 && precision < 0.5) { throw ValidationError("--precision must be between 0 and 0.5, e.g. 0.005") }
    }

    func run() throws {
        try reportingFailures(forecast)
    }

    private func forecast() throws {
        let loaded = try ForecastInputs(pool: pool, running: running, reading: reading, modelling: modelling, sharding: sharding)
        // A shard forecasts its share of the workspaces; the fingerprint below still covers the
        // whole input, so every shard carries the single run's hash.
        let (pricing, rules, history, resolver, part) = (loaded.pricing, loaded.rules, loaded.history, loaded.resolver, loaded.part)

        let settings = ForecastSettings(
            horizon: horizon, trials: trials, seed: running.seed, model: modelling.model, precision: precision, keepPaths: trialsOut != nil,
            portfolioPrior: loaded.portfolioPrior
        )
        let scenarios = try pool.loadScenarios(
            scenario, pricing: pricing, history: history, resolver: resolver, horizon: horizon, dateOrder: reading.dateOrder,
            heldElsewhere: loaded.heldElsewhere)
        let inputs = pool.inputFiles(usage: running.usage) + [scenario].compactMap { $0 }
        let inputHash = pool.fingerprint(
            usage: running.usage, usageState: loaded.usageState, resolver: resolver, rules: rules, pricing: pricing
        ) {
            fingerprint in
            fingerprint.field("command", "forecast")
            fingerprint.field("horizon", horizon)
            fingerprint.field("trials", trials)
            fingerprint.field("seed", running.seed)
            modelling.fingerprint(into: &fingerprint)
            fingerprint.field("precision", precision)
            fingerprint.field("as_of", history.lastMonth)
            fingerprint.scenarios(scenarios)
        }

        let progress = running.progressBar()
        // A whole run of the baseline alone reduces its workspaces as each batch is summarised
        // (their forecast.csv rows written, their months dropped unless a report shows them); a
        // shard's file, a scenario comparison and the trials file need every workspace whole.
        let streams = sharding.selected == nil && scenarios.isEmpty && trialsOut == nil
        let runs: [(name: String, result: ForecastRun)]
        let digest: ForecastDigest?
        do {
            digest = streams ? try ForecastDigest(forecastCharting: charts) : nil
            runs = try Scenario.baselineAndEach(of: scenarios) { scenario in
                try ForecastEngine.run(
                    history: part.history, pools: part.pools, pricing: pricing, rules: rules, settings: settings,
                    threads: running.threadCount,
                    inputHash: inputHash, scenario: scenario, progress: scenario == nil ? progress.callback : nil,
                    deliver: digest.map { digest in { batch in try digest.append(contentsOf: batch) } }
                )
            }
        } catch let error as ReportWriteError {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        } catch {
            throw CommandFailure(error)
        }
        // The plain annual answer: the next twelve months as a year, on the baseline's trials,
        // costed under the run's own rules (pay-as-you-go, or the auto-purchase asked for).
        let asConfigured = PurchaseStrategy(
            name: RenewalStrategies.name(upfront: [], auto: rules.autoPurchase), autoPurchase: rules.autoPurchase
        )
        let annual: [RenewalForecast]
        do {
            annual = try ForecastEngine.runRenewal(
                history: part.history, pools: part.pools, pricing: pricing, rules: rules, settings: settings,
                threads: running.threadCount, renewal: history.lastMonth.advanced(by: 1)
            ) { _, _ in [asConfigured] }
        } catch {
            throw CommandFailure(error)
        }
        progress?.finish()
        let assumptions = ReportAssumptions(pricing: pricing, rules: rules, historyStart: history.firstMonth)
        var result =
            if let digest {
                RunResult(
                    digest: digest, settings: runs[0].result.settings, asOf: runs[0].result.asOf, inputHash: inputHash,
                    assumptions: assumptions, annual: annual)
            } else {
                RunResult(
                    shard: sharding.selected ?? .whole, portfolioCount: loaded.portfolioCount, positions: part.positions,
                    run: runs[0].result, assumptions: assumptions,
                    payload: .forecast(runs.map { ($0.name, $0.result.workspaces) }, annual: annual)
                )
            }
        result.charts = charts
        // Standard output is not a file to stage and rename: the trials stream to it once the
        // reports are in place, in place of the summary.
        let toStandardOutput = trialsOut == Self.standardOutput
        try sharding.publish(
            result, to: out, trialsFile: toStandardOutput ? nil : trialsOut, workbook: workbook, inputs: inputs,
            quiet: running.quiet || toStandardOutput
        ) { reports in
            printing.render(reports, reportDirectory: out, limit: ForecastReports.standardDetailLimit)
        }
        if toStandardOutput {
            do {
                try TrialsCSV.stream(result.baselineRun, toDescriptor: STDOUT_FILENO, named: "standard output")
            } catch {
                throw CommandFailure(error, code: CommandFailure.outputFailed)
            }
        }
    }

    /// The `--trials-out` value that means standard output.
    static let standardOutput = "-"
}

extension ChartSelection: ExpressibleByArgument {}
