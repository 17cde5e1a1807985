import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import UsageImport

#if canImport(Glibc)
import Glibc
#endif

/// `watchlist DIR [--trials 1000] [--horizon 12] [--model seats] [--threads N] [--seed 1]`:
/// what `creditcast watchlist` does for a portfolio made by `generate-portfolio`: import
/// `DIR/usage.csv` and `DIR/workspaces.csv`, forecast every workspace, rank the watchlist.
/// The target is 10,000 workspaces with 1,000 trials each in under 60 s.
func watchlistBench(_ arguments: Arguments) throws(BenchError) {
    let directory = try arguments.positional(0, name: "DIR")
    let modelName = try arguments.string("model", default: UsageModelKind.seats.rawValue)
    guard let model = UsageModelKind(rawValue: modelName) else {
        throw BenchError.usage("--model is one of \(UsageModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let settings = ForecastSettings(
        horizon: try arguments.int("horizon", default: 12), trials: try arguments.int("trials", default: 1_000),
        seed: UInt64(try arguments.int("seed", default: 1)), model: model
    )
    let threads = try arguments.int("threads", default: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let pricing = Pricing.standard
    let (outcome, wall, cpu) = Measure.timeAndCPU { () -> Result<(Watchlist, import: Double), BenchError> in
        do {
            let ((history, pools), importWall) = try Measure.time { () throws -> (UsageHistory, [WorkspacePool]) in
                let history = try UsageImporter.load(fileAt: directory + "/usage.csv", options: UsageImportOptions()).history
                let resolver = PoolResolver(
                    pricing: pricing, settings: try WorkspaceListImporter.load(fileAt: directory + "/workspaces.csv"))
                return (history, try history.workspaces.map { try resolver.pool(named: $0.name, in: history) })
            }
            let run = try ForecastEngine.run(
                history: history, pools: pools, pricing: pricing, rules: PurchaseRules(pricing: pricing),
                settings: settings, threads: threads, inputHash: "creditcast-bench"
            )
            return .success((Watchlist(run: run), importWall))
        } catch {
            return .failure(.failed("watchlist of \(directory) failed: \(error)"))
        }
    }
    let (watchlist, importWall) = try outcome.get()
    Figure.emit(
        "watchlist",
        [
            "model": model.rawValue, "workspaces": "\(watchlist.entries.count)", "trials": "\(settings.trials)",
            "horizon": "\(settings.horizon)", "threads": "\(threads)", "wall_s": Figure.fixed(wall),
            "import_s": Figure.fixed(importWall), "cpu_s": Figure.fixed(cpu), "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1),
            "running_short": "\(watchlist.count(.runningShort))", "near_cap": "\(watchlist.count(.nearCap))",
            "healthy": "\(watchlist.count(.healthy))",
        ])
}
