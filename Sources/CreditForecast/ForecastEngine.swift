import CreditCore
import CreditLedger
import Foundation

/// The Monte Carlo forecast: runs every workspace's pool through many simulated futures and
/// summarises them month by month.
///
/// Each trial draws `horizon` months of usage from the workspace's usage model and steps the
/// pool through `CreditPool.runMonth`, the one implementation of a month's rules, starting from
/// `startingPool(…)`. Seats, accrual and cap stay as in the history's last month (or the pool's
/// fixed seats) over the whole horizon, unless a `Scenario` changes them from some month on.
///
/// **Reproducibility.** Trial `t` of workspace `w` draws only from
/// `TrialStream(seed: settings.seed, workspace: w.name).generator(trial: t)`, and every
/// sum is an integer sum, so results are identical for any `threads`, and a workspace's results
/// depend on which other workspaces are forecast with it only through the `seats` model's
/// `PortfolioPrior`, which the run reports and which `settings` can fix.
///
/// **Statistics.** Percentiles are nearest-rank (`Percentiles.nearestRank(percent:count:)`:
/// the `⌈P·n/100⌉`-th smallest of the `n` trials). Probabilities are the share of trials;
/// means are integer sums divided by `n`; money means are the sum of cents divided by `n`,
/// rounded half-up to the cent.
///
/// **Precision mode.** With `settings.precision = X` each workspace runs batches of
/// `precisionBatchSize` trials (trial indices continue from batch to batch) until the standard
/// error `√(p(1−p)/n)` of every probability it reports (each month's cap hit and shortfall, any
/// cap hit, any shortfall) is below `X`, or `settings.maxTrials` is reached (at most
/// `ForecastSettings.maximumTrialMonths / horizon`, so a long horizon stops sooner). Only the
/// tallies of the batches are kept; once a workspace's count is known its trials run once more,
/// all together, for the percentiles, so memory does not grow with the batches.
///
/// **Limits.** Settings are held to `ForecastSettings.maximumHorizon`, `maximumTrials` and
/// `maximumTrialMonths`; drawn and scaled usage to `UsageHistory.maximumCredits` a month; seats to
/// `UsageHistory.maximumSeats`. Within them no sum overflows: the tallies are 128-bit.
public enum ForecastEngine {
    /// Trials per batch in precision mode; batch boundaries are fixed so runs are reproducible.
    public static let precisionBatchSize = 1_000

    /// Trials per unit of parallel work.
    static let blockSize = 250

    /// Trial values (usage and closing, each) held in memory at once before a group of
    /// workspaces is summarised.
    static let valuesPerGroup = 4_000_000

    /// Forecasts every workspace of `history`.
    ///
    /// - Parameters:
    ///   - history: the usage history; the forecast starts the month after `history.lastMonth`.
    ///   - pools: one pool set-up per workspace, with the same names in the same order as
    ///     `history.workspaces`.
    ///   - pricing: plans for seats that carry their own plan.
    ///   - rules: cap timing, expiry, auto-purchase and pay-as-you-go price, for the history
    ///     replay and the forecast.
    ///   - settings: horizon, trials or precision, seed, model, sample paths.
    ///   - threads: worker threads; 0 or less uses every active core.
    ///   - inputHash: the caller's fingerprint of the inputs, carried into the run.
    ///   - scenario: changes to seats, plan and usage from given months on; `nil` is the baseline.
    ///     Every scenario draws the same random numbers as the baseline (common random numbers).
    ///   - progress: called from worker threads with the fraction done, 0 … 1, non-decreasing.
    ///   - deliver: when given, called on the caller's thread with each batch's workspaces, in
    ///     order, as soon as they are summarised; the run returned then lists none, so memory
    ///     holds only what `deliver` keeps. What it throws ends the run.
    /// - Throws: `ForecastError` for pools that do not match or settings out of range;
    ///   `PricingError` for a seat plan the pricing does not list or a workspace without a plan.
    public static func run(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules,
        settings: ForecastSettings, threads: Int, inputHash: String, scenario: Scenario? = nil,
        progress: (@Sendable (Double) -> Void)? = nil, deliver: (([WorkspaceForecast]) throws -> Void)? = nil
    ) throws -> ForecastRun {
        try validate(history: history, pools: pools, settings: settings)
        let settings = settings.estimatingPortfolioPrior(from: history)
        func forecast<Model: UsageModel>(_ model: (WorkspaceHistory, WorkspacePool) -> Model) throws -> [WorkspaceForecast] {
            try inBatches(
                history: history, pools: pools, pricing: pricing, rules: rules, horizon: settings.horizon, seed: settings.seed,
                scenario: scenario, model: model, progress: progress, deliver: deliver
            ) { prepared, progress in
                simulate(prepared, asOf: history.lastMonth, rules: rules, settings: settings, threads: threads, progress: progress)
            }
        }
        let workspaces =
            switch settings.model {
            case .bootstrap: try forecast(bootstrapModel(history: history))
            case .seats: try forecast(seatsModel(history: history, settings: settings))
            }
        return ForecastRun(requested: settings, asOf: history.lastMonth, inputHash: inputHash, workspaces: workspaces)
    }

