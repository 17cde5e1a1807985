#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// creditcast-bench: generates synthetic usage exports and times creditcast's importer and
/// forecast engine on them. `scripts/bench.sh` drives it together with the numpy peer in
/// `Benchmarks/peer/peer.py`; see `usageText` for the subcommands.
///
/// Every figure is one line, `name key=value …`, so scripts can pick values out with awk.
do throws(BenchError) {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    switch arguments.command {
    case "generate-usage": try generateUsage(arguments)
    case "generate-portfolio": try generatePortfolio(arguments)
    case "import": try importBench(arguments)
    case "huge-import": try hugeImportBench(arguments)
    case "forecast-one": try forecastOneBench(arguments)
    case "portfolio": try portfolioBench(arguments)
    case "watchlist": try watchlistBench(arguments)
    case "backtest": try backtestBench(arguments)
    case "calibration": try calibrationBench(arguments)
    case "behaviour-usage": try behaviourUsage(arguments)
    case "help", "--help", "-h": print(usageText)
    default: throw BenchError.usage("unknown subcommand \(arguments.command)")
    }
} catch {
    let message = "creditcast-bench: \(error)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(error.isUsage ? 2 : 1)
}

extension BenchError {
    /// Whether the command line was at fault.
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}
