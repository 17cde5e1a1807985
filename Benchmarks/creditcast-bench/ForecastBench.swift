import CreditCore
import CreditForecast
import CreditLedger
import UsageImport

#if canImport(Glibc)
import Glibc
#endif

/// The forecast settings every forecast benchmark shares.
private func forecastSettings(_ arguments: Arguments, trials: Int, horizon: Int, model: String) throws(BenchError) -> (
    ForecastSettings, Int
) {
    let modelName = try arguments.string("model", default: model)
    guard let kind = UsageModelKind(rawValue: modelName) else {
        throw BenchError.usage("--model is one of \(UsageModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let settings = ForecastSettings(
        horizon: try arguments.int("horizon", default: horizon), trials: try arguments.int("trials", default: trials),
        seed: UInt64(try arguments.int("seed", default: 1)), model: kind
    )
    let threads = try arguments.int("threads", default: defaultThreads())
    return (settings, threads)
}

/// All cores, as `creditcast forecast` uses when `--threads` is left out.
private func defaultThreads() -> Int {
    #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
}

/// Runs the engine, turning its error into a bench error.
private func runEngine(
    history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, settings: ForecastSettings, threads: Int
) throws(BenchError) -> ForecastRun {
    do {
        return try ForecastEngine.run(
            history: history, pools: pools, pricing: pricing, rules: PurchaseRules(pricing: pricing),
            settings: settings, threads: threads, inputHash: "creditcast-bench", progress: nil
        )
    } catch {
        throw BenchError.failed("forecast failed: \(error)")
    }
}

/// One deterministic workspace in memory: `seats` Growth seats with lognormal levels (median
/// 2,100 credits, 70 % of the allowance), monthly lognormal noise and a few idle months.
func syntheticHistory(seats: Int, months: Int, seed: UInt64) -> UsageHistory {
    var rng = BenchRandom(seed: seed, stream: 42)
    let seatHistories = (0..<seats).map { seat in
        let level = 2_100 * rng.logNormal(sigma: 0.8)
        let usage = (0..<months).map { month in
            month > 0 && rng.unit() < 0.03 ? 0 : Int((level * rng.logNormal(sigma: 0.35) / 10).rounded()) * 10
        }
        return SeatHistory(id: UsageGenerator.seatName(seat, workspace: 0), firstOffset: 0, usage: usage)
    }
    let first = Month(year: 2024, month: 1)!
    return UsageHistory(
        workspaces: [WorkspaceHistory(name: "ws0000", seats: seatHistories)],
        firstMonth: first, lastMonth: first.advanced(by: months - 1), hasWorkspaceColumn: true
    )
}

/// `forecast-one`: one workspace of 100 seats, 24 months, horizon 24, 10,000 trials, default
/// model; best and median wall of `--repeat` runs, and the first run on its own.
func forecastOneBench(_ arguments: Arguments) throws(BenchError) {
    let seats = try arguments.int("seats", default: 100)
    let months = try arguments.int("months", default: 24)
    let (settings, threads) = try forecastSettings(arguments, trials: 10_000, horizon: 24, model: ForecastSettings().model.rawValue)
    let repeats = max(1, try arguments.int("repeat", default: 3))
    let history = syntheticHistory(seats: seats, months: months, seed: settings.seed)
    let pricing = Pricing.standard
    let pool = WorkspacePool(
        name: "ws0000", plan: try? pricing.plan(named: "growth"), seats: nil, openingBalance: 0,
        balanceMonth: nil, cap: .monthsOfAccrual(pricing.capMonths)
    )
    var walls: [Double] = []
    var cpus: [Double] = []
    var run: ForecastRun?
    for _ in 0..<repeats {
        let (result, wall, cpu) = Measure.timeAndCPU { () -> Result<ForecastRun, BenchError> in
            do throws(BenchError) {
                return .success(try runEngine(history: history, pools: [pool], pricing: pricing, settings: settings, threads: threads))
            } catch {
                return .failure(error)
            }
        }
        run = try result.get()
        walls.append(wall)
        cpus.append(cpu)
    }
    let (best, median) = Measure.bestAndMedian(walls)
    let forecast = run!.workspaces[0]
    Figure.emit(
        "forecast-one",
        [
            "model": settings.model.rawValue, "seats": "\(seats)", "months": "\(months)", "horizon": "\(settings.horizon)",
            "trials": "\(forecast.trials)", "threads": "\(threads)", "runs": "\(repeats)",
            "wall_s": Figure.fixed(best), "median_s": Figure.fixed(median), "first_s": Figure.fixed(walls[0]),
            "cpu_s": Figure.fixed(Measure.bestAndMedian(cpus).best),
            "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1),
            "p_shortfall": Figure.fixed(forecast.probabilityOfAnyShortfall, 4), "p_cap": Figure.fixed(forecast.probabilityOfAnyCapHit, 4),
        ])
}

/// `portfolio DIR`: import `DIR/usage.csv` and `DIR/workspaces.csv`, resolve every pool, and
/// forecast every workspace, both on `--threads` threads. Import and forecast are timed apart
/// and together.
///
/// A `check` line follows with figures the numpy peer prints too (means over workspaces), so
/// the two can be seen to compute the same thing.
func portfolioBench(_ arguments: Arguments) throws(BenchError) {
    let directory = try arguments.positional(0, name: "DIR")
    let (settings, threads) = try forecastSettings(arguments, trials: 2_000, horizon: 12, model: "bootstrap")
    let repeats = max(1, try arguments.int("repeat", default: 1))
    let pricing = Pricing.standard
    var imports: [Double] = []
    var forecasts: [Double] = []
    var totals: [Double] = []
    var cpus: [Double] = []
    var lastRun: ForecastRun?
    var rows = 0
    for _ in 0..<repeats {
        let (loaded, importWall, importCPU) = Measure.timeAndCPU { () -> Result<(ImportedUsage, [WorkspacePool]), BenchError> in
            do {
                let imported = try UsageImporter.load(fileAt: directory + "/usage.csv", options: UsageImportOptions(threads: threads))
                let history = imported.history
                let list = try WorkspaceListImporter.load(fileAt: directory + "/workspaces.csv")
                let resolver = PoolResolver(pricing: pricing, settings: list)
                let pools = try history.workspaces.map { try resolver.pool(named: $0.name, in: history) }
                return .success((imported, pools))
            } catch {
                return .failure(.failed("import of \(directory) failed: \(error)"))
            }
        }
        let (imported, pools) = try loaded.get()
        let history = imported.history
        rows = imported.rowCount
        let (result, forecastWall, forecastCPU) = Measure.timeAndCPU { () -> Result<ForecastRun, BenchError> in
            do throws(BenchError) {
                return .success(try runEngine(history: history, pools: pools, pricing: pricing, settings: settings, threads: threads))
            } catch {
                return .failure(error)
            }
        }
        lastRun = try result.get()
        imports.append(importWall)
        forecasts.append(forecastWall)
        totals.append(importWall + forecastWall)
        cpus.append(importCPU + forecastCPU)
    }
    let run = lastRun!
    Figure.emit(
        "portfolio",
        [
            "model": settings.model.rawValue, "workspaces": "\(run.workspaces.count)", "rows": "\(rows)",
            "trials": "\(settings.trials)", "horizon": "\(settings.horizon)", "threads": "\(threads)", "runs": "\(repeats)",
            "wall_s": Figure.fixed(Measure.bestAndMedian(totals).best), "median_s": Figure.fixed(Measure.bestAndMedian(totals).median),
            "import_s": Figure.fixed(Measure.bestAndMedian(imports).best),
            "forecast_s": Figure.fixed(Measure.bestAndMedian(forecasts).best),
            "cpu_s": Figure.fixed(Measure.bestAndMedian(cpus).best),
            "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1),
        ])
    let count = Double(max(1, run.workspaces.count))
    let meanShortfall = run.workspaces.reduce(0) { $0 + $1.probabilityOfAnyShortfall } / count
    let meanCap = run.workspaces.reduce(0) { $0 + $1.probabilityOfAnyCapHit } / count
    let meanStart = run.workspaces.reduce(0.0) { $0 + Double($1.startingBalance) } / count
    let meanP50Last = run.workspaces.reduce(0.0) { $0 + Double($1.months.last?.closing.p50 ?? 0) } / count
    Figure.emit(
        "check",
        [
            "who": "creditcast", "model": settings.model.rawValue, "mean_start": Figure.fixed(meanStart, 0),
            "mean_p50_last": Figure.fixed(meanP50Last, 0), "mean_p_shortfall_any": Figure.fixed(meanShortfall, 4),
            "mean_p_cap_any": Figure.fixed(meanCap, 4),
        ])
}
