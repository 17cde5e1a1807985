import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import UsageImport

#if canImport(Glibc)
import Glibc
#endif

/// The backtest settings every backtest benchmark shares.
private func backtestSettings(_ arguments: Arguments, trials: Int) throws(BenchError) -> (BacktestSettings, Int) {
    var settings = BacktestSettings(
        horizon: try arguments.int("horizon", default: 6), origins: try arguments.int("origins", default: 6),
        trials: try arguments.int("trials", default: trials), seed: UInt64(try arguments.int("seed", default: 1))
    )
    // Tuning knobs for the seats model, so a parameter can be tried without a rebuild.
    func override(_ name: String, _ keyPath: WritableKeyPath<SeatsModelParameters, Double>) throws(BenchError) {
        guard let text = try? arguments.string(name) else { return }
        guard let value = Double(text) else { throw BenchError.usage("--\(name) takes a number, not \(text)") }
        settings.seatsParameters[keyPath: keyPath] = value
    }
    try override("prior-sigma", \.commonFactorPriorSigma)
    try override("prior-months", \.commonFactorPriorMonths)
    try override("damping", \.trendDamping)
    try override("trend-prior-sigma", \.trendPriorSigma)
    try override("uncertainty", \.parameterUncertainty)
    try override("max-persistence", \.maxPersistence)
    try override("persistence-shrink", \.persistenceShrinkMonths)
    try override("kappa", \.pooledPriorMonths)
    try override("max-slope", \.maxSlope)
    try override("trend-prior-workspaces", \.trendPriorWorkspaces)
    try override("factor-prior-workspaces", \.factorPriorWorkspaces)
    try override("unseen-season", \.unseenSeasonAmplitude)
    func flag(_ name: String, _ keyPath: WritableKeyPath<SeatsModelParameters, Bool>) throws(BenchError) {
        guard let text = try? arguments.string(name) else { return }
        guard let value = Int(text), value == 0 || value == 1 else { throw BenchError.usage("--\(name) takes 0 or 1, not \(text)") }
        settings.seatsParameters[keyPath: keyPath] = value == 1
    }
    try flag("local-level", \.localLevel)
    try flag("calendar-replay", \.calendarReplay)
    try flag("working-days", \.workingDays)
    try flag("month-length", \.monthLength)
    try flag("shared-level", \.sharedLevel)
    if let text = try? arguments.string("half-life") {
        guard let value = Double(text) else { throw BenchError.usage("--half-life takes a number, not \(text)") }
        settings.seatsParameters.recencyHalfLife = value > 0 ? value : nil
    }
    return (settings, try arguments.int("threads", default: 0))
}

/// Runs a backtest, turning its error into a bench error.
private func runBacktest(
    history: UsageHistory, pools: [WorkspacePool], settings: BacktestSettings, threads: Int
) throws(BenchError) -> BacktestRun {
    do {
        return try Backtest.run(
            history: history, pools: pools, pricing: .standard, rules: PurchaseRules(pricing: .standard),
            settings: settings, threads: threads, inputHash: "creditcast-bench"
        )
    } catch {
        throw BenchError.failed("backtest failed: \(error)")
    }
}

/// `backtest`: a generated portfolio (every behaviour) of `--workspaces 1000` over `--months 24`,
/// backtested from `--origins 6` origins, `--horizon 6`, `--trials 1000`, the default model and
/// the three baselines. Times generation apart from the backtest (fitting, trials and scoring).
func backtestBench(_ arguments: Arguments) throws(BenchError) {
    let workspaces = try arguments.int("workspaces", default: 1_000)
    let months = try arguments.int("months", default: 24)
    let (settings, threads) = try backtestSettings(arguments, trials: 1_000)
    let (portfolio, generateWall) = Measure.time {
        SyntheticPortfolio(workspaces: workspaces, months: months, behaviour: .all, seed: settings.seed)
    }
    let (result, wall, cpu) = Measure.timeAndCPU { () -> Result<BacktestRun, BenchError> in
        do throws(BenchError) {
            return .success(try runBacktest(history: portfolio.history, pools: portfolio.pools, settings: settings, threads: threads))
        } catch {
            return .failure(error)
        }
    }
    let run = try result.get()
    let seats = run.tally.overallScore(of: .seats)
    Figure.emit(
        "backtest",
        [
            "workspaces": "\(workspaces)", "months": "\(months)", "origins": "\(run.origins.count)", "horizon": "\(settings.horizon)",
            "trials": "\(settings.trials)", "models": "\(run.models.count)", "records": "\(run.records.count)",
            "threads": "\(threads == 0 ? defaultBenchThreads() : threads)",
            "generate_s": Figure.fixed(generateWall), "wall_s": Figure.fixed(wall), "cpu_s": Figure.fixed(cpu),
            "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1),
            "seats_coverage_80": Figure.fixed(seats?.coverage80 ?? .nan, 4), "seats_crps": Figure.fixed(seats?.crps ?? .nan, 1),
        ])
}

