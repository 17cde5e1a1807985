import CreditCore
import CreditLedger

extension ForecastEngine {
    /// Months in a renewal year.
    public static let renewalYearMonths = 12

    /// Chooses the purchase strategies a workspace's renewal compares, from its name and what
    /// its year needs; called once per workspace, possibly on several threads at once.
    public typealias StrategyChoice = @Sendable (_ workspace: String, _ need: RenewalNeed) -> [PurchaseStrategy]

    /// Simulates every workspace's renewal year under purchase strategies on the same trials
    /// (common random numbers: each trial draws its usage once, then every strategy runs on it,
    /// so differences between strategies are not noise).
    ///
    /// Each trial runs the months from the forecast's first month up to `renewal` under `rules`,
    /// then the twelve months from `renewal`. The pool's own path in those months does not
    /// depend on purchases (purchased credits live outside it and are drawn after it), so it is
    /// run once per trial, and what it leaves uncovered each month is the trial's need. Every
    /// strategy then runs that need through `CreditPool.runMonth` on purchased credits alone
    /// (an empty pool with no accrual, holding the lots the trial had at renewal): its up-front
    /// packages are bought at the start of `renewal`, and its auto-purchase package (or
    /// pay-as-you-go) covers what the lots do not. The same month rules bill it, so a
    /// strategy's cost is exactly what the full ledger bills, in cents. Trial streams are those
    /// of `run`, so the draws match a forecast with the same seed and horizon.
    ///
    /// - Parameters:
    ///   - history: the usage history, as for `run`.
    ///   - pools: one pool set-up per workspace, as for `run`.
    ///   - pricing: plans for seats that carry their own plan.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price; in the renewal year
    ///     each strategy's auto-purchase package takes the place of `rules`' own.
    ///   - threads: worker threads; 0 or less uses every active core.
    ///   - renewal: the first month of the renewal year; not before the month after the history.
    ///   - settings: trials, seed and model; the horizon is set to reach the year's end and
    ///     `precision` is not used.
    ///   - scenario: changes to seats, plan and usage, as for `run`.
    ///   - progress: called with the fraction of workspaces done.
    ///   - strategies: the strategies compared for each workspace, in report order, from its
    ///     year's need; never empty.
    /// - Throws: `ForecastError` for a renewal before the forecast, pools that do not match or
    ///   settings out of range; `PricingError` as `run` does.
    public static func runRenewal(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules,
        settings: ForecastSettings, threads: Int, renewal: Month,
        scenario: Scenario? = nil, progress: (@Sendable (Double) -> Void)? = nil, strategies: @escaping StrategyChoice
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
        var used = settings.estimatingPortfolioPrior(from: history)
        used.horizon = first.distance(to: renewal) + renewalYearMonths
        used.precision = nil
        used.keepPaths = false
        try validate(history: history, pools: pools, settings: used)
        let offset = first.distance(to: renewal)
        func plan<Model: UsageModel>(_ model: (WorkspaceHistory, WorkspacePool) -> Model) throws -> [RenewalForecast] {
            try inBatches(
                history: history, pools: pools, pricing: pricing, rules: rules, horizon: used.horizon, seed: used.seed,
                scenario: scenario, model: model, progress: progress
            ) { prepared, progress in
                simulateRenewal(
                    prepared, asOf: history.lastMonth, rules: rules, settings: used, renewalOffset: offset,
                    strategies: strategies, threads: threads, progress: progress
                )
            }
        }
        return switch used.model {
        case .bootstrap: try plan(bootstrapModel(history: history))
        case .seats: try plan(seatsModel(history: history, settings: used))
        }
    }

    /// Per-worker scratch for renewals: one trial's usage, and every trial's need month by
    /// month of the renewal year.
    struct RenewalWorker {
        var usage: UnsafeMutableBufferPointer<Int>
        var needs: UnsafeMutableBufferPointer<Int>
    }

