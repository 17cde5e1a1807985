import CreditCore
import CreditLedger
import Foundation

extension ForecastEngine {
    /// One block of trials of one workspace: where its values and tallies go.
    struct Unit {
        /// The workspace's index in its group.
        var workspace: Int
        /// The first trial's index: its random stream.
        var firstTrial: Int
        /// Trials in the block.
        var trials: Int
        /// `trials × months` usage values, trial-major.
        var usage: UnsafeMutablePointer<Int>
        /// `trials × months` closing balances, trial-major.
        var closing: UnsafeMutablePointer<Int>
        /// `TrialTallies.slotCount(months:)` sums.
        var tallies: UnsafeMutablePointer<Int>
    }

    /// A workspace's trials so far: tallies and the batches of per-trial values.
    struct WorkspaceState {
        var tallies: TrialTallies
        /// Per batch: trial-major usage and closing values, and the batch's trial count.
        var batches: [(usage: UnsafeMutableBufferPointer<Int>, closing: UnsafeMutableBufferPointer<Int>, trials: Int)] = []
        /// Whether the workspace needs no more trials.
        var done = false
    }

    /// Per-worker scratch: one trial's usage and a reusable pool.
    struct Worker {
        var usage: UnsafeMutableBufferPointer<Int>
        var pool: CreditPool
    }

