import CreditCore
import CreditLedger

extension ForecastEngine {
    /// Months in a renewal year.
    public static let renewalYearMonths = 12

    /// Simulates every workspace's renewal year under each purchase strategy on the same trials
    /// (common random numbers: each trial draws its usage once, then every strategy runs on it,
    /// so differences between strategies are not noise).
    ///
    /// Each trial runs the months from the forecast's first month up to `renewal` under `rules`,
    /// then the twelve months from `renewal` once per strategy: its up-front packages are bought
    /// at the start of `renewal`, and its auto-purchase package (or pay-as-you-go) covers any
    /// shortfall. A strategy's cost is what the year's months bill (`packageCost` plus
    /// `payAsYouGoCost` of `CreditPool.runMonth`), exact in cents. Trial streams are those of
    /// `run`, so the draws match a forecast with the same seed and horizon.
    ///
    /// - Parameters:
    ///   - history: the usage history, as for `run`.
    ///   - pools: one pool set-up per workspace, as for `run`.
    ///   - pricing: plans for seats that carry their own plan.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price; in the renewal year
    ///     each strategy's auto-purchase package takes the place of `rules`' own.
    ///   - threads: worker threads; 0 or less uses every active core.
    ///   - renewal: the first month of the renewal year; not before the month after the history.
    ///   - strategies: the strategies compared, in report order; at least one.
    ///   - settings: trials, seed and model; the horizon is set to reach the year's end and
    ///     `precision` is not used.
    ///   - scenario: changes to seats, plan and usage, as for `run`.
    ///   - progress: called with the fraction of workspaces done.
    /// - Throws: `ForecastError` for a renewal before the forecast, no strategies, pools that do
    ///   not match or settings out of range; `PricingError` as `run` does.
    public static func runRenewal(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules,
        settings: ForecastSettings, threads: Int, renewal: Month, strategies: [PurchaseStrategy],
        scenario: Scenario? = nil, progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> [RenewalForecast] {
        let first = history.lastMonth.advanced(by: 1)
        guard renewal >= first else {
            throw ForecastError.invalidSetting(
                "the renewal month \(renewal) is before the forecast's first month \(first); give a renewal month of \(first) or later"
            )
        }
        let latest = first.advanced(by: ForecastSettings.maximumHorizon - renewalYearMonths)
        guard renewal <= latest else {
            throw ForecastError.invalidSetting(
                "the renewal month \(renewal) is more than \(ForecastSettings.maximumHorizon - renewalYearMonths) months after the "
                    + "forecast's first month \(first); give a renewal month up to \(latest)"
            )
        }
        guard !strategies.isEmpty else { throw ForecastError.invalidSetting("at least one purchase strategy is needed") }
        var used = settings.estimatingPortfolioPrior(from: history)
        used.horizon = first.distance(to: renewal) + renewalYearMonths
        used.precision = nil
        used.keepPaths = false
        try validate(history: history, pools: pools, settings: used, holdsValues: false)
        let offset = first.distance(to: renewal)
        func plan<Model: UsageModel>(_ model: (WorkspaceHistory, WorkspacePool) -> Model) throws -> [RenewalForecast] {
            let prepared = try prepare(
                history: history, pools: pools, pricing: pricing, rules: rules, horizon: used.horizon, seed: used.seed,
                scenario: scenario, model: model
            )
            return simulateRenewal(
                prepared, asOf: history.lastMonth, rules: rules, settings: used, renewalOffset: offset,
                strategies: strategies, threads: threads, progress: progress
            )
        }
        return switch used.model {
        case .bootstrap: try plan(bootstrapModel(history: history))
        case .seats: try plan(seatsModel(history: history, settings: used))
        }
    }

    /// Per-worker scratch for renewals: one trial's usage and every strategy's cost per trial.
    struct RenewalWorker {
        var usage: UnsafeMutableBufferPointer<Int>
        var costs: UnsafeMutableBufferPointer<Int>
    }

    /// Runs every workspace's renewal trials, one workspace per unit of parallel work, each
    /// writing only its own slot, so results do not depend on the thread count.
    static func simulateRenewal<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], asOf: Month, rules: PurchaseRules, settings: ForecastSettings,
        renewalOffset: Int, strategies: [PurchaseStrategy], threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [RenewalForecast] {
        let horizon = settings.horizon
        let trials = settings.trials
        let months = (1...horizon).map { asOf.advanced(by: $0) }
        let strategyRules = strategies.map { strategy in
            var own = rules
            own.autoPurchase = strategy.autoPurchase
            return own
        }
        let total = Double(max(1, workspaces.count))
        var results = [RenewalForecast?](repeating: nil, count: workspaces.count)
        results.withUnsafeMutableBufferPointer { slots in
            let output = slots
            WorkQueue.run(
                count: workspaces.count, threads: threads,
                progress: progress.map { report in { @Sendable finished in report(Double(finished) / total) } },
                makeWorker: {
                    RenewalWorker(usage: .allocate(capacity: horizon), costs: .allocate(capacity: trials * strategies.count))
                },
                release: { worker in
                    worker.usage.deallocate()
                    worker.costs.deallocate()
                },
                body: { index, worker in
                    output[index] = renewal(
                        of: workspaces[index], months: months, rules: rules, strategyRules: strategyRules,
                        strategies: strategies, renewalOffset: renewalOffset, settings: settings, worker: worker
                    )
                }
            )
        }
        return results.map { $0! }
    }

