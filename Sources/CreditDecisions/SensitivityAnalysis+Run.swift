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
    ///     settings, renewal and strategies, without a scenario; its recommendation (by `risk`)
    ///     is the strategy whose cost every setting reports.
    ///   - strategies: must include pay-as-you-go only, whose chance of any pay-as-you-go spend
    ///     is the chance of a shortfall.
    /// - Returns: one analysis per workspace, in the history's order.
    /// - Throws: `ForecastError` and `PricingError` as `runRenewal` does; `ForecastError` when
    ///   `baseline` does not match the history or there is no pay-as-you-go-only strategy.
    public static func run(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules, settings: ForecastSettings,
        threads: Int, renewal: Month, strategies: [ForecastEngine.PurchaseStrategy], risk: RenewalRisk,
        baseline: [ForecastEngine.RenewalForecast]
    ) throws -> [WorkspaceSensitivity] {
        guard baseline.map(\.name) == history.workspaces.map(\.name) else {
            throw ForecastError.invalidSetting("the baseline renewal forecasts are not of the history's workspaces")
        }
        guard let payAsYouGo = strategies.firstIndex(where: { $0.upfront.isEmpty && $0.autoPurchase == nil }) else {
            throw ForecastError.invalidSetting("a sensitivity analysis needs the pay-as-you-go-only strategy to measure shortfalls")
        }
        let first = history.lastMonth.advanced(by: 1)
        let months = (0..<(first.distance(to: renewal) + ForecastEngine.renewalYearMonths)).map { first.advanced(by: $0) }
        let ranges = zip(history.workspaces, pools).map { workspace, pool in
            Self.ranges(for: workspace, pool: pool, pricing: pricing, months: months)
        }
        let chosen = baseline.map { RenewalRecommendation(scenario: ForecastEngine.Scenario.baselineName, forecast: $0, risk: risk).recommendedIndex }
        func outcomes(_ forecasts: [ForecastEngine.RenewalForecast]) -> [SensitivityOutcome] {
            zip(forecasts, chosen).map { forecast, index in
                SensitivityOutcome(
                    renewalCost: risk.cost(of: forecast.outcomes[index]),
                    shortfallProbability: forecast.outcomes[payAsYouGo].probabilityOfAnyPayAsYouGo
                )
            }
        }
        let base = outcomes(baseline)
        // One scenario per driver and side, holding every workspace's own changes; a side that
        // changes nothing anywhere is the baseline and is not run again.
        func run(_ driver: Int, _ side: KeyPath<SensitivityRange, SensitivitySetting>) throws -> [SensitivityOutcome] {
            let changes = ranges.flatMap { $0[driver][keyPath: side].changes }
            guard !changes.isEmpty else { return base }
            let scenario = ForecastEngine.Scenario(name: "\(ranges.first?[driver].driver.rawValue ?? "") sensitivity", changes: changes)
            return outcomes(try ForecastEngine.runRenewal(
                history: history, pools: pools, pricing: pricing, rules: rules, settings: settings, threads: threads,
                renewal: renewal, strategies: strategies, scenario: scenario
            ))
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
                strategy: baseline[index].outcomes[chosen[index]].strategy.name, baseline: base[index],
                effects: ranges[index].indices.map { driver in
                    SensitivityEffect(range: ranges[index][driver], atLow: low[driver][index], atHigh: high[driver][index])
                }
            )
        }
    }
}
