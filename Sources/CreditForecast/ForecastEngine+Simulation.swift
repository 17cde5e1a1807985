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
        /// Trials in the block's batch: the distance between one month's values and the next's.
        var stride: Int
        /// The block's first usage value in its batch's month-major usage values.
        var usage: UnsafeMutablePointer<Int>
        /// The block's first closing balance in its batch's month-major closing balances.
        var closing: UnsafeMutablePointer<Int>
        /// `TrialTallies.slotCount(months:)` sums.
        var tallies: UnsafeMutablePointer<Int>
    }

    /// A workspace's trials so far: tallies and the batches of per-trial values.
    struct WorkspaceState {
        var tallies: TrialTallies
        /// Per batch: usage and closing values, and the batch's trial count. The values are
        /// month-major (`month × trials + trial`) so that summarising a month reads one
        /// contiguous run instead of one value every `months` values.
        var batches: [(usage: UnsafeMutableBufferPointer<Int>, closing: UnsafeMutableBufferPointer<Int>, trials: Int)] = []
        /// Whether the workspace needs no more trials.
        var done = false
    }

    /// Per-worker scratch: one trial's usage, and for every trial of a block a reusable pool (or,
    /// when no lot can appear, just its balance) and cap-hit and shortfall flags.
    struct Worker {
        var usage: UnsafeMutableBufferPointer<Int>
        var pools: UnsafeMutableBufferPointer<CreditPool>
        var balances: UnsafeMutableBufferPointer<Int>
        var hits: UnsafeMutableBufferPointer<UInt8>

        init(horizon: Int) {
            usage = .allocate(capacity: horizon)
            pools = .allocate(capacity: ForecastEngine.blockSize)
            pools.initialize(repeating: CreditPool(balance: 0))
            balances = .allocate(capacity: ForecastEngine.blockSize)
            hits = .allocate(capacity: ForecastEngine.blockSize)
        }

        func release() {
            usage.deallocate()
            _ = pools.deinitialize()
            pools.deallocate()
            balances.deallocate()
            hits.deallocate()
        }
    }

    /// Runs and summarises every workspace, in groups that bound memory.
    static func simulate<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], asOf: Month, rules: PurchaseRules, settings: ForecastSettings,
        threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [WorkspaceForecast] {
        let horizon = settings.horizon
        let months = (1...horizon).map { asOf.advanced(by: $0) }
        let workers = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        if settings.precision == nil && workspaces.count >= wholeWorkspacesPerWorker * workers
            && settings.trials * horizon * workers <= valuesPerGroup {
            return simulateWholeWorkspaces(
                workspaces, months: months, rules: rules, settings: settings, threads: threads, progress: progress
            )
        }
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
                var blocks: [(workspace: Int, firstTrial: Int, trials: Int, stride: Int, usage: UnsafeMutablePointer<Int>, closing: UnsafeMutablePointer<Int>)] = []
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
                            index, done + offset, min(blockSize, count - offset), count,
                            usage.baseAddress! + offset, closing.baseAddress! + offset
                        ))
                    }
                }
                let tallies = UnsafeMutableBufferPointer<Int>.allocate(capacity: blocks.count * slots)
                tallies.initialize(repeating: 0)
                defer { tallies.deallocate() }
                let units = blocks.enumerated().map { index, block in
                    Unit(
                        workspace: block.workspace, firstTrial: block.firstTrial, trials: block.trials, stride: block.stride,
                        usage: block.usage,
                        closing: block.closing, tallies: tallies.baseAddress! + index * slots
                    )
                }

                var report: (@Sendable (Int) -> Void)?
                if settings.precision == nil, let progress {
                    let before = unitsBefore
                    report = { finished in progress(min(1, Double(before + finished) / totalUnits)) }
                }
                months.withUnsafeBufferPointer { months in
                    WorkQueue.run(
                        count: units.count, threads: threads, progress: report,
                        makeWorker: { Worker(horizon: horizon) },
                        release: { $0.release() },
                        body: { index, worker in
                            let unit = units[index]
                            runBlock(
                                workspaces[group.lowerBound + unit.workspace], unit: unit, months: months, rules: rules,
                                worker: &worker
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

    /// A worker of `simulateWholeWorkspaces`: a block's scratch, and one workspace's values and a
    /// block's tallies, reused from workspace to workspace.
    struct WholeWorker {
        var worker: Worker
        var usage: UnsafeMutableBufferPointer<Int>
        var closing: UnsafeMutableBufferPointer<Int>
        var tallies: UnsafeMutableBufferPointer<Int>
    }

    /// Workspaces per worker from which `simulate` hands out whole workspaces instead of blocks.
    static let wholeWorkspacesPerWorker = 8

    /// `simulate` for many workspaces with a fixed trial count: each worker runs all of one
    /// workspace's trials, block after block, into its own reused buffers and summarises the
    /// workspace at once, while its values are still in cache. Blocks, tallies and summaries are
    /// those of the grouped path (tallies are integer sums), so the results are identical; what
    /// changes is that the values never go out to memory and back, and nothing is allocated per
    /// workspace but its summary. With fewer workspaces than workers can share, the grouped
    /// path splits each workspace into blocks instead.
    static func simulateWholeWorkspaces<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], months: [Month], rules: PurchaseRules, settings: ForecastSettings,
        threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [WorkspaceForecast] {
        let horizon = months.count
        let trials = settings.trials
        let slots = TrialTallies.slotCount(months: horizon)
        let keepPaths = settings.keepPaths
        let monthList = months
        return months.withUnsafeBufferPointer { months in
            WorkQueue.map(
                count: workspaces.count, threads: threads, progress: progress,
                makeWorker: {
                    WholeWorker(
                        worker: Worker(horizon: horizon), usage: UnsafeMutableBufferPointer<Int>.allocate(capacity: trials * horizon),
                        closing: UnsafeMutableBufferPointer<Int>.allocate(capacity: trials * horizon),
                        tallies: UnsafeMutableBufferPointer<Int>.allocate(capacity: slots)
                    )
                },
                release: { whole in
                    whole.worker.release()
                    whole.usage.deallocate()
                    whole.closing.deallocate()
                    whole.tallies.deallocate()
                },
                body: { index, whole in
                    let workspace = workspaces[index]
                    var tallies = TrialTallies(months: horizon)
                    for firstTrial in stride(from: 0, to: trials, by: blockSize) {
                        whole.tallies.update(repeating: 0)
                        let unit = Unit(
                            workspace: 0, firstTrial: firstTrial, trials: min(blockSize, trials - firstTrial), stride: trials,
                            usage: whole.usage.baseAddress! + firstTrial, closing: whole.closing.baseAddress! + firstTrial,
                            tallies: whole.tallies.baseAddress!
                        )
                        runBlock(workspace, unit: unit, months: months, rules: rules, worker: &whole.worker)
                        tallies.add(UnsafeBufferPointer(whole.tallies))
                    }
                    tallies.trials = trials
                    let state = WorkspaceState(tallies: tallies, batches: [(whole.usage, whole.closing, trials)], done: true)
                    return summarise(workspace, state: state, months: monthList, keepPaths: keepPaths)
                }
            )
        }
    }

    /// Runs one block of trials: draws usage, steps the pools through `CreditPool.runMonth`, and
    /// records values and tallies. Allocates nothing unless purchased lots appear.
    ///
    /// Every trial's usage is drawn first (each trial from its own generator, so its draws do not
    /// depend on the order trials run in); the pools then run month by month across the block's
    /// trials, so that a month's tallies are
    /// summed in registers and its values written in one contiguous run. The tallies do not branch
    /// on whether a month forfeits or falls short: that is a coin toss from trial to trial, and
    /// mispredicting it cost more than the month's rules.
    @inline(__always)
    static func runBlock<Model: UsageModel>(
        _ workspace: PreparedWorkspace<Model>, unit: Unit, months: UnsafeBufferPointer<Month>, rules: PurchaseRules,
        worker: inout Worker
    ) {
        let horizon = months.count
        let trials = unit.trials
        let stride = unit.stride
        let scales = workspace.path.scalesUsage
        for offset in 0..<trials {
            var generator = workspace.streams.generator(trial: unit.firstTrial + offset)
            workspace.model.drawTrial(into: worker.usage, using: &generator)
            for month in 0..<horizon {
                let used = worker.usage[month]
                unit.usage[month * stride + offset] = scales ? workspace.path.scaled(used, month: month) : used
            }
        }

        // Per trial: bit 0 once a month has forfeited, bit 1 once a month has fallen short.
        worker.hits.update(repeating: 0)

        workspace.path.accruals.withUnsafeBufferPointer { accruals in
            workspace.path.caps.withUnsafeBufferPointer { caps in
                if workspace.start.lots.isEmpty && rules.autoPurchase == nil {
                    // No lot at the start and no auto-purchase: no trial ever holds a lot (the
                    // engine schedules no packages), so a trial's pool is its balance alone, and one
                    // lot-less pool steps every trial from its own balance. The rules' missing
                    // auto-purchase is spelt out so that, inlined, `runMonth` visibly buys nothing.
                    // Same pools, same rules, same results.
                    var plain = rules
                    plain.autoPurchase = nil
                    let balances = worker.balances
                    balances.update(repeating: workspace.start.balance)
                    var pool = CreditPool(balance: 0)
                    stepPools(unit: unit, months: months, accruals: accruals, caps: caps, hits: worker.hits) { offset, month, accrual, cap, usage in
                        pool.balance = balances[offset]
                        let ledger = pool.runMonth(month, accrual: accrual, cap: cap, usage: usage, rules: plain)
                        balances[offset] = pool.balance
                        return ledger
                    }
                } else {
                    let pools = worker.pools
                    let startLots = workspace.start.lots
                    for offset in 0..<trials {
                        pools[offset].balance = workspace.start.balance
                        if !pools[offset].lots.isEmpty || !startLots.isEmpty {
                            pools[offset].lots.removeAll(keepingCapacity: true)
                            pools[offset].lots.append(contentsOf: startLots)
                        }
                    }
                    stepPools(unit: unit, months: months, accruals: accruals, caps: caps, hits: worker.hits) { offset, month, accrual, cap, usage in
                        pools[offset].runMonth(month, accrual: accrual, cap: cap, usage: usage, rules: rules)
                    }
                }
            }
        }
    }

    /// `runBlock`'s months: runs `month(trial, month, accrual, cap, usage)` (one trial's pool
    /// through `CreditPool.runMonth`) for every trial, month by month, and records the closing
    /// balances and the tallies. `hits` holds each trial's flags, zero at the start.
    @inline(__always)
    static func stepPools(
        unit: Unit, months: UnsafeBufferPointer<Month>, accruals: UnsafeBufferPointer<Int>, caps: UnsafeBufferPointer<Int>,
        hits: UnsafeMutableBufferPointer<UInt8>, month runMonth: (Int, Month, Int, Int, Int) -> LedgerMonth
    ) {
        let horizon = months.count
        let trials = unit.trials
        precondition(trials < 1 << 16, "a block's counts are summed in 16-bit fields")
        let tallies = unit.tallies
        for month in 0..<horizon {
            let current = months[month]
            let accrual = accruals[month]
            let cap = caps[month]
            let usage = unit.usage + month * unit.stride
            let closing = unit.closing + month * unit.stride
            var closingSum = 0
            var forfeitedSum = 0
            var shortfallSum = 0
            var paygCents = 0
            // Four counts in 16-bit fields of one sum (a block has fewer than 2¹⁶ trials):
            // cap hits, shortfalls, first cap hits, first shortfalls.
            var counts = 0
            for offset in 0..<trials {
                let ledger = runMonth(offset, current, accrual, cap, usage[offset])
                closing[offset] = ledger.closing
                // Both amounts are never negative, so adding them when 0 changes nothing.
                let forfeits = ledger.forfeited > 0 ? 1 : 0
                let fallsShort = ledger.shortfall > 0 ? 1 : 0
                let before = Int(hits[offset])
                let now = forfeits | fallsShort << 1
                let first = now & ~before
                hits[offset] = UInt8(truncatingIfNeeded: before | now)
                closingSum += ledger.closing
                forfeitedSum += ledger.forfeited
                shortfallSum += ledger.shortfall
                paygCents += ledger.payAsYouGoCost.cents
                counts &+= forfeits | fallsShort << 16 | (first & 1) << 32 | (first >> 1) << 48
            }
            tallies[TrialTallies.Statistic.closing.rawValue * horizon + month] += closingSum
            tallies[TrialTallies.Statistic.capHits.rawValue * horizon + month] += counts & 0xFFFF
            tallies[TrialTallies.Statistic.forfeited.rawValue * horizon + month] += forfeitedSum
            tallies[TrialTallies.Statistic.firstCapHits.rawValue * horizon + month] += (counts >> 32) & 0xFFFF
            tallies[TrialTallies.Statistic.shortfalls.rawValue * horizon + month] += (counts >> 16) & 0xFFFF
            tallies[TrialTallies.Statistic.shortfall.rawValue * horizon + month] += shortfallSum
            tallies[TrialTallies.Statistic.firstShortfalls.rawValue * horizon + month] += counts >> 48
            tallies[TrialTallies.Statistic.payAsYouGoCents.rawValue * horizon + month] += paygCents
        }
    }

    /// The forecast of one workspace from all its trials. Reorders the values of each month in
    /// `state`'s batches (the percentiles are selected in place), so it is their last reader.
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
        // The sample paths first: selecting percentiles below reorders the values it reads.
        var paths: [Int] = []
        if keepPaths {
            paths.reserveCapacity(trials * horizon)
            // Trial-major, from the month-major batches.
            for batch in state.batches {
                for trial in 0..<batch.trials {
                    for month in 0..<horizon { paths.append(batch.closing[month * batch.trials + trial]) }
                }
            }
        }
        func gather(_ values: KeyPath<(usage: UnsafeMutableBufferPointer<Int>, closing: UnsafeMutableBufferPointer<Int>, trials: Int), UnsafeMutableBufferPointer<Int>>, month: Int) -> Percentiles {
            if state.batches.count == 1 {
                // One batch (every run without --precision): the month's values are contiguous and
                // read only here, so they are selected where they lie, without a copy.
                let batch = state.batches[0]
                let values = UnsafeMutableBufferPointer(start: batch[keyPath: values].baseAddress! + month * batch.trials, count: batch.trials)
                return Percentiles(selectingIn: values, scratch: scratch)
            }
            var position = 0
            for batch in state.batches {
                let source = batch[keyPath: values].baseAddress! + month * batch.trials
                (column.baseAddress! + position).update(from: source, count: batch.trials)
                position += batch.trials
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