    /// The pool (balance and purchased lots) at the start of the month after `history.lastMonth`:
    /// `HistoryReplay.closingPool`, the pool the ledger leaves at the close of the history.
    public static func startingPool(
        for workspace: WorkspaceHistory, pool: WorkspacePool, history: UsageHistory, pricing: Pricing,
        rules: PurchaseRules, scheduledPurchases: [Month: [CreditPackage]] = [:]
    ) throws(PricingError) -> CreditPool {
        try HistoryReplay(pricing: pricing, rules: rules, scheduledPurchases: scheduledPurchases)
            .closingPool(workspace, of: history, pool: pool)
    }

    /// The pool balance at the start of the forecast: `startingPool(…).balance`, the closing
    /// balance of the history's last month in `Ledger.replay`.
    public static func startingBalance(
        for workspace: WorkspaceHistory, pool: WorkspacePool, history: UsageHistory, pricing: Pricing,
        rules: PurchaseRules, scheduledPurchases: [Month: [CreditPackage]] = [:]
    ) throws(PricingError) -> Int {
        try startingPool(
            for: workspace, pool: pool, history: history, pricing: pricing, rules: rules,
            scheduledPurchases: scheduledPurchases
        ).balance
    }

    /// The plan a workspace reports: the pool's plan with fixed seats; otherwise the one plan its
    /// seats are on, `mixed` when they are on several, or the pool's plan name.
    public static func planName(for workspace: WorkspaceHistory, pool: WorkspacePool) -> String {
        if pool.seats != nil { return pool.plan?.name ?? "" }
        var names = Set<String>()
        for seat in workspace.seats {
            if let plan = seat.plan, !plan.isEmpty {
                names.insert(plan.lowercased())
            } else if let plan = pool.plan {
                names.insert(plan.name)
            }
        }
        if names.count > 1 { return "mixed" }
        return names.first ?? pool.plan?.name ?? ""
    }

    // MARK: - Set-up

    /// Checks `settings` against the limits; `holdsValues` is false for a run that keeps no
    /// trial's values (a renewal), which `ForecastSettings.maximumTrialMonths` does not bound.
    static func validate(
        history: UsageHistory, pools: [WorkspacePool], settings: ForecastSettings, holdsValues: Bool = true
    ) throws(ForecastError) {
        let expected = history.workspaces.map(\.name)
        let found = pools.map(\.name)
        guard expected == found else { throw .poolsDoNotMatchWorkspaces(expected: expected, found: found) }
        let most = ForecastSettings.self
        guard (1...most.maximumHorizon).contains(settings.horizon) else {
            throw .invalidSetting("the horizon must be 1 to \(most.maximumHorizon) months")
        }
        let trials = settings.precision == nil ? settings.trials : settings.maxTrials
        let noun = settings.precision == nil ? "trial count" : "trial limit"
        guard trials >= 1 else { throw .invalidSetting("the \(noun) must be at least 1") }
        guard trials <= most.maximumTrials else {
            throw .invalidSetting("the \(noun) must be at most \(most.maximumTrials.groupedThousands)")
        }
        if holdsValues, settings.precision == nil, trials * settings.horizon > most.maximumTrialMonths {
            throw .invalidSetting(
                "trials × horizon months must be at most \(most.maximumTrialMonths.groupedThousands), as in "
                    + "\((most.maximumTrialMonths / settings.horizon).groupedThousands) trials of \(settings.horizon) months"
            )
        }
        if let precision = settings.precision {
            guard precision > 0, precision < 0.5 else {
                throw .invalidSetting("the precision must be a standard error between 0 and 0.5, such as 0.005")
            }
        }
    }

    /// Fits the `bootstrap` model to a workspace of `history`.
    static func bootstrapModel(history: UsageHistory) -> (WorkspaceHistory, WorkspacePool) -> BootstrapUsageModel {
        { workspace, _ in BootstrapUsageModel(workspace: workspace, monthCount: history.monthCount) }
    }

    /// Fits the `seats` model to a workspace of `history` and its pool, as `settings` say.
    static func seatsModel(history: UsageHistory, settings: ForecastSettings) -> (WorkspaceHistory, WorkspacePool) -> SeatsUsageModel {
        { workspace, pool in
            SeatsUsageModel(
                workspace: workspace, monthCount: history.monthCount, seatCount: pool.seats, horizon: settings.horizon,
                parameters: settings.seatsParameters, prior: settings.portfolioPrior
            )
        }
    }

