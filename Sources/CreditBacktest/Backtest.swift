import CreditCore
import CreditForecast
import CreditLedger

/// Rolling-origin backtest: forecast from past cut-off months with only the history up to each,
/// and score the forecasts against what then happened.
///
/// For each origin `o` (the latest `settings.origins` months that leave at least one month after
/// them and `settings.minimumHistoryMonths` of history through them) and each workspace with that
/// much history of its own, every model in `settings.scoredModels` is fitted on
/// `history.truncated(through: o)` (the `seats` model's `PortfolioPrior` too, from every
/// workspace as it stood at `o`, as a forecast made then would) and runs `settings.trials`
/// trials of the next `min(horizon, months left)` months. Each step is compared with the real usage and with the
/// pool balance the ledger gives on real usage (`HistoryReplay`, the same rules as the trials);
/// each event ("a cap hit / a shortfall within `k` months") with whether it happened.
///
/// **Pools.** Every pool is replayed from the history's first month, opening at the pool's
/// `openingBalance` when its `balanceMonth` is that month or earlier and at 0 otherwise: a
/// balance stated for a later month (a workspaces file's balance today) says nothing about the
/// balance at a past origin. A trial starts from the replayed pool at its origin and, like the
/// forecast, holds the origin's seats, accrual and cap; the actual ledger has the seats that
/// really came.
///
/// **Reproducibility.** Trial `t` of workspace `w` draws from `TrialStream(seed:workspace:)`,
/// the engine's derivation, so a forecast model's trials are the engine's trials for the same
/// truncated history; records are gathered in a fixed order, so the run is the same for any
/// `threads`.
public enum Backtest {
    /// The origins `settings` gives for `history`, oldest first; empty when the history is too
    /// short.
    public static func origins(for history: UsageHistory, settings: BacktestSettings) -> [Month] {
        let latest = history.lastMonth.advanced(by: -1)
        let earliest = history.firstMonth.advanced(by: settings.minimumHistoryMonths - 1)
        guard latest >= earliest, settings.origins > 0 else { return [] }
        let count = min(settings.origins, earliest.distance(to: latest) + 1)
        return (0..<count).reversed().map { latest.advanced(by: -$0) }
    }

    /// The pool a backtest replays: as given when its balance opens the history (or earlier),
    /// otherwise opening at 0 in the history's first month (see the type's documentation).
    public static func replayPool(_ pool: WorkspacePool, history: UsageHistory) -> WorkspacePool {
        guard let month = pool.balanceMonth, month > history.firstMonth else { return pool }
        var copy = pool
        copy.openingBalance = 0
        copy.balanceMonth = nil
        return copy
    }