    /// One workspace's renewal year under every strategy.
    static func renewal<Model: UsageModel>(
        of workspace: PreparedWorkspace<Model>, months: [Month], rules: PurchaseRules, strategyRules: [PurchaseRules],
        strategies: [PurchaseStrategy], renewalOffset: Int, settings: ForecastSettings, worker: RenewalWorker
    ) -> RenewalForecast {
        let horizon = months.count
        let trials = settings.trials
        let path = workspace.path
        let scales = path.scalesUsage
        var paygTrials = [Int](repeating: 0, count: strategies.count)
        // 128-bit, as `TrialTallies` are: a million trials of a trillion unused credits pass 64 bits.
        var unusedSums = [Int128](repeating: 0, count: strategies.count)
        for trial in 0..<trials {
            var generator = workspace.streams.generator(trial: trial)
            workspace.model.drawTrial(into: worker.usage, using: &generator)
            if scales {
                for month in 0..<horizon { worker.usage[month] = path.scaled(worker.usage[month], month: month) }
            }
            var pool = workspace.start
            for month in 0..<renewalOffset {
                _ = pool.runMonth(
                    months[month], accrual: path.accruals[month], cap: path.caps[month], usage: worker.usage[month], rules: rules
                )
            }
            for (index, strategy) in strategies.enumerated() {
                var own = pool
                var cents = 0
                var payAsYouGo = 0
                var expired = 0
                for month in renewalOffset..<horizon {
                    let ledger = own.runMonth(
                        months[month], accrual: path.accruals[month], cap: path.caps[month], usage: worker.usage[month],
                        scheduled: month == renewalOffset ? strategy.upfront : [], rules: strategyRules[index]
                    )
                    cents += ledger.packageCost.cents + ledger.payAsYouGoCost.cents
                    payAsYouGo += ledger.payAsYouGo
                    expired += ledger.expired
                }
                worker.costs[index * trials + trial] = cents
                if payAsYouGo > 0 { paygTrials[index] += 1 }
                unusedSums[index] += Int128(expired + own.purchasedBalance)
            }
        }
        let outcomes = strategies.enumerated().map { index, strategy in
            let costs = Array(worker.costs[(index * trials)..<((index + 1) * trials)])
            let totalCents = costs.reduce(Int128(0)) { $0 + Int128($1) }
            return StrategyOutcome(
                strategy: strategy, expectedCost: Money(cents: meanHalfUp(totalCents, trials)),
                p90Cost: Money(cents: Percentiles(nearestRankOf: costs).p90),
                probabilityOfAnyPayAsYouGo: Double(paygTrials[index]) / Double(trials),
                expectedUnusedCredits: Double(unusedSums[index]) / Double(trials)
            )
        }
        return RenewalForecast(
            name: workspace.name, plan: workspace.plan, seats: workspace.seats, startingBalance: workspace.start.balance,
            renewal: months[renewalOffset], trials: trials, outcomes: outcomes
        )
    }
}
