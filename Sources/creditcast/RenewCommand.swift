import ArgumentParser
import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import CreditSharding
import Foundation
import UsageImport

/// `creditcast renew`: the renewal purchase plan, every strategy on the same trials.
struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Compare purchase strategies over each workspace's renewal year and recommend one.",
        discussion: """
            Searches, on the same trials, pay-as-you-go only, auto-purchase of each package, and \
            combinations of packages bought up front (up to 12 packages, only the cheapest way to hold \
            each amount, up to the cheapest that covers the largest need of any trial), alone or with \
            an auto-purchase for the rest, and recommends the lowest expected cost (or P90 cost with \
            --risk p90), with the runner-up. Writes renew.csv, \
            renew.md and provenance.json to --out; with --sensitivity also sensitivity.csv, \
            sensitivity.md and a tornado chart per workspace.
            """
    )

    @Option(
        help:
            "The first month of the renewal year (YYYY-MM), at most 108 months after the history; the month after the history when left out."
    )
    var renewal: Month?

    @Option(help: "Recommend by the lowest expected cost (mean) or the lowest 90th-percentile cost (p90).")
    var risk: RenewalRisk = .mean

    @Option(help: "A scenario file (scenario,month,seats,plan,usage_multiplier[,workspace]) to plan side by side with the baseline.")
    var scenario: String?

    @Option(
        help:
            "Monte Carlo trials per workspace, 1 to 1,000,000. The default, 2,000 (±1.1 points on a probability), costs every strategy on the same trials, so the comparison between strategies is steadier than any one cost."
    )
    var trials: Int = 2_000

    @Option(help: "Directory for the reports.")
    var out: String = "creditcast-renew"

    @Option(help: "Rows listed on standard output, 0 to 1,000,000 (the files list all).")
    var limit: Int = 20

    @Flag(
        help:
            "Also write what drives each workspace's renewal: each driver (usage level, trend, heaviest seats, seat count, plan) at its P10 and P90 on the same trials, into sensitivity.csv, sensitivity.md and charts/tornado-*.svg."
    )
    var sensitivity = false

    @OptionGroup(title: "Input and run") var running: RunOptions
    @OptionGroup(title: "Usage model") var modelling: ModelOptions
    @OptionGroup(title: "Pool rules and prices") var pool: PoolOptions
    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions
    @OptionGroup(title: "Beyond one machine") var sharding: ShardOptions
    @OptionGroup(title: "Excel") var workbook: WorkbookOptions
    @OptionGroup var printing: SummaryOptions

    func validate() throws {
        try workbook.validate(with: sharding)
        // A renewal keeps each trial's cost, not its months: the trial-month bound does not apply.
        try RunOptions.validateTrials(trials, horizon: nil)
        try RunOptions.validateLimit(limit)
    }

    func run() throws {
        try reportingFailures {
            let loaded = try ForecastInputs(pool: pool, running: running, reading: reading, modelling: modelling, sharding: sharding)
            let (pricing, rules, history, resolver, part) = (loaded.pricing, loaded.rules, loaded.history, loaded.resolver, loaded.part)
            let renewalMonth = renewal ?? history.lastMonth.advanced(by: 1)
            let horizon = history.lastMonth.advanced(by: 1).distance(to: renewalMonth) + ForecastEngine.renewalYearMonths
            let scenarios = try pool.loadScenarios(
                scenario, pricing: pricing, history: history, resolver: resolver, horizon: horizon, dateOrder: reading.dateOrder,
                heldElsewhere: loaded.heldElsewhere)
            let settings = ForecastSettings(
                horizon: horizon,
                trials: trials, seed: running.seed, model: modelling.model, portfolioPrior: loaded.portfolioPrior
            )
            let inputHash = pool.fingerprint(
                usage: running.usage, usageState: loaded.usageState, resolver: resolver, rules: rules, pricing: pricing
            ) {
                fingerprint in
                fingerprint.field("command", "renew")
                fingerprint.field("renewal", renewalMonth)
                fingerprint.field("risk", risk.rawValue)
                fingerprint.field("trials", trials)
                fingerprint.field("seed", running.seed)
                modelling.fingerprint(into: &fingerprint)
                fingerprint.field("as_of", history.lastMonth)
                fingerprint.scenarios(scenarios)
                fingerprint.field("sensitivity", sensitivity)
            }
            let progress = running.progressBar()
            let planned: [(name: String, result: [RenewalForecast])]
            do {
                planned = try Scenario.baselineAndEach(of: scenarios) { scenario in
                    try ForecastEngine.runRenewal(
                        history: part.history, pools: part.pools, pricing: pricing, rules: rules, settings: settings,
                        threads: running.threadCount, renewal: renewalMonth, scenario: scenario,
                        progress: scenario == nil ? progress.callback : nil
                    ) { _, need in RenewalStrategies.search(for: pricing, need: need) }
                }
            } catch {
                throw CommandFailure(error)
            }
            progress?.finish()
            // The drivers move the baseline only; scenarios are what-ifs of their own.
            var analyses: [WorkspaceSensitivity]?
            if sensitivity {
                do {
                    analyses = try SensitivityAnalysis.run(
                        history: part.history, pools: part.pools, pricing: pricing, rules: rules, settings: settings,
                        threads: running.threadCount, renewal: renewalMonth, risk: risk, baseline: planned[0].result
                    )
                } catch {
                    throw CommandFailure(error)
                }
            }
            let inputs = pool.inputFiles(usage: running.usage) + [scenario].compactMap { $0 }
            let result = RunResult(
                shard: sharding.selected ?? .whole, portfolioCount: loaded.portfolioCount, positions: part.positions,
                run: ForecastRun(settings: settings, asOf: history.lastMonth, inputHash: inputHash, workspaces: []),
                assumptions: ReportAssumptions(pricing: pricing, rules: rules, historyStart: history.firstMonth),
                payload: .renew(scenarios: planned.map { ($0.name, $0.result) }, risk: risk, sensitivity: analyses)
            )
            try sharding.publish(result, to: out, workbook: workbook, inputs: inputs, quiet: running.quiet) { reports in
                printing.render(reports, reportDirectory: out, limit: limit)
            }
        }
    }
}

extension RenewalRisk: ExpressibleByArgument {}