/// `calibration [--samples samples] [--workspaces 200] [--months 24] [--trials 1000]`: the default
/// model and the baselines on the bundled samples and on generated portfolios (`SyntheticPortfolio`)
/// with no behaviour, each behaviour, and all four; one line per dataset and model (usage, every
/// step; `mean_ratio` and `p50_ratio` are credit-weighted forecast over actual).
///
/// `--behaviour trend+seats-joining` runs only that generated portfolio; `--portfolio DIR` adds a
/// `generate-portfolio` directory. The seats model's constants can be overridden for a trial run
/// (`--prior-sigma`, `--prior-months`, `--damping`, `--trend-prior-sigma`, `--trend-prior-workspaces`,
/// `--factor-prior-workspaces`, `--uncertainty`, `--max-persistence`, `--persistence-shrink`, `--kappa`, `--max-slope`,
/// `--unseen-season`, `--half-life`, 0 for none; `--local-level 0` for the model without `LocalLevel`,
/// `--calendar-replay 0` without `CalendarReplay`, `--working-days 0` without the working days'
/// elasticity, `--month-length 0` without the month length's, `--shared-level 0` without
/// `SharedLevel`): how the defaults were chosen.
func calibrationBench(_ arguments: Arguments) throws(BenchError) {
    let (settings, threads) = try backtestSettings(arguments, trials: 1_000)
    let workspaces = try arguments.int("workspaces", default: 200)
    let months = try arguments.int("months", default: 24)
    let root = try arguments.string("samples", default: "samples")
    var datasets: [(name: String, history: UsageHistory, pools: [WorkspacePool])] = []
    do {
        let pricing = Pricing.standard
        let team = try UsageImporter.load(fileAt: root + "/team-usage.csv", options: UsageImportOptions()).history
        let teamResolver = PoolResolver(pricing: pricing, overrides: .init(plan: "growth"))
        datasets.append(("team-usage", team, try team.workspaces.map { try teamResolver.pool(named: $0.name, in: team) }))
        let portfolio = try UsageImporter.load(fileAt: root + "/portfolio-usage.csv", options: UsageImportOptions()).history
        let resolver = PoolResolver(pricing: pricing, settings: try WorkspaceListImporter.load(fileAt: root + "/workspaces.csv"))
        datasets.append(("portfolio-usage", portfolio, try portfolio.workspaces.map { try resolver.pool(named: $0.name, in: portfolio) }))
    } catch {
        throw BenchError.failed("cannot read the samples under \(root): \(error)")
    }
    var behaviours: [SyntheticPortfolio.Behaviour] = [[]] + SyntheticPortfolio.Behaviour.named.map(\.behaviour) + [.all]
    if let directory = try? arguments.string("portfolio") {
        // A `generate-portfolio` directory: usage.csv and workspaces.csv.
        do {
            let history = try UsageImporter.load(fileAt: directory + "/usage.csv", options: UsageImportOptions()).history
            let resolver = PoolResolver(pricing: .standard, settings: try WorkspaceListImporter.load(fileAt: directory + "/workspaces.csv"))
            datasets.append(("generated-portfolio", history, try history.workspaces.map { try resolver.pool(named: $0.name, in: history) }))
        } catch {
            throw BenchError.failed("cannot read the portfolio in \(directory): \(error)")
        }
    }
    if let names = try? arguments.string("behaviour") {
        // `trend+seats-joining`: one generated portfolio with exactly those behaviours.
        behaviours = [try behaviour(named: names)]
        datasets.removeAll()
    }
    for behaviour in behaviours {
        let generated = SyntheticPortfolio(workspaces: workspaces, months: months, behaviour: behaviour, seed: settings.seed)
        datasets.append(("synthetic-" + behaviour.name, generated.history, generated.pools))
    }
    for dataset in datasets {
        let run = try runBacktest(history: dataset.history, pools: dataset.pools, settings: settings, threads: threads)
        for model in run.models {
            guard let usage = run.tally.overallScore(of: model), let balance = run.tally.overallScore(of: model, target: .balance) else {
                continue
            }
            // Relative figures: credits-weighted, so large and small workspaces compare.
            let records = run.records.filter { $0.model == model }
            let actual = records.reduce(0.0) { $0 + Double($1.usage.actual) }
            let means = records.reduce(0.0) { $0 + $1.usage.mean }
            let medians = records.reduce(0.0) { $0 + Double($1.usage.quantiles.p50) }
            // How far chance alone moves each coverage on this many workspaces (`CoverageInterval`).
            func interval(_ band: CoverageInterval.Band) -> String {
                run.tally.coverageInterval(of: model, band: band).map { "\(Figure.fixed($0.lower, 3))-\(Figure.fixed($0.upper, 3))" }
                    ?? "none"
            }
            Figure.emit(
                "calibration",
                [
                    "dataset": dataset.name, "model": model.rawValue, "forecasts": "\(usage.count)",
                    "coverage_80": Figure.fixed(usage.coverage80, 3), "coverage_90": Figure.fixed(usage.coverage90, 3),
                    "coverage_80_interval": interval(.central80), "coverage_90_interval": interval(.central90),
                    "crps": Figure.fixed(usage.crps, 1), "wis": Figure.fixed(usage.weightedIntervalScore, 1),
                    "bias": Figure.fixed(usage.bias, 1),
                    "mean_ratio": Figure.fixed(means / max(1, actual), 3), "p50_ratio": Figure.fixed(medians / max(1, actual), 3),
                    "balance_coverage_80": Figure.fixed(balance.coverage80, 3), "balance_crps": Figure.fixed(balance.crps, 1),
                    "brier_cap": Figure.fixed(usage.brierCapHit, 4), "brier_shortfall": Figure.fixed(usage.brierShortfall, 4),
                ])
        }
    }
}

