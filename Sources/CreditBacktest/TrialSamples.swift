import CreditCore
import CreditForecast
import CreditLedger

/// One worker's trial values for one workspace, origin and model: every trial's usage and
/// closing balance per month, and the first month of each event.
///
/// Trials step through `CreditPool.runMonth`, the one implementation of a month's rules, from the
/// pool at the origin, with the origin's seats, accrual and cap held over the horizon: exactly
/// what `ForecastEngine` does for the forecast models, so their balances match the engine's.
struct TrialSamples {
    /// Trials held.
    let trials: Int
    /// Months held per trial.
    let horizon: Int
    /// `trials × horizon` usage, trial-major.
    var usage: [Int]
    /// `trials × horizon` closing balances, trial-major.
    var closing: [Int]
    /// Per trial, the 1-based step of the first cap hit (`horizon + 1` when none).
    var firstCapHit: [Int]
    /// Per trial, the 1-based step of the first shortfall (`horizon + 1` when none).
    var firstShortfall: [Int]
    /// One month's values across trials, sorted for scoring.
    var column: [Double]
    private var draw: UnsafeMutableBufferPointer<Int>
    /// One month's values across trials and the radix sort's second buffer.
    private var sorting: UnsafeMutableBufferPointer<Int>
    private var sortingScratch: UnsafeMutableBufferPointer<Int>
    private var pool = CreditPool(balance: 0)

    /// Room for `trials` trials of up to `horizon` months.
    init(trials: Int, horizon: Int) {
        self.trials = trials
        self.horizon = horizon
        usage = Array(repeating: 0, count: trials * horizon)
        closing = Array(repeating: 0, count: trials * horizon)
        firstCapHit = Array(repeating: 0, count: trials)
        firstShortfall = Array(repeating: 0, count: trials)
        column = Array(repeating: 0, count: trials)
        draw = .allocate(capacity: horizon)
        sorting = .allocate(capacity: trials)
        sortingScratch = .allocate(capacity: trials)
    }

    /// Frees the buffers.
    func release() {
        draw.deallocate()
        sorting.deallocate()
        sortingScratch.deallocate()
    }

    /// Runs every trial of `model` for the first `steps` months after `origin`.
    mutating func simulate(
        _ model: some UsageModel, steps: Int, origin: Month, start: CreditPool, accrual: Int, cap: Int,
        rules: PurchaseRules, stream: TrialStream
    ) {
        let months = UnsafeMutableBufferPointer(rebasing: draw[0..<steps])
        for trial in 0..<trials {
            var generator = stream.generator(trial: trial)
            model.drawTrial(into: months, using: &generator)
            pool.balance = start.balance
            pool.lots = start.lots
            var capHit = horizon + 1
            var shortfall = horizon + 1
            let row = trial * horizon
            for step in 0..<steps {
                let ledger = pool.runMonth(origin.advanced(by: step + 1), accrual: accrual, cap: cap, usage: months[step], rules: rules)
                usage[row + step] = months[step]
                closing[row + step] = ledger.closing
                if ledger.forfeited > 0 && capHit > horizon { capHit = step + 1 }
                if ledger.shortfall > 0 && shortfall > horizon { shortfall = step + 1 }
            }
            firstCapHit[trial] = capHit
            firstShortfall[trial] = shortfall
        }
    }

    /// Step `step`'s (0-based) values of `values` across trials, sorted, scored against `actual`.
    mutating func score(_ values: KeyPath<TrialSamples, [Int]>, step: Int, actual: Int) -> TargetForecast {
        let source = self[keyPath: values]
        for trial in 0..<trials { sorting[trial] = source[trial * horizon + step] }
        RadixSort.sort(sorting, scratch: sortingScratch)
        for trial in 0..<trials { column[trial] = Double(sorting[trial]) }
        return TargetForecast(sorted: column, actual: actual)
    }

    /// The share of trials whose first event (in `firsts`) came at or before `step` (1-based).
    func probability(_ firsts: KeyPath<TrialSamples, [Int]>, within step: Int) -> Double {
        Double(self[keyPath: firsts].count { $0 <= step }) / Double(trials)
    }
}