    /// Runs the backtest.
    ///
    /// - Parameters:
    ///   - history: the whole usage history.
    ///   - pools: one pool set-up per workspace, in `history.workspaces` order.
    ///   - pricing: plans for seats that carry their own plan.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price.
    ///   - settings: horizon, origins, trials, seed, models.
    ///   - threads: worker threads; 0 or less uses every active core.
    ///   - inputHash: the caller's fingerprint of the inputs, carried into the run.
    ///   - progress: called from worker threads with the fraction done, 0 … 1.
    /// - Throws: `BacktestError` for settings out of range, pools that do not match or a history
    ///   too short; `PricingError` for a seat plan the pricing does not list.
    public static func run(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules, settings: BacktestSettings,
        threads: Int, inputHash: String, progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> BacktestRun {
        try validate(settings)
        guard pools.count == history.workspaces.count, zip(pools, history.workspaces).allSatisfy({ $0.name == $1.name }) else {
            throw BacktestError.poolsDoNotMatchWorkspaces(expected: history.workspaces.count, found: pools.count)
        }
        let origins = origins(for: history, settings: settings)
        guard !origins.isEmpty else {
            throw BacktestError.notEnoughHistory(months: history.monthCount, needed: settings.minimumHistoryMonths + 1)
        }

        // What really happened: every workspace's ledger on its real usage.
        let replay = HistoryReplay(pricing: pricing, rules: rules)
        let replayPools = pools.map { replayPool($0, history: history) }
        var actuals: [[LedgerMonth]] = []
        for (workspace, pool) in zip(history.workspaces, replayPools) {
            actuals.append(try replay.replay(workspace, of: history, pool: pool))
        }

        // The history as it stood at each origin, and the units of work: (origin, workspace).
        let truncated = try origins.map { try history.truncated(through: $0) }
        var units: [Unit] = []
        for (originIndex, cut) in truncated.enumerated() {
            var position: [String: Int] = [:]
            for (index, workspace) in cut.workspaces.enumerated() { position[workspace.name] = index }
            for (index, workspace) in history.workspaces.enumerated() {
                // A workspace without seats has no ledger to compare with.
                guard let cutIndex = position[workspace.name], actuals[index].count == history.monthCount else { continue }
                let first = cut.workspaces[cutIndex].seats.map(\.firstOffset).min() ?? cut.monthCount
                guard cut.monthCount - first >= settings.minimumHistoryMonths else { continue }
                units.append(Unit(origin: originIndex, workspace: index, truncatedWorkspace: cutIndex))
            }
        }

        // Each origin's portfolio prior, estimated from the workspaces as they stood then.
        let priors = truncated.map { PortfolioPrior.estimate(from: $0, parameters: settings.seatsParameters) }
        let models = settings.scoredModels
        let results = WorkQueue.map(
            count: units.count, threads: threads, progress: progress,
            makeWorker: { TrialSamples(trials: settings.trials, horizon: settings.horizon) },
            release: { $0.release() },
            body: { index, samples -> Result<[BacktestRecord], Error> in
                let unit = units[index]
                return Result {
                    try unitRecords(
                        unit, cut: truncated[unit.origin], prior: priors[unit.origin], pool: replayPools[unit.workspace],
                        actual: actuals[unit.workspace],
                        history: history, models: models, pricing: pricing, rules: rules, settings: settings, samples: &samples
                    )
                }
            }
        )
        var records: [BacktestRecord] = []
        records.reserveCapacity(units.count * models.count * settings.horizon)
        for result in results { records.append(contentsOf: try result.get()) }
        return BacktestRun(
            settings: settings, firstMonth: history.firstMonth, lastMonth: history.lastMonth, origins: origins,
            workspaceCount: history.workspaces.count, inputHash: inputHash, records: records
        )
    }

    /// One workspace at one origin.
    struct Unit {
        /// Index into the origins.
        var origin: Int
        /// Index into the whole history's workspaces.
        var workspace: Int
        /// Index into the truncated history's workspaces.
        var truncatedWorkspace: Int
    }

    static func validate(_ settings: BacktestSettings) throws(BacktestError) {
        guard (1...120).contains(settings.horizon) else { throw .invalidSetting("the horizon must be 1 to 120 months") }
        guard settings.origins >= 1 else { throw .invalidSetting("at least one origin is needed") }
        guard settings.trials >= 1 else { throw .invalidSetting("the trial count must be at least 1") }
        guard settings.trials <= BacktestSettings.maximumTrials else {
            throw .invalidSetting("the trial count must be at most \(BacktestSettings.maximumTrials.groupedThousands)")
        }
        guard settings.origins <= BacktestSettings.maximumOrigins else {
            throw .invalidSetting("at most \(BacktestSettings.maximumOrigins) origins can be tested")
        }
        guard settings.minimumHistoryMonths >= BacktestSettings.leastHistoryMonths else {
            throw .invalidSetting("the minimum history must be at least \(BacktestSettings.leastHistoryMonths) months")
        }
        guard !settings.candidates.isEmpty else { throw .invalidSetting("name at least one model to test") }
    }

    /// Every model's records for one unit, models in order, steps in order.
    static func unitRecords(
        _ unit: Unit, cut: UsageHistory, prior: PortfolioPrior, pool: WorkspacePool, actual: [LedgerMonth], history: UsageHistory,
        models: [BacktestModel], pricing: Pricing, rules: PurchaseRules, settings: BacktestSettings, samples: inout TrialSamples
    ) throws -> [BacktestRecord] {
        let workspace = cut.workspaces[unit.truncatedWorkspace]
        let origin = cut.lastMonth
        let originOffset = history.firstMonth.distance(to: origin)
        let steps = min(settings.horizon, origin.distance(to: history.lastMonth))
        let start = try ForecastEngine.startingPool(for: workspace, pool: pool, history: cut, pricing: pricing, rules: rules)
        let accrual = try pool.accruals(for: workspace, monthCount: cut.monthCount, pricing: pricing).last ?? 0
        let cap = pool.cap.cap(forAccrual: accrual)
        let stream = TrialStream(seed: settings.seed, workspace: workspace.name)
        // `actual` runs from the history's first month: the pool was replayed from there.
        let months = Array(actual[(originOffset + 1)...(originOffset + steps)])

        var records: [BacktestRecord] = []
        records.reserveCapacity(models.count * steps)
        for model in models {
            switch model {
            case .seats:
                let fitted = SeatsUsageModel(
                    workspace: workspace, monthCount: cut.monthCount, seatCount: pool.seats, horizon: settings.horizon,
                    parameters: settings.seatsParameters, prior: prior
                )
                samples.simulate(
                    fitted, steps: steps, origin: origin, start: start, accrual: accrual, cap: cap, rules: rules, stream: stream)
            case .bootstrap:
                let fitted = BootstrapUsageModel(workspace: workspace, monthCount: cut.monthCount)
                samples.simulate(
                    fitted, steps: steps, origin: origin, start: start, accrual: accrual, cap: cap, rules: rules, stream: stream)
            case .naive:
                let fitted = NaiveUsageModel(workspace: workspace, monthCount: cut.monthCount)
                samples.simulate(
                    fitted, steps: steps, origin: origin, start: start, accrual: accrual, cap: cap, rules: rules, stream: stream)
            case .mean:
                let fitted = MeanUsageModel(workspace: workspace, monthCount: cut.monthCount)
                samples.simulate(
                    fitted, steps: steps, origin: origin, start: start, accrual: accrual, cap: cap, rules: rules, stream: stream)
            }
            var capHappened = false
            var shortfallHappened = false
            for step in 1...steps {
                let real = months[step - 1]
                capHappened = capHappened || real.forfeited > 0
                shortfallHappened = shortfallHappened || real.shortfall > 0
                records.append(
                    BacktestRecord(
                        origin: origin, workspace: workspace.name, model: model, step: step,
                        usage: samples.score(\.usage, step: step - 1, actual: real.used),
                        balance: samples.score(\.closing, step: step - 1, actual: real.closing),
                        capHit: EventForecast(probability: samples.probability(\.firstCapHit, within: step), happened: capHappened),
                        shortfall: EventForecast(
                            probability: samples.probability(\.firstShortfall, within: step), happened: shortfallHappened),
                        isLastStep: step == steps
                    ))
            }
        }
        return records
    }
}
