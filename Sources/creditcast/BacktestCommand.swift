import ArgumentParser
import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import CreditReports
import Foundation
import UsageImport

extension BacktestModel: ExpressibleByArgument {}

/// `creditcast backtest`: forecasts from past cut-off months, scored against what happened.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Check the forecast's percentiles against what really happened (rolling origins).",
        discussion: """
            From each of the last --origins months, every model is fitted on the history up to \
            that month only and forecasts the next --horizon months; the forecasts are scored \
            against the real usage and the balance the ledger gives on it. The baselines naive, \
            mean and bootstrap are always scored too. Writes backtest.md, backtest.csv, \
            scores.csv, charts/coverage.svg, charts/reliability.svg and provenance.json to --out. \
            Pools are replayed from the history's first month (from --balance when given); a \
            workspaces file's balance, which is today's, is not used. The same inputs and seed \
            give the same reports byte for byte, whatever --threads is.
            """
    )

    @Option(help: "Months forecast from each origin, 1 to 120.")
    var horizon: Int = 6

    @Option(help: "How many cut-off months (the latest ones with enough history) to forecast from, 1 to 120.")
    var origins: Int = 6

    @Option(
        name: .customLong("model"),
        help: "A model to test (repeatable): seats (default), bootstrap, naive or mean. The baselines are always added.")
    var models: [BacktestModel] = []

    @Option(
        help:
            "Monte Carlo trials per workspace, origin and model, 1 to 100,000. The default, 1,000, suffices because the scores average over every origin and workspace."
    )
    var trials: Int = 1_000

    @Option(
        name: .customLong("min-history"), help: "Months of history a workspace needs before an origin to be forecast from it (3 to 1,200).")
    var minimumHistory: Int = BacktestSettings.leastHistoryMonths

    @Option(help: "Directory for the reports.")
    var out: String = "creditcast-backtest"

    @OptionGroup(title: "Input and run") var running: RunOptions
    @OptionGroup(title: "Pool rules and prices") var pool: PoolOptions
    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions

    /// The longest history `--min-history` may ask for: a century of months.
    static let mostHistoryMonths = 1_200

    func validate() throws {
        guard (1...120).contains(horizon) else { throw ValidationError("--horizon must be 1 to 120 months") }
        guard (1...BacktestSettings.maximumOrigins).contains(origins) else {
            throw ValidationError("--origins must be 1 to \(BacktestSettings.maximumOrigins)")
        }
        guard (1...BacktestSettings.maximumTrials).contains(trials) else {
            throw ValidationError("--trials must be 1 to \(BacktestSettings.maximumTrials.groupedThousands)")
        }
        guard (BacktestSettings.leastHistoryMonths...Self.mostHistoryMonths).contains(minimumHistory) else {
            throw ValidationError(
                "--min-history must be \(BacktestSettings.leastHistoryMonths) to \(Self.mostHistoryMonths.groupedThousands) months")
        }
    }

    func run() throws {
        try reportingFailures(backtest)
    }

    private func backtest() throws {
        let pricing = try pool.loadPricing()
        let rules = try pool.purchaseRules(pricing)
        let history = try pool.loadHistory(running, reading: reading, asOf: nil)
        // `--balance` opens the history's first month: the backtest replays every pool from there.
        let resolver = try pool.resolver(pricing, history: history)
        let pools: [WorkspacePool]
        do { pools = try history.workspaces.map { try resolver.pool(named: $0.name, in: history) } } catch { throw CommandFailure(error) }

        let settings = BacktestSettings(
            horizon: horizon, origins: origins, trials: trials, seed: running.seed, candidates: models.isEmpty ? [.seats] : models,
            minimumHistoryMonths: minimumHistory
        )
        let inputHash = pool.fingerprint(usage: running.usage, resolver: resolver, rules: rules, pricing: pricing) { fingerprint in
            fingerprint.field("command", "backtest")
            fingerprint.field("horizon", horizon)
            fingerprint.field("origins", origins)
            fingerprint.field("trials", trials)
            fingerprint.field("seed", running.seed)
            fingerprint.list("models", settings.scoredModels) { $0.field("model", $1.rawValue) }
            fingerprint.field("min_history", minimumHistory)
            fingerprint.seatsParameters(settings.seatsParameters)
        }

        let progress = running.progressBar()
        // The records go to backtest.csv's spool as each batch is scored: a large portfolio has
        // millions, and the reports need only their scores.
        let run: BacktestRun
        let spool: RecordSpool
        do {
            spool = try RecordSpool()
            run = try Backtest.run(
                history: history, pools: pools, pricing: pricing, rules: rules, settings: settings,
                threads: running.threadCount, inputHash: inputHash, progress: progress.callback,
                deliver: { records in try BacktestReports.spool(records, into: spool) }
            )
        } catch let error as BacktestError {
            throw CommandFailure([FlagWording.message(error, usageFile: running.usage)])
        } catch let error as ReportWriteError {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        } catch {
            throw CommandFailure(error)
        }
        progress?.finish()

        do {
            try BacktestReports(run: run, pricing: pricing, rules: rules, spooledRecords: spool).write(
                to: out, inputs: pool.inputFiles(usage: running.usage))
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        if !running.quiet { print(BacktestSummary(run: run).text(reportDirectory: out), terminator: "") }
    }
}