    /// The history's months each workspace's forecast carries for its chart: a year, enough to
    /// see the trend and the season before "now" while keeping every workspace's forecast small.
    public static let recentHistoryMonths = 12

    /// Workspaces prepared at once. A fitted model is the largest thing a workspace has while it
    /// is simulated (the `seats` model keeps a 256-point quantile table, 2 KB, per seat), so
    /// preparing every workspace before simulating any made memory grow with the portfolio
    /// (1,000,000 workspaces passed 8 GB); a batch bounds it, and still gives every worker
    /// thread many workspaces.
    static let preparationBatch = 4_096

    /// Prepares the workspaces `preparationBatch` at a time and hands each batch to `simulate`
    /// with a progress callback scaled to the batch's share, releasing the batch before preparing
    /// the next; returns every batch's results in order, or hands each batch's to `deliver` as it
    /// comes and returns none. A workspace is prepared and simulated on its own, so the batches
    /// change nothing in the results.
    static func inBatches<Model: UsageModel, Result>(
        history: UsageHistory, pools: [WorkspacePool], pricing: Pricing, rules: PurchaseRules, horizon: Int,
        seed: UInt64, scenario: Scenario?, model: (WorkspaceHistory, WorkspacePool) -> Model,
        progress: (@Sendable (Double) -> Void)?, deliver: (([Result]) throws -> Void)? = nil,
        simulate: ([PreparedWorkspace<Model>], (@Sendable (Double) -> Void)?) -> [Result]
    ) throws -> [Result] {
        let count = history.workspaces.count
        var results: [Result] = []
        if deliver == nil { results.reserveCapacity(count) }
        for start in stride(from: 0, to: count, by: preparationBatch) {
            let batch = start..<min(count, start + preparationBatch)
            let prepared = try prepare(
                history: history, pools: pools, workspaces: batch, pricing: pricing, rules: rules, horizon: horizon, seed: seed,
                scenario: scenario, model: model
            )
            let share = progress.map { report in
                { @Sendable (fraction: Double) in report((Double(batch.lowerBound) + fraction * Double(batch.count)) / Double(count)) }
            }
            let simulated = simulate(prepared, share)
            if let deliver { try deliver(simulated) } else { results.append(contentsOf: simulated) }
        }
        return results
    }

    /// The workspaces at `indices` of `history` ready to simulate: each one's starting pool, its
    /// months (with `scenario`'s changes) and `model` fitted to it.
    static func prepare<Model: UsageModel>(
        history: UsageHistory, pools: [WorkspacePool], workspaces indices: Range<Int>, pricing: Pricing, rules: PurchaseRules,
        horizon: Int, seed: UInt64, scenario: Scenario?, model: (WorkspaceHistory, WorkspacePool) -> Model
    ) throws -> [PreparedWorkspace<Model>] {
        let months = (1...max(1, horizon)).map { history.lastMonth.advanced(by: $0) }
        return try zip(history.workspaces[indices], pools[indices]).map { workspace, pool in
            let accruals = try pool.accruals(for: workspace, monthCount: history.monthCount, pricing: pricing)
            let accrual = accruals.last ?? 0
            let seats = pool.seats ?? workspace.seatCount(atOffset: history.monthCount - 1)
            let plan = planName(for: workspace, pool: pool)
            let seatFees = try pool.seatFees(for: workspace, atOffset: history.monthCount - 1, pricing: pricing)
            let path =
                scenario?.path(
                    for: workspace.name, months: months, seats: seats, accrual: accrual,
                    plan: pool.plan ?? (try? pricing.plan(named: plan)), cap: pool.cap, seatFees: seatFees
                )
                ?? MonthPath(
                    months: months.count, seats: seats, accrual: accrual, cap: pool.cap.cap(forAccrual: accrual),
                    seatFee: seatFees.monthly)
            let replayed = try HistoryReplay(pricing: pricing, rules: rules).closingPool(
                workspace, of: history, pool: pool, keepingLast: recentHistoryMonths)
            // A workspace without seats used nothing, as its replay says.
            let usage = workspace.seats.isEmpty ? [Int](repeating: 0, count: history.monthCount) : workspace.monthlyUsage
            return PreparedWorkspace(
                name: workspace.name, plan: plan, seats: path.seats[0], start: replayed.pool, accrual: path.accruals[0],
                cap: path.caps[0], path: path, streams: TrialStream(seed: seed, workspace: workspace.name), model: model(workspace, pool),
                recent: (Array(usage.suffix(recentHistoryMonths)), replayed.recentClosing)
            )
        }
    }
}
