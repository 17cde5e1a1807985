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

    /// A workspace's trials: tallies and every trial's values.
    struct WorkspaceState {
        var tallies: TrialTallies
        /// Usage and closing values, month-major (`month × trials + trial`) so that summarising
        /// a month reads one contiguous run instead of one value every `months` values.
        var usage: UnsafeMutableBufferPointer<Int>
        var closing: UnsafeMutableBufferPointer<Int>
    }

    /// Per-worker scratch: one trial's usage, and for every trial of a block a reusable pool (or,
    /// when no lot can appear, just its balance) and cap-hit and shortfall flags.
    struct Worker {
        var usage: UnsafeMutableBufferPointer<Int>
        var pools: UnsafeMutableBufferPointer<CreditPool>
        var balances: UnsafeMutableBufferPointer<Int>
        var hits: UnsafeMutableBufferPointer<UInt32>

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
            && settings.trials * horizon * workers <= valuesPerGroup
        {
            return simulateWholeWorkspaces(
                workspaces, months: months, rules: rules, settings: settings, threads: threads, progress: progress
            )
        }
        guard let precision = settings.precision else {
            return simulateGroups(
                workspaces, trialCounts: Array(repeating: settings.trials, count: workspaces.count), months: months, rules: rules,
                settings: settings, threads: threads, progress: progress
            )
        }
        // Precision mode in two passes, so that memory does not grow with the batches: the first
        // runs batches keeping only their tallies, until each workspace's count is known; the
        // second reruns each workspace's trials at once, keeping their values for the percentiles.
        // Trials are pure functions of their index and sums of integers do not depend on blocks,
        // so the second pass's tallies are the first's.
        let counts = precisionTrialCounts(
            workspaces, precision: precision, months: months, rules: rules, settings: settings, threads: threads,
            progress: progress.map { report in { @Sendable fraction in report(fraction / 2) } }
        )
        return simulateGroups(
            workspaces, trialCounts: counts, months: months, rules: rules, settings: settings, threads: threads,
            progress: progress.map { report in { @Sendable fraction in report(0.5 + fraction / 2) } }
        )
    }

    /// The trial limit of a precision run: `settings.maxTrials`, and at most
    /// `ForecastSettings.maximumTrialMonths` trial-months.
    static func trialLimit(_ settings: ForecastSettings) -> Int {
        min(settings.maxTrials, ForecastSettings.maximumTrialMonths / settings.horizon)
    }

    /// Lays out `counts[i]` trials of each workspace `workspaces[i]` (from trial `firstTrials[i]`)
    /// in blocks, runs them on `threads` and returns each workspace's tallies. Values go to
    /// `buffers[i]` (month-major, `counts[i]` trials a month).
    static func runTrials<Model: UsageModel>(
        _ workspaces: ArraySlice<PreparedWorkspace<Model>>, firstTrials: [Int], counts: [Int],
        buffers: [(usage: UnsafeMutableBufferPointer<Int>, closing: UnsafeMutableBufferPointer<Int>)],
        months: UnsafeBufferPointer<Month>, rules: PurchaseRules, threads: Int,
        progress: (@Sendable (Int) -> Void)?
    ) -> [TrialTallies] {
        let horizon = months.count
        let slots = TrialTallies.slotCount(months: horizon)
        var blocks: [(workspace: Int, firstTrial: Int, trials: Int, stride: Int, offset: Int)] = []
        for index in counts.indices where counts[index] > 0 {
            for offset in stride(from: 0, to: counts[index], by: blockSize) {
                blocks.append((index, firstTrials[index] + offset, min(blockSize, counts[index] - offset), counts[index], offset))
            }
        }
        let tallies = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, blocks.count * slots))
        tallies.initialize(repeating: 0)
        defer { tallies.deallocate() }
        let units = blocks.enumerated().map { index, block in
            Unit(
                workspace: block.workspace, firstTrial: block.firstTrial, trials: block.trials, stride: block.stride,
                usage: buffers[block.workspace].usage.baseAddress! + block.offset,
                closing: buffers[block.workspace].closing.baseAddress! + block.offset,
                tallies: tallies.baseAddress! + index * slots
            )
        }
        let base = workspaces.startIndex
        WorkQueue.run(
            count: units.count, threads: threads, progress: progress,
            makeWorker: { Worker(horizon: horizon) },
            release: { $0.release() },
            body: { index, worker in
                let unit = units[index]
                runBlock(workspaces[base + unit.workspace], unit: unit, months: months, rules: rules, worker: &worker)
            }
        )
        var result = counts.map { _ in TrialTallies(months: horizon) }
        for (index, unit) in units.enumerated() {
            result[unit.workspace].add(UnsafeBufferPointer(start: tallies.baseAddress! + index * slots, count: slots))
        }
        for index in counts.indices { result[index].trials = counts[index] }
        return result
    }

    /// Precision mode's first pass: each workspace's trial count. Workspaces run in groups, a
    /// batch of `precisionBatchSize` trials per round (trial indices continue from batch to batch)
    /// until the standard error of every probability it reports is below `precision` or the trial
    /// limit is reached. Only a round's values are held, and only while it runs.
    static func precisionTrialCounts<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], precision: Double, months: [Month], rules: PurchaseRules,
        settings: ForecastSettings, threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [Int] {
        let horizon = months.count
        let limit = trialLimit(settings)
        let groupSize = max(1, valuesPerGroup / (min(precisionBatchSize, limit) * horizon))
        var counts: [Int] = []
        counts.reserveCapacity(workspaces.count)
        for groupStart in stride(from: 0, to: workspaces.count, by: groupSize) {
            let group = groupStart..<min(workspaces.count, groupStart + groupSize)
            var tallies = group.map { _ in TrialTallies(months: horizon) }
            var done = group.map { _ in false }
            while done.contains(false) {
                let batch = tallies.indices.map { done[$0] ? 0 : min(precisionBatchSize, limit - tallies[$0].trials) }
                let buffers = batch.map { count in
                    (
                        usage: UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon),
                        closing: UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon)
                    )
                }
                let round = months.withUnsafeBufferPointer { months in
                    runTrials(
                        workspaces[group], firstTrials: tallies.map(\.trials), counts: batch, buffers: buffers, months: months,
                        rules: rules, threads: threads, progress: nil
                    )
                }
                for buffer in buffers {
                    buffer.usage.deallocate()
                    buffer.closing.deallocate()
                }
                for index in tallies.indices where !done[index] {
                    let trials = tallies[index].trials + batch[index]
                    tallies[index].add(round[index])
                    tallies[index].trials = trials
                    done[index] = tallies[index].standardErrorsBelow(precision) || trials >= limit
                }
                if let progress {
                    progress(Double(groupStart + done.count { $0 }) / Double(max(1, workspaces.count)))
                }
            }
            counts.append(contentsOf: tallies.map(\.trials))
        }
        return counts
    }

    /// Runs `trialCounts[i]` trials of each workspace and summarises it, in groups whose values
    /// (every trial's usage and closing balance of every month) stay within `valuesPerGroup`, or
    /// one workspace at a time when one alone is more.
    static func simulateGroups<Model: UsageModel>(
        _ workspaces: [PreparedWorkspace<Model>], trialCounts: [Int], months: [Month], rules: PurchaseRules,
        settings: ForecastSettings, threads: Int, progress: (@Sendable (Double) -> Void)?
    ) -> [WorkspaceForecast] {
        let horizon = months.count
        let totalUnits = Double(max(1, trialCounts.reduce(0) { $0 + ($1 + blockSize - 1) / blockSize }))
        var unitsBefore = 0
        var results: [WorkspaceForecast] = []
        results.reserveCapacity(workspaces.count)
        var groupStart = 0
        while groupStart < workspaces.count {
            var groupEnd = groupStart + 1
            var values = trialCounts[groupStart] * horizon
            while groupEnd < workspaces.count, values + trialCounts[groupEnd] * horizon <= valuesPerGroup {
                values += trialCounts[groupEnd] * horizon
                groupEnd += 1
            }
            let group = groupStart..<groupEnd
            let counts = Array(trialCounts[group])
            let buffers = counts.map { count in
                (
                    usage: UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon),
                    closing: UnsafeMutableBufferPointer<Int>.allocate(capacity: count * horizon)
                )
            }
            var report: (@Sendable (Int) -> Void)?
            if let progress {
                let before = unitsBefore
                report = { finished in progress(min(1, Double(before + finished) / totalUnits)) }
            }
            let tallies = months.withUnsafeBufferPointer { months in
                runTrials(
                    workspaces[group], firstTrials: Array(repeating: 0, count: counts.count), counts: counts, buffers: buffers,
                    months: months, rules: rules, threads: threads, progress: report
                )
            }
            unitsBefore += counts.reduce(0) { $0 + ($1 + blockSize - 1) / blockSize }
            let states = tallies.indices.map { index in
                WorkspaceState(tallies: tallies[index], usage: buffers[index].usage, closing: buffers[index].closing)
            }

            // Summarise the group's workspaces in parallel, each into its own slot.
            var summaries = [WorkspaceForecast?](repeating: nil, count: states.count)
            summaries.withUnsafeMutableBufferPointer { slots in
                let output = slots
                states.withUnsafeBufferPointer { states in
                    WorkQueue.run(
                        count: states.count, threads: threads, makeWorker: { () },
                        body: { index, _ in
                            output[index] = summarise(
                                workspaces[group.lowerBound + index], state: states[index], months: months,
                                keepPaths: settings.keepPaths
                            )
                        })
                }
            }
            for buffer in buffers {
                buffer.usage.deallocate()
                buffer.closing.deallocate()
            }
            results.append(contentsOf: summaries.map { $0! })
            groupStart = groupEnd
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
                    let state = WorkspaceState(tallies: tallies, usage: whole.usage, closing: whole.closing)
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
            // A moving pointer rather than `month * stride + offset`, which cost a checked
            // multiply and add per value.
            var target = unit.usage + offset
            for month in 0..<horizon {
                let used = worker.usage[month]
                target.pointee = scales ? workspace.path.scaled(used, month: month) : used
                target += stride
            }
        }

        // Per trial: bit 0 once a month has forfeited, bit 16 once a month has fallen short.
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
                    stepPools(unit: unit, months: months, accruals: accruals, caps: caps, hits: worker.hits) {
                        offset, month, accrual, cap, usage in
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
                    stepPools(unit: unit, months: months, accruals: accruals, caps: caps, hits: worker.hits) {
                        offset, month, accrual, cap, usage in
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
        hits: UnsafeMutableBufferPointer<UInt32>, month runMonth: (Int, Month, Int, Int, Int) -> LedgerMonth
    ) {
        let horizon = months.count
        let trials = unit.trials
        precondition(trials < 1 << 16, "a block's counts are summed in 16-bit fields")
        let tallies = unit.tallies
        // The block's trials that had a cap hit (a shortfall) in any month before this one.
        var cappedBefore = 0
        var shortBefore = 0
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
            var packageCents = 0
            // Four counts in 16-bit fields of one sum (a block has fewer than 2¹⁶ trials): this
            // month's cap hits and shortfalls, and the trials that have had either by now. A
            // trial's flags are kept in the same layout, so that each is one `or` and one add.
            var counts = 0
            for offset in 0..<trials {
                let ledger = runMonth(offset, current, accrual, cap, usage[offset])
                closing[offset] = ledger.closing
                // Both amounts are never negative, so adding them when 0 changes nothing.
                let now = (ledger.forfeited > 0 ? 1 : 0) | (ledger.shortfall > 0 ? 1 : 0) << 16
                let ever = Int(hits[offset]) | now
                hits[offset] = UInt32(truncatingIfNeeded: ever)
                closingSum += ledger.closing
                forfeitedSum += ledger.forfeited
                shortfallSum += ledger.shortfall
                paygCents += ledger.payAsYouGoCost.cents
                packageCents += ledger.packageCost.cents
                counts &+= now | ever << 32
            }
            // A trial's first cap hit (shortfall) is in this month if it has had one by now and
            // had none by last month: the count by now less the count by last month.
            let capped = (counts >> 32) & 0xFFFF
            let short = (counts >> 48) & 0xFFFF
            tallies[TrialTallies.Statistic.closing.rawValue * horizon + month] += closingSum
            tallies[TrialTallies.Statistic.capHits.rawValue * horizon + month] += counts & 0xFFFF
            tallies[TrialTallies.Statistic.forfeited.rawValue * horizon + month] += forfeitedSum
            tallies[TrialTallies.Statistic.firstCapHits.rawValue * horizon + month] += capped - cappedBefore
            tallies[TrialTallies.Statistic.shortfalls.rawValue * horizon + month] += (counts >> 16) & 0xFFFF
            tallies[TrialTallies.Statistic.shortfall.rawValue * horizon + month] += shortfallSum
            tallies[TrialTallies.Statistic.firstShortfalls.rawValue * horizon + month] += short - shortBefore
            cappedBefore = capped
            shortBefore = short
            tallies[TrialTallies.Statistic.payAsYouGoCents.rawValue * horizon + month] += paygCents
            tallies[TrialTallies.Statistic.packageCents.rawValue * horizon + month] += packageCents
        }
    }

    /// The forecast of one workspace from all its trials. Reorders the values of each month in
    /// `state` (the percentiles are selected in place), so it is their last reader.
    static func summarise<Model: UsageModel>(
        _ workspace: PreparedWorkspace<Model>, state: WorkspaceState, months: [Month], keepPaths: Bool
    ) -> WorkspaceForecast {
        let horizon = months.count
        let tallies = state.tallies
        let trials = tallies.trials
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: trials)
        defer { scratch.deallocate() }
        // The sample paths first: selecting percentiles below reorders the values it reads.
        var paths: [Int] = []
        if keepPaths {
            paths.reserveCapacity(trials * horizon)
            // Trial-major, from the month-major values.
            for trial in 0..<trials {
                for month in 0..<horizon { paths.append(state.closing[month * trials + trial]) }
            }
        }
        // A month's values are contiguous and read only here, so they are selected where they
        // lie, without a copy.
        func gather(_ values: UnsafeMutableBufferPointer<Int>, month: Int) -> Percentiles {
            Percentiles(
                selectingIn: UnsafeMutableBufferPointer(rebasing: values[(month * trials)..<((month + 1) * trials)]), scratch: scratch)
        }
        let n = Double(trials)
        let start = workspace.start.balance
        var opening = Percentiles(p5: start, p10: start, p50: start, p90: start, p95: start)
        // Kept for every workspace of the portfolio until the reports are written: exactly
        // `horizon` months, not the 16 that appending twelve one by one would reserve.
        var forecasts: [MonthForecast] = []
        forecasts.reserveCapacity(horizon)
        var cumulativeCap = 0
        var cumulativeShortfall = 0
        var capLikely: Month?
        var shortfallLikely: Month?
        for (index, month) in months.enumerated() {
            let closing = gather(state.closing, month: index)
            forecasts.append(
                MonthForecast(
                    month: month, seats: workspace.path.seats[index], accrual: workspace.path.accruals[index],
                    cap: workspace.path.caps[index],
                    usage: gather(state.usage, month: index), opening: opening, closing: closing,
                    closingMean: tallies.mean(.closing, index),
                    probabilityOfCapHit: tallies.mean(.capHits, index),
                    probabilityOfShortfall: tallies.mean(.shortfalls, index),
                    forfeitedMean: tallies.mean(.forfeited, index),
                    shortfallMean: tallies.mean(.shortfall, index),
                    payAsYouGoCostMean: Money(cents: meanHalfUp(tallies[.payAsYouGoCents, index], trials))
                ))
            opening = closing
            // Counts of trials: they fit 64 bits whatever the sums do.
            cumulativeCap += Int(tallies[.firstCapHits, index])
            cumulativeShortfall += Int(tallies[.firstShortfalls, index])
            forecasts[index].probabilityOfCapHitByThen = Double(cumulativeCap) / n
            forecasts[index].probabilityOfShortfallByThen = Double(cumulativeShortfall) / n
            if capLikely == nil && 2 * cumulativeCap > trials { capLikely = month }
            if shortfallLikely == nil && 2 * cumulativeShortfall > trials { shortfallLikely = month }
        }
        return WorkspaceForecast(
            name: workspace.name, plan: workspace.plan, seats: workspace.seats, startingBalance: start,
            cap: workspace.cap, months: forecasts,
            probabilityOfAnyCapHit: tallies.meanOfTotal(.firstCapHits),
            probabilityOfAnyShortfall: tallies.meanOfTotal(.firstShortfalls),
            capHitLikelyBy: capLikely, shortfallLikelyBy: shortfallLikely,
            expectedForfeited: tallies.meanOfTotal(.forfeited),
            expectedShortfall: tallies.meanOfTotal(.shortfall),
            expectedPayAsYouGoCost: Money(cents: meanHalfUp(tallies.total(.payAsYouGoCents), trials)),
            trials: trials, closingPaths: paths,
            expectedPackageCost: Money(cents: meanHalfUp(tallies.total(.packageCents), trials)),
            seatFees: workspace.path.seatFees(in: 0..<horizon), recentUsage: workspace.recent.usage,
            recentClosing: workspace.recent.closing
        )
    }

    /// `sum / count` rounded half-up (for the non-negative sums of cents the ledger bills).
    ///
    /// The sum is 128-bit (`TrialTallies`); the mean is a trial's own cost, at most 120 months of
    /// 10¹⁶ cents, so it fits 64 bits.
    static func meanHalfUp(_ sum: Int128, _ count: Int) -> Int {
        count > 0 ? Int((2 * sum + Int128(count)) / (2 * Int128(count))) : 0
    }
}
