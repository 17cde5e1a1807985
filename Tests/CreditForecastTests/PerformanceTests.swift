import CreditCore
import CreditForecast
import CreditLedger
import Foundation
import Testing
import UsageImport

/// Wall-clock checks of the brief's workloads; run in release with `CREDITCAST_PERF=1`:
/// `CREDITCAST_PERF=1 swift test -c release --filter PerformanceTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CREDITCAST_PERF"] != nil))
struct PerformanceTests {
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func oneWorkspaceOfAHundredSeats() throws {
        let history = Fixtures.history([Fixtures.syntheticWorkspace(name: "big", seats: 100, months: 24, level: 2_100, seed: 1)])
        let settings = ForecastSettings(horizon: 24, trials: 10_000, seed: 1, model: .seats)
        let run = try Fixtures.run(history, settings: settings, threads: 0)
        // The work really is done: 100 seats' usage, month by month.
        let last = history.workspaces[0].monthlyUsage.last ?? 0
        #expect(run.workspaces[0].months.allSatisfy { $0.usage.p50 > last / 2 && $0.usage.p50 < last * 2 })
        print("PERF last history month \(last), forecast P50 \(run.workspaces[0].months.map(\.usage.p50))")
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, try Self.time { _ = try Fixtures.run(history, settings: settings, threads: 0) }) }
        print("PERF 1 workspace × 100 seats, 24 months, horizon 24, 10,000 trials, seats: \(best) s")
        #expect(best < 0.5)
    }

    @Test(arguments: [(UsageModelKind.bootstrap, 1.0), (.seats, 3.0)])
    func aThousandWorkspaces(_ model: UsageModelKind, limit: Double) throws {
        var generator = Xoshiro256StarStar(seed: 99)
        let workspaces = (0..<1_000).map { index in
            Fixtures.syntheticWorkspace(
                name: "ws\(index)", seats: 5 + Int(generator.next(upperBound: UInt64(46))), months: 24, level: 2_100, seed: UInt64(index)
            )
        }
        let history = Fixtures.history(workspaces)
        let settings = ForecastSettings(horizon: 12, trials: 2_000, seed: 1, model: model)
        var best = Double.infinity
        for _ in 0..<2 { best = min(best, try Self.time { _ = try Fixtures.run(history, settings: settings, threads: 0) }) }
        print("PERF 1,000 workspaces × 5–50 seats, 24 months, horizon 12, 2,000 trials, \(model.rawValue): \(best) s")
        #expect(best < limit)
    }
}
