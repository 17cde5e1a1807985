import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import Foundation
import Testing
import UsageImport

/// The default model's measured calibration, held as a regression guard: on the bundled
/// portfolio sample and on generated portfolios with a trend and with seats joining, its P10–P90
/// band holds 75–85% of what happened and its CRPS beats every baseline, with the backtest's
/// default 1,000 trials (fewer make the percentiles noisier and the bands a little narrower).
/// (`creditcast-bench calibration` measures every dataset at full size.)
@Suite struct CalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func expectCalibrated(_ run: BacktestRun, _ label: String) throws {
        let seats = try #require(run.tally.overallScore(of: .seats))
        #expect((0.75...0.85).contains(seats.coverage80), "\(label): P10–P90 coverage \(seats.coverage80)")
        for baseline in BacktestModel.baselines {
            let score = try #require(run.tally.overallScore(of: baseline))
            #expect(seats.crps < score.crps, "\(label): seats CRPS \(seats.crps) vs \(baseline) \(score.crps)")
        }
    }

    @Test func onTheBundledPortfolioSample() throws {
        let history = try UsageImporter.load(
            fileAt: Self.root.appendingPathComponent("samples/portfolio-usage.csv").path, options: UsageImportOptions()
        ).history
        let resolver = PoolResolver(
            pricing: .standard,
            settings: try WorkspaceListImporter.load(fileAt: Self.root.appendingPathComponent("samples/workspaces.csv").path)
        )
        let pools = try history.workspaces.map { try resolver.pool(named: $0.name, in: history) }
        let run = try Backtest.run(
            history: history, pools: pools, pricing: .standard, rules: PurchaseRules(pricing: .standard),
            settings: BacktestSettings(), threads: 2, inputHash: "test"
        )
        #expect(run.records.count == 24 * 4 * 21)
        try Self.expectCalibrated(run, "portfolio sample")
    }

    @Test(arguments: [SyntheticPortfolio.Behaviour.trend, .seatsJoining])
    func onGeneratedPortfolios(_ behaviour: SyntheticPortfolio.Behaviour) throws {
        let portfolio = SyntheticPortfolio(workspaces: 60, months: 24, behaviour: behaviour, seed: 1)
        let run = try Backtest.run(
            history: portfolio.history, pools: portfolio.pools, pricing: .standard, rules: PurchaseRules(pricing: .standard),
            settings: BacktestSettings(), threads: 2, inputHash: "test"
        )
        try Self.expectCalibrated(run, behaviour.name)
    }
}