    /// Runs and summarises every workspace, in groups that bound memory.
    static func simulate<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], asOf: Month, rules: PurchaseRules, settings: ForecastSettings,
        threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [WorkspaceForecast] {
        let horizon = settings.horizon
        let months = (1...horizon).map { asOf.advanced(by: $0) }
        let roundTrials = settings.precision == nil ? settings.trials : min(precisionBatchSize, settings.maxTrials)
        let groupSize = max(1, valuesPerGroup / max(1, roundTrials * horizon))
        let blocksPerWorkspace = (settings.trials + blockSize - 1) / blockSize
        let totalUnits = Double(max(1, workspaces.count * blocksPerWorkspace))
        var unitsBefore = 0
        var results: [WorkspaceForecast] = []
        results.reserveCapacity(workspaces.count)

        for groupStart in stride(from: 0, to: workspaces.count, by: groupSize) {
            let group = groupStart..<min(workspaces.count, groupStart + groupSize)
            var states = group.map { _ in WorkspaceState(tallies: TrialTallies(months: horizon)) }
            while states.contains(where: { !$0.done }) {
                // Lay out this round's units: the next batch of every workspace still running,
                // in blocks, each with its own slots for values and tallies.
                var blocks: [(workspace: Int, firstTrial: Int, trials: Int, usage: UnsafeMutablePointer<Int>, closing: UnsafeMutablePointer<Int>)] = []
                var batchTrials: [Int] = Array(repeating: 0, count: states.count)
                let slots = TrialTallies.slotCount(months: horizon)
                for index in states.indices where !states[index].done {
                    let done = states[index].tallies.trials
                    let count = settings.precision == nil ? settings.trials : min(precisionBatchSize, settings.maxTrials - done)
                    batchTrials[index] = count
                    let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon)
                    let closing = UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon)
                    states[index].batches.append((usage, closing, count))
                    for offset in stride(from: 0, to: count, by: blockSize) {
                        blocks.append((
                            index, done + offset, min(blockSize, count - offset),
                            usage.baseAddress! + offset * horizon, closing.baseAddress! + offset * horizon
                        ))
                    }
                }
                let tallies = UnsafeMutableBufferPointer<Int>.allocate(capacity: blocks.count * slots)
                tallies.initialize(repeating: 0)
                defer { tallies.deallocate() }
                let units = blocks.enumerated().map { index, block in
                    Unit(
                        workspace: block.workspace, firstTrial: block.firstTrial, trials: block.trials, usage: block.usage,
                        closing: block.closing, tallies: tallies.baseAddress! + index * slots
                    )
                }

                var report: (@Sendable (Int) -> Void)?
                if settings.precision == nil, let progress {
                    let before = unitsBefore
                    report = { finished in progress(min(1, Double(before + finished) / totalUnits)) }
                }
                let seed = settings.seed
                months.withUnsafeBufferPointer { months in
                    WorkQueue.run(
                        count: units.count, threads: threads, progress: report,
                        makeWorker: { Worker(usage: .allocate(capacity: horizon), pool: CreditPool(balance: 0)) },
                        release: { $0.usage.deallocate() },
                        body: { index, worker in
                            let unit = units[index]
                            runBlock(
                                workspaces[group.lowerBound + unit.workspace], unit: unit, months: months, rules: rules,
                                seed: seed, worker: &worker
                            )
                        }
                    )
                }
                unitsBefore += units.count

                for (index, unit) in units.enumerated() {
                    states[unit.workspace].tallies.add(UnsafeBufferPointer(start: tallies.baseAddress! + index * slots, count: slots))
                }
                for index in states.indices where !states[index].done {
                    states[index].tallies.trials += batchTrials[index]
                    if let precision = settings.precision {
                        states[index].done = states[index].tallies.standardErrorsBelow(precision)
                            || states[index].tallies.trials >= settings.maxTrials
                    } else {
                        states[index].done = true
                    }
                }
                if settings.precision != nil, let progress {
                    let finished = groupStart + states.count { $0.done }
                    progress(Double(finished) / Double(max(1, workspaces.count)))
                }
            }

            // Summarise the group's workspaces in parallel, each into its own slot.
            var summaries = [WorkspaceForecast?](repeating: nil, count: states.count)
            summaries.withUnsafeMutableBufferPointer { slots in
                let output = slots
                states.withUnsafeBufferPointer { states in
                    WorkQueue.run(count: states.count, threads: threads, makeWorker: { () }, body: { index, _ in
                        output[index] = summarise(
                            workspaces[group.lowerBound + index], state: states[index], months: months,
                            keepPaths: settings.keepPaths
                        )
                    })
                }
            }
            for state in states {
                for batch in state.batches {
                    batch.usage.deallocate()
                    batch.closing.deallocate()
                }
            }
            results.append(contentsOf: summaries.map { $0! })
        }
        return results
    }

    /// Runs one block of trials: draws usage, steps the pool through `CreditPool.runMonth`, and
    /// records values and tallies. Allocates nothing unless purchased lots appear.
    @inline(__always)
    static func runBlock<Model: UsageModel>(
        _ workspace: PreparedWorkspace<Model>, unit: Unit, months: UnsafeBufferPointer<Month>, rules: PurchaseRules,
        seed: UInt64, worker: inout Worker
    ) {
        let horizon = months.count
        let tallies = unit.tallies
        let capHits = TrialTallies.Statistic.capHits.rawValue * horizon
        let shortfalls = TrialTallies.Statistic.shortfalls.rawValue * horizon
        let forfeitedSums = TrialTallies.Statistic.forfeited.rawValue * horizon
        let shortfallSums = TrialTallies.Statistic.shortfall.rawValue * horizon
        let paygSums = TrialTallies.Statistic.payAsYouGoCents.rawValue * horizon
        let closingSums = TrialTallies.Statistic.closing.rawValue * horizon
        let firstCapHits = TrialTallies.Statistic.firstCapHits.rawValue * horizon
        let firstShortfalls = TrialTallies.Statistic.firstShortfalls.rawValue * horizon
        let accruals = workspace.path.accruals
        let caps = workspace.path.caps
        let scales = workspace.path.scalesUsage
        let startLots = workspace.start.lots
        for offset in 0..<unit.trials {
            var generator = Xoshiro256StarStar(seed: seed, stream: workspace.stream, trial: UInt64(unit.firstTrial + offset))
            workspace.model.drawTrial(into: worker.usage, using: &generator)
            if scales {
                for month in 0..<horizon { worker.usage[month] = workspace.path.scaled(worker.usage[month], month: month) }
            }
            worker.pool.balance = workspace.start.balance
            if !worker.pool.lots.isEmpty || !startLots.isEmpty {
                worker.pool.lots.removeAll(keepingCapacity: true)
                worker.pool.lots.append(contentsOf: startLots)
            }
            var capHit = false
            var shortfall = false
            let row = offset * horizon
            for month in 0..<horizon {
                let used = worker.usage[month]
                let ledger = worker.pool.runMonth(months[month], accrual: accruals[month], cap: caps[month], usage: used, rules: rules)
                unit.usage[row + month] = used
                unit.closing[row + month] = ledger.closing
                tallies[closingSums + month] += ledger.closing
                if ledger.forfeited > 0 {
                    tallies[capHits + month] += 1
                    tallies[forfeitedSums + month] += ledger.forfeited
                    if !capHit {
                        capHit = true
                        tallies[firstCapHits + month] += 1
                    }
                }
                if ledger.shortfall > 0 {
                    tallies[shortfalls + month] += 1
                    tallies[shortfallSums + month] += ledger.shortfall
                    if !shortfall {
                        shortfall = true
                        tallies[firstShortfalls + month] += 1
                    }
                }
                tallies[paygSums + month] += ledger.payAsYouGoCost.cents
            }
        }
    }

    /// The forecast of one workspace from all its trials.
    static func summarise<Model: UsageModel>(
        _ workspace: PreparedWorkspace<Model>, state: WorkspaceState, months: [Month], keepPaths: Bool
    ) -> WorkspaceForecast {
        let horizon = months.count
        let tallies = state.tallies
        let trials = tallies.trials
        let column = UnsafeMutableBufferPointer<Int>.allocate(capacity: trials)
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: trials)
        defer {
            column.deallocate()
            scratch.deallocate()
        }
        func gather(_ values: KeyPath<(usage: UnsafeMutableBufferPointer<Int>, closing: UnsafeMutableBufferPointer<Int>, trials: Int), UnsafeMutableBufferPointer<Int>>, month: Int) -> Percentiles {
            var position = 0
            for batch in state.batches {
                let source = batch[keyPath: values]
                for trial in 0..<batch.trials {
                    column[position] = source[trial * horizon + month]
                    position += 1
                }
            }
            return Percentiles(selectingIn: column, scratch: scratch)
        }
        let n = Double(trials)
        let start = workspace.start.balance
        var opening = Percentiles(p5: start, p10: start, p50: start, p90: start, p95: start)
        var forecasts: [MonthForecast] = []
        var cumulativeCap = 0
        var cumulativeShortfall = 0
        var capLikely: Month?
        var shortfallLikely: Month?
        for (index, month) in months.enumerated() {
            let closing = gather(\.closing, month: index)
            forecasts.append(MonthForecast(
                month: month, seats: workspace.path.seats[index], accrual: workspace.path.accruals[index],
                cap: workspace.path.caps[index],
                usage: gather(\.usage, month: index), opening: opening, closing: closing,
                closingMean: Double(tallies[.closing, index]) / n,
                probabilityOfCapHit: Double(tallies[.capHits, index]) / n,
                probabilityOfShortfall: Double(tallies[.shortfalls, index]) / n,
                forfeitedMean: Double(tallies[.forfeited, index]) / n,
                shortfallMean: Double(tallies[.shortfall, index]) / n,
                payAsYouGoCostMean: Money(cents: meanHalfUp(tallies[.payAsYouGoCents, index], trials))
            ))
            opening = closing
            cumulativeCap += tallies[.firstCapHits, index]
            cumulativeShortfall += tallies[.firstShortfalls, index]
            forecasts[index].probabilityOfCapHitByThen = Double(cumulativeCap) / n
            forecasts[index].probabilityOfShortfallByThen = Double(cumulativeShortfall) / n
            if capLikely == nil && 2 * cumulativeCap > trials { capLikely = month }
            if shortfallLikely == nil && 2 * cumulativeShortfall > trials { shortfallLikely = month }
        }
        var paths: [Int] = []
        if keepPaths {
            paths.reserveCapacity(trials * horizon)
            for batch in state.batches { paths.append(contentsOf: batch.closing) }
        }
        return WorkspaceForecast(
            name: workspace.name, plan: workspace.plan, seats: workspace.seats, startingBalance: start,
            cap: workspace.cap, months: forecasts,
            probabilityOfAnyCapHit: Double(tallies.total(.firstCapHits)) / n,
            probabilityOfAnyShortfall: Double(tallies.total(.firstShortfalls)) / n,
            capHitLikelyBy: capLikely, shortfallLikelyBy: shortfallLikely,
            expectedForfeited: Double(tallies.total(.forfeited)) / n,
            expectedShortfall: Double(tallies.total(.shortfall)) / n,
            expectedPayAsYouGoCost: Money(cents: meanHalfUp(tallies.total(.payAsYouGoCents), trials)),
            trials: trials, closingPaths: paths
        )
    }

    /// `sum / count` rounded half-up (for the non-negative sums of cents the ledger bills).
    static func meanHalfUp(_ sum: Int, _ count: Int) -> Int {
        count > 0 ? (2 * sum + count) / (2 * count) : 0
    }
}