    /// Runs every workspace's renewal trials, one workspace per unit of parallel work, each
    /// writing only its own slot, so results do not depend on the thread count.
    static func simulateRenewal<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], asOf: Month, rules: PurchaseRules, settings: ForecastSettings,
        renewalOffset: Int, strategies: @escaping StrategyChoice, threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [RenewalForecast] {
        let horizon = settings.horizon
        let trials = settings.trials
        let months = (1...horizon).map { asOf.advanced(by: $0) }
        let total = Double(max(1, workspaces.count))
        var results = [RenewalForecast?](repeating: nil, count: workspaces.count)
        results.withUnsafeMutableBufferPointer { slots in
            let output = slots
            WorkQueue.run(
                count: workspaces.count, threads: threads,
                progress: progress.map { report in { @Sendable finished in report(Double(finished) / total) } },
                makeWorker: {
                    RenewalWorker(usage: .allocate(capacity: horizon), needs: .allocate(capacity: trials * renewalYearMonths))
                },
                release: { worker in
                    worker.usage.deallocate()
                    worker.needs.deallocate()
                },
                body: { index, worker in
                    output[index] = renewal(
                        of: workspaces[index], months: months, rules: rules, strategies: strategies,
                        renewalOffset: renewalOffset, settings: settings, worker: worker
                    )
                }
            )
        }
        return results.map { $0! }
    }

    /// One workspace's renewal year: its need on every trial, then every strategy chosen for it.
    static func renewal<Model: UsageModel>(
        of workspace: PreparedWorkspace<Model>, months: [Month], rules: PurchaseRules, strategies: StrategyChoice,
        renewalOffset: Int, settings: ForecastSettings, worker: RenewalWorker
    ) -> RenewalForecast {
        let horizon = months.count
        let trials = settings.trials
        let year = renewalYearMonths
        let path = workspace.path
        let scales = path.scalesUsage
        var poolRules = rules
        poolRules.autoPurchase = nil
        var usageTotals = [Int](repeating: 0, count: trials)
        var extraTotals = [Int](repeating: 0, count: trials)
        // The lots each trial holds at renewal (only auto-purchases before it make any).
        var lotsAtRenewal = [[PurchasedLot]](repeating: [], count: trials)
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
            lotsAtRenewal[trial] = pool.lots
            var bare = CreditPool(balance: pool.balance)
            for month in renewalOffset..<horizon {
                let ledger = bare.runMonth(
                    months[month], accrual: path.accruals[month], cap: path.caps[month], usage: worker.usage[month], rules: poolRules
                )
                worker.needs[trial * year + month - renewalOffset] = ledger.shortfall
                usageTotals[trial] += worker.usage[month]
                extraTotals[trial] += ledger.shortfall
            }
        }
        let need = RenewalNeed(
            usage: Percentiles(nearestRankOf: usageTotals), accrual: path.accruals[renewalOffset..<horizon].reduce(0, +),
            probabilityOfExtra: Double(extraTotals.count { $0 > 0 }) / Double(trials),
            expectedExtra: Double(extraTotals.reduce(Int128(0)) { $0 + Int128($1) }) / Double(trials),
            extra: Percentiles(nearestRankOf: extraTotals),
            largestExtra: extraTotals.max() ?? 0
        )
        let chosen = strategies(workspace.name, need)
        precondition(!chosen.isEmpty, "a renewal compares at least one strategy")
        var costs = [Int](repeating: 0, count: trials)
        let outcomes = chosen.map { strategy in
            var own = rules
            own.autoPurchase = strategy.autoPurchase
            let upfrontCents = strategy.upfront.reduce(0) { $0 + $1.price.cents }
            let upfrontCredits = strategy.upfront.reduce(0) { $0 + $1.credits }
            var paygTrials = 0
            // 128-bit, as `TrialTallies` are: a million trials of a trillion unused credits pass 64 bits.
            var unusedSum: Int128 = 0
            for trial in 0..<trials {
                // A year the pool covers and no lot was carried in: the packages bought up front go unused.
                guard extraTotals[trial] > 0 || !lotsAtRenewal[trial].isEmpty else {
                    costs[trial] = upfrontCents
                    unusedSum += Int128(upfrontCredits)
                    continue
                }
                var purchased = CreditPool(balance: 0, lots: lotsAtRenewal[trial])
                var cents = 0
                var payAsYouGo = 0
                var expired = 0
                for month in 0..<year {
                    let ledger = purchased.runMonth(
                        months[renewalOffset + month], accrual: 0, cap: 0, usage: worker.needs[trial * year + month],
                        scheduled: month == 0 ? strategy.upfront : [], rules: own
                    )
                    cents += ledger.packageCost.cents + ledger.payAsYouGoCost.cents
                    payAsYouGo += ledger.payAsYouGo
                    expired += ledger.expired
                }
                costs[trial] = cents
                if payAsYouGo > 0 { paygTrials += 1 }
                unusedSum += Int128(expired + purchased.purchasedBalance)
            }
            return StrategyOutcome(
                strategy: strategy, expectedCost: Money(cents: meanHalfUp(costs.reduce(Int128(0)) { $0 + Int128($1) }, trials)),
                p90Cost: Money(cents: Percentiles(nearestRankOf: costs).p90),
                probabilityOfAnyPayAsYouGo: Double(paygTrials) / Double(trials),
                expectedUnusedCredits: Double(unusedSum) / Double(trials)
            )
        }
        return RenewalForecast(
            name: workspace.name, plan: workspace.plan, seats: workspace.seats, startingBalance: workspace.start.balance,
            renewal: months[renewalOffset], trials: trials, need: need, outcomes: outcomes,
            seatFees: path.seatFees(in: renewalOffset..<horizon)
        )
    }
}
