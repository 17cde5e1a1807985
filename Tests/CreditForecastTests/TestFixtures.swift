import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation

/// The forecast's own fixtures, beside the shared ones of `CreditTestSupport`.
extension Fixtures {
    static func run(
        _ history: UsageHistory, pools: [WorkspacePool]? = nil, rules: PurchaseRules = rules(),
        settings: ForecastSettings, threads: Int = 2
    ) throws -> ForecastRun {
        try ForecastEngine.run(
            history: history, pools: pools ?? Fixtures.pools(for: history), pricing: pricing, rules: rules,
            settings: settings, threads: threads, inputHash: "test"
        )
    }

    /// A deterministic pseudo-random workspace: `seats` seats at about `level` credits a month,
    /// growing by `growth` a month, with lognormal noise and some idle months.
    static func syntheticWorkspace(
        name: String, seats: Int, months: Int, level: Double, growth: Double = 1, seed: UInt64
    ) -> WorkspaceHistory {
        var generator = Xoshiro256StarStar(seed: seed)
        let seatHistories = (0..<seats).map { index in
            let (seatDraw, _) = generator.nextNormalPair()
            let seatLevel = level * exp(0.5 * seatDraw)
            let usage = (0..<months).map { month -> Int in
                let (noise, _) = generator.nextNormalPair()
                if generator.nextUnitDouble() < 0.05 { return 0 }
                var value = seatLevel * exp(0.3 * noise)
                for _ in 0..<month { value *= growth }
                return Int(value.rounded())
            }
            return seat("seat\(index)", usage)
        }
        return WorkspaceHistory(name: name, seats: seatHistories)
    }
}