/// Every active core, as `Backtest.run` uses for threads 0.
private func defaultBenchThreads() -> Int {
    #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
}

/// The generated portfolio's behaviours `names` gives: `steady`, or behaviour names joined by
/// `+` (`trend+seats-joining`).
func behaviour(named names: String) throws(BenchError) -> SyntheticPortfolio.Behaviour {
    var chosen: SyntheticPortfolio.Behaviour = []
    guard names != "steady" else { return chosen }
    for name in names.split(separator: "+") {
        guard let known = SyntheticPortfolio.Behaviour.named.first(where: { $0.name == name }) else {
            throw BenchError.usage(
                "--behaviour names are steady, or \(SyntheticPortfolio.Behaviour.named.map(\.name).joined(separator: ", ")) joined by +")
        }
        chosen.insert(known.behaviour)
    }
    return chosen
}

/// `behaviour-usage`: a generated portfolio of the calibration table (`--behaviour`, default
/// `steady`; `--workspaces 200`, `--months 24`, `--seed 1` as `calibration` takes them) written as
/// a usage file, so that `Benchmarks/real-data/calibration-sets.sh` can score statsforecast's
/// peers on it beside creditcast.
func behaviourUsage(_ arguments: Arguments) throws(BenchError) {
    let chosen = try behaviour(named: try arguments.string("behaviour", default: "steady"))
    let workspaces = try arguments.int("workspaces", default: 200)
    let months = try arguments.int("months", default: 24)
    let seed = UInt64(try arguments.int("seed", default: 1))
    let out = try arguments.string("out")
    guard workspaces > 0, months > 0 else { throw BenchError.usage("need --workspaces and --months > 0") }
    let history = SyntheticPortfolio(workspaces: workspaces, months: months, behaviour: chosen, seed: seed).history
    var usage = try BufferedWriter(path: out)
    usage.write("workspace,seat,month,credits\n")
    var rows = 0
    for workspace in history.workspaces {
        // Seat ids zero-padded (seat07), so that the importer's order by name is the generator's
        // and the file's backtest is the table's, trial for trial.
        let width = String(workspace.seats.count - 1).count
        for (index, seat) in workspace.seats.enumerated() {
            let number = String(index)
            let id = "seat" + String(repeating: "0", count: max(0, width - number.count)) + number
            for offset in seat.firstOffset..<history.monthCount {
                usage.write(workspace.name + "," + id + "," + history.firstMonth.advanced(by: offset).description + ",")
                usage.write(seat.usage[offset])
                usage.write("\n")
                rows += 1
            }
        }
    }
    _ = try usage.close()
    Figure.emit("behaviour-usage", ["behaviour": chosen.name, "workspaces": "\(workspaces)", "rows": "\(rows)", "out": out])
}
