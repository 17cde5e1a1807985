import CreditCore
import CreditForecast
import CreditLedger

extension SensitivityAnalysis {
    /// Every workspace's sensitivity: each driver at its P10 and P90 (see `ranges`), each run
    /// through `ForecastEngine.runRenewal` with the same settings and trials as `baseline`.
    ///
    /// - Parameters:
    ///   - history: the usage history the baseline was forecast from.
    ///   - pools: one pool set-up per workspace, in the history's order.
    ///   - pricing: plans and packages, as for the baseline.
    ///   - rules: the pool's rules, as for the baseline.
    ///   - settings: the baseline's trials, seed and model.
    ///   - threads: worker threads; 0 or less uses every active core.
    ///   - renewal: the first month of the renewal year.
    ///   - risk: what the recommendation minimises.
    ///   - baseline: `runRenewal`'s forecasts of the same history, pools, pricing, rules,
    ///     settings and renewal, without a scenario; its recommendation (by `risk`) is the
    ///     strategy whose cost every setting reports, the only one each setting runs.
    /// - Returns: one analysis per workspace, in the history's order.
    /// - Throws: `ForecastError` and `PricingError` as `runRenewal` does; `ForecastError` when
    ///   `baseline` does not match the history.
    public static func run(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules, settings: ForecastSettings,
        threads: Int, renewal: Month, risk: RenewalRisk,
        baseline: [RenewalForecast]
    ) throws -> [WorkspaceSensitivity] {
        guard baseline.map(\.name) == history.workspaces.map(\.name) else {
            throw ForecastError.invalidSetting("the baseline renewal forecasts are not of the history's workspaces")
        }
        let first = history.lastMonth.advanced(by: 1)
        let months = (0..<(first.distance(to: renewal) + ForecastEngine.renewalYearMonths)).map { first.advanced(by: $0) }
        let ranges = zip(history.workspaces, pools).map { workspace, pool in
            Self.ranges(for: workspace, pool: pool, pricing: pricing, months: months)
        }
        let chosen = baseline.map {
            RenewalRecommendation(scenario: Scenario.baselineName, forecast: $0, risk: risk).recommended.strategy
        }
        let recommended = Dictionary(zip(baseline.map(\.name), chosen)) { first, _ in first }
        // The shortfall chance is the year's chance of needing extra credits, the same under every strategy.
        func outcomes(_ forecasts: [RenewalForecast], chosenAt index: (Int) -> Int) -> [SensitivityOutcome] {
            forecasts.enumerated().map { workspace, forecast in
                SensitivityOutcome(
                    renewalCost: risk.cost(of: forecast.outcomes[index(workspace)]),
                    shortfallProbability: forecast.need.probabilityOfExtra
                )
            }
        }
        let base = outcomes(baseline) { workspace in
            baseline[workspace].outcomes.firstIndex { $0.strategy == chosen[workspace] } ?? 0
        }
        // One scenario per driver and side, holding every workspace's own changes; a side that
        // changes nothing anywhere is the baseline and is not run again.
        func run(_ driver: Int, _ side: KeyPath<SensitivityRange, SensitivitySetting>) throws -> [SensitivityOutcome] {
            let changes = ranges.flatMap { $0[driver][keyPath: side].changes }
            guard !changes.isEmpty else { return base }
            let scenario = Scenario(name: "\(ranges.first?[driver].driver.rawValue ?? "") sensitivity", changes: changes)
            let forecasts = try ForecastEngine.runRenewal(
                history: history, pools: pools, pricing: pricing, rules: rules, settings: settings, threads: threads,
                renewal: renewal, scenario: scenario
            ) { workspace, _ in [recommended[workspace] ?? PurchaseStrategy(name: "payg")] }
            return outcomes(forecasts) { _ in 0 }
        }
        var low: [[SensitivityOutcome]] = []
        var high: [[SensitivityOutcome]] = []
        for driver in SensitivityDriver.allCases.indices {
            low.append(try run(driver, \.low))
            high.append(try run(driver, \.high))
        }
        return history.workspaces.indices.map { index in
            WorkspaceSensitivity(
                workspace: baseline[index].name, renewal: baseline[index].renewal,
                strategy: chosen[index].name, baseline: base[index],
                effects: ranges[index].indices.map { driver in
                    SensitivityEffect(range: ranges[index][driver], atLow: low[driver][index], atHigh: high[driver][index])
                }
            )
        }
    }
}
