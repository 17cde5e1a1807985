import CreditCore
import CreditLedger
import CreditTestSupport
import Testing

@testable import CreditForecast

/// Same inputs and seed, same results: whatever the threads, and whatever other workspaces
/// (given the same `PortfolioPrior`).
@Suite struct DeterminismTests {
    static func threeWorkspaces() -> UsageHistory {
        Fixtures.history([
            Fixtures.syntheticWorkspace(name: "alpha", seats: 7, months: 12, level: 2_500, seed: 1),
            Fixtures.syntheticWorkspace(name: "beta", seats: 12, months: 12, level: 3_400, seed: 2),
            Fixtures.syntheticWorkspace(name: "gamma", seats: 3, months: 12, level: 1_000, growth: 1.05, seed: 3),
        ])
    }

    @Test(arguments: UsageModelKind.allCases)
    func threadsDoNotChangeResults(_ model: UsageModelKind) throws {
        let history = Self.threeWorkspaces()
        let settings = ForecastSettings(horizon: 9, trials: 1_234, seed: 11, model: model, keepPaths: true)
        let one = try Fixtures.run(history, settings: settings, threads: 1)
        let two = try Fixtures.run(history, settings: settings, threads: 2)
        let three = try Fixtures.run(history, settings: settings, threads: 3)
        #expect(one == two)
        #expect(one == three)
        #expect(one.workspaces.map(\.closingPaths.count) == [1_234 * 9, 1_234 * 9, 1_234 * 9])
    }

    /// A workspace's random draws never depend on the others; with the portfolio's prior given,
    /// neither does anything else, so a workspace forecast alone matches the portfolio run.
    @Test(arguments: UsageModelKind.allCases)
    func aWorkspaceDependsOnTheOthersOnlyThroughThePrior(_ model: UsageModelKind) throws {
        let history = Self.threeWorkspaces()
        let settings = ForecastSettings(horizon: 6, trials: 800, seed: 5, model: model)
        let all = try Fixtures.run(history, settings: settings)
        let prior = model == .seats ? PortfolioPrior.estimate(from: history, parameters: .standard) : nil
        #expect(all.settings.portfolioPrior == prior)
        var alone = history
        alone.workspaces = [history.workspaces[1]]
        var pinned = settings
        pinned.portfolioPrior = prior
        let single = try Fixtures.run(alone, settings: pinned)
        #expect(single.workspaces == [all.workspaces[1]])
    }

    /// Workspaces are fitted and simulated `preparationBatch` at a time, so that memory does not
    /// grow with the portfolio; the workspaces either side of a batch's edge, and the forecast
    /// and renewal of each, are what they are alone.
    @Test func batchesDoNotChangeResults() throws {
        let count = ForecastEngine.preparationBatch + 2
        let history = Fixtures.history(
            (0..<count).map { index in Fixtures.workspace("w\(index)", [1_000 + index % 97, 2_000 + index % 89, 1_500 + index % 83]) })
        let settings = ForecastSettings(horizon: 2, trials: 20, seed: 3, model: .seats, portfolioPrior: .standalone(.standard))
        let all = try Fixtures.run(history, settings: settings)
        #expect(all.workspaces.count == count)
        let renewal = history.lastMonth.advanced(by: 1)
        let years = try ForecastEngine.runRenewal(
            history: history, pools: Fixtures.pools(for: history), pricing: Fixtures.pricing, rules: Fixtures.rules(),
            settings: settings, threads: 2, renewal: renewal
        ) { _, _ in [PurchaseStrategy(name: "payg")] }
        for index in [0, ForecastEngine.preparationBatch - 1, ForecastEngine.preparationBatch, count - 1] {
            var alone = history
            alone.workspaces = [history.workspaces[index]]
            #expect(try Fixtures.run(alone, settings: settings).workspaces == [all.workspaces[index]], "workspace \(index)")
            let year = try ForecastEngine.runRenewal(
                history: alone, pools: Fixtures.pools(for: alone), pricing: Fixtures.pricing, rules: Fixtures.rules(),
                settings: settings, threads: 2, renewal: renewal
            ) { _, _ in [PurchaseStrategy(name: "payg")] }
            #expect(year == [years[index]], "workspace \(index)")
        }
    }

    @Test func precisionModeDoesNotDependOnThreadsOrNeighbours() throws {
        let history = Self.threeWorkspaces()
        let settings = ForecastSettings(
            horizon: 6, seed: 5, model: .seats, precision: 0.01, portfolioPrior: .standalone(.standard)
        )
        let one = try Fixtures.run(history, settings: settings, threads: 1)
        let three = try Fixtures.run(history, settings: settings, threads: 3)
        #expect(one == three)
        var alone = history
        alone.workspaces = [history.workspaces[2]]
        let single = try Fixtures.run(alone, settings: settings)
        #expect(single.workspaces == [one.workspaces[2]])
    }

    @Test func aDifferentSeedGivesDifferentResults() throws {
        let history = Self.threeWorkspaces()
        let first = try Fixtures.run(history, settings: ForecastSettings(horizon: 6, trials: 500, seed: 1))
        let second = try Fixtures.run(history, settings: ForecastSettings(horizon: 6, trials: 500, seed: 2))
        #expect(first.workspaces != second.workspaces)
        #expect(first.workspaces[0].months.map(\.closingMean) != second.workspaces[0].months.map(\.closingMean))
    }

    @Test func generatorStreamsAreReproducibleAndDistinct() {
        var a = Xoshiro256StarStar(seed: 1, stream: 99, trial: 0)
        var b = Xoshiro256StarStar(seed: 1, stream: 99, trial: 0)
        var c = Xoshiro256StarStar(seed: 1, stream: 99, trial: 1)
        var d = Xoshiro256StarStar(seed: 2, stream: 99, trial: 0)
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
        // The reference xoshiro256** output for state (1, 2, 3, 4).
        var reference = Xoshiro256StarStar(state0: 1, state1: 2, state2: 3, state3: 4)
        #expect(reference.next() == 11520)
        #expect(reference.next() == 0)
        #expect(reference.next() == 1_509_978_240)
        #expect(reference.next() == 1_215_971_899_390_074_240)
    }
}
