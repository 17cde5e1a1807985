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
    ///   - deliver: when given, called on the caller's thread with each batch's records, in the
    ///     run's order, as soon as they are scored; the run returned then keeps none (its tally
    ///     has every score), so memory holds a batch, not millions of records. What it throws
    ///     ends the run.
    /// - Throws: `BacktestError` for settings out of range, pools that do not match or a history
    ///   too short; `PricingError` for a seat plan the pricing does not list.
    public static func run(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules, settings: BacktestSettings,
        threads: Int, inputHash: String, progress: (@Sendable (Double) -> Void)? = nil,
        deliver: (([BacktestRecord]) throws -> Void)? = nil
    ) throws -> BacktestRun {
        try validate(settings)
        guard pools.count == history.workspaces.count, zip(pools, history.workspaces).allSatisfy({ $0.name == $1.name }) else {
            throw BacktestError.poolsDoNotMatchWorkspaces(expected: history.workspaces.count, found: pools.count)
        }
        let origins = origins(for: history, settings: settings)
        guard !origins.isEmpty else {
            throw BacktestError.notEnoughHistory(months: history.monthCount, needed: settings.minimumHistoryMonths + 1)
        }

        // What really happened: every workspace's ledger on its real usage, kept as far as the
        // forecasts are compared with it.
        let replay = HistoryReplay(pricing: pricing, rules: rules)
        let replayPools = pools.map { replayPool($0, history: history) }
        var actuals: [[Actual]] = []
        actuals.reserveCapacity(history.workspaces.count)
        for (workspace, pool) in zip(history.workspaces, replayPools) {
            actuals.append(try replay.replay(workspace, of: history, pool: pool).map(Actual.init))
        }

        let models = settings.scoredModels
        var tally = BacktestTally(models: models, horizon: settings.horizon, workspaces: history.workspaces.count)
        var kept: [BacktestRecord] = []
        // One origin at a time: the history as it stood then, and its portfolio prior,
        // estimated from the workspaces as they stood then, exist for that origin alone.
        for (originIndex, origin) in origins.enumerated() {
            let cut = try history.truncated(through: origin)
            let units = units(of: cut, in: history, actuals: actuals, settings: settings)
            let prior = PortfolioPrior.estimate(from: cut, parameters: settings.seatsParameters)
            for start in stride(from: 0, to: units.count, by: unitBatch) {
                let batch = units[start..<min(units.count, start + unitBatch)]
                let share = progress.map { report in
                    { @Sendable (fraction: Double) in
                        let done = (Double(start) + fraction * Double(batch.count)) / Double(units.count)
                        report((Double(originIndex) + done) / Double(origins.count))
                    }
                }
                let results = WorkQueue.map(
                    count: batch.count, threads: threads, progress: share,
                    makeWorker: { TrialSamples(trials: settings.trials, horizon: settings.horizon) },
                    release: { $0.release() },
                    body: { index, samples -> Result<[BacktestRecord], Error> in
                        let unit = batch[batch.startIndex + index]
                        return Result {
                            try unitRecords(
                                unit, cut: cut, prior: prior, pool: replayPools[unit.workspace], actual: actuals[unit.workspace],
                                history: history, models: models, pricing: pricing, rules: rules, settings: settings,
                                samples: &samples
                            )
                        }
                    }
                )
                var records: [BacktestRecord] = []
                records.reserveCapacity(batch.count * models.count * settings.horizon)
                for (unit, result) in zip(batch, results) {
                    let unitRecords = try result.get()
                    for record in unitRecords { tally.add(record, workspace: unit.workspace) }
                    records.append(contentsOf: unitRecords)
                }
                if let deliver { try deliver(records) } else { kept.append(contentsOf: records) }
            }
        }
        return BacktestRun(
            settings: settings, firstMonth: history.firstMonth, lastMonth: history.lastMonth, origins: origins,
            workspaceCount: history.workspaces.count, inputHash: inputHash, records: kept, tally: tally
        )
    }

    /// Workspaces forecast at once. A batch's records (a few hundred bytes for every model and
    /// step) are scored and handed on before the next batch starts, so memory does not grow with
    /// the portfolio, and every worker thread still gets many workspaces.
    static let unitBatch = 4_096

    /// The workspaces forecast from the origin `cut` ends at, in the history's order: those with
    /// a complete ledger (a workspace without seats has none to compare with) and at least
    /// `settings.minimumHistoryMonths` of their own history through it.
    static func units(of cut: UsageHistory, in history: UsageHistory, actuals: [[Actual]], settings: BacktestSettings) -> [Unit] {
        var position: [String: Int] = [:]
        for (index, workspace) in cut.workspaces.enumerated() { position[workspace.name] = index }
        var units: [Unit] = []
        for (index, workspace) in history.workspaces.enumerated() {
            guard let cutIndex = position[workspace.name], actuals[index].count == history.monthCount else { continue }
            let first = cut.workspaces[cutIndex].seats.map(\.firstOffset).min() ?? cut.monthCount
            guard cut.monthCount - first >= settings.minimumHistoryMonths else { continue }
            units.append(Unit(workspace: index, truncatedWorkspace: cutIndex))
        }
        return units
    }

    /// What a month of the ledger on real usage is compared with, held for every month of every
    /// workspace while the backtest runs: 24 bytes where a `LedgerMonth` takes 128.
    struct Actual {
        /// Credits used.
        var used: Int
        /// The closing balance.
        var closing: Int
        /// Whether the cap forfeited credits.
        var capHit: Bool
        /// Whether usage went uncovered.
        var shortfall: Bool

        init(_ month: LedgerMonth) {
            used = month.used
            closing = month.closing
            capHit = month.forfeited > 0
            shortfall = month.shortfall > 0
        }
    }

    /// One workspace at one origin.
    struct Unit {
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
        _ unit: Unit, cut: UsageHistory, prior: PortfolioPrior, pool: WorkspacePool, actual: [Actual], history: UsageHistory,
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
                capHappened = capHappened || real.capHit
                shortfallHappened = shortfallHappened || real.shortfall
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
