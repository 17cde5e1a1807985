import Foundation

/// Runs `count` independent units on a fixed number of threads, each unit writing only its own
/// result slot, so results are the same whatever the thread count.
///
/// (The engine's `WorkQueue` is internal to CreditForecast; this is the backtest's equivalent.)
enum ParallelSlots {
    /// `body(unit, &scratch)` for every unit, on `threads` workers (0 or less: every active core);
    /// returns the results in unit order. `makeScratch` builds each worker's scratch once and
    /// `release` frees it when the worker is done.
    static func map<Scratch, Result>(
        count: Int, threads: Int, progress: (@Sendable (Double) -> Void)? = nil,
        makeScratch: @escaping () -> Scratch, release: @escaping (inout Scratch) -> Void = { _ in },
        body: @escaping (Int, inout Scratch) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.baseAddress!.deinitialize(count: count)
            slots.deallocate()
        }
        let cores = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(cores, count))
        let counter = Counter()
        let work: (Int) -> Void = { _ in
            var scratch = makeScratch()
            while let unit = counter.take(below: count) {
                slots[unit] = body(unit, &scratch)
                counter.finish(of: count, progress: progress)
            }
            release(&scratch)
        }
        if workers == 1 {
            work(0)
        } else {
            // Each worker writes only the slots of the units it takes.
            nonisolated(unsafe) let shared = work
            DispatchQueue.concurrentPerform(iterations: workers) { shared($0) }
        }
        return slots.map { $0! }
    }

    /// Hands out unit indices one at a time and counts finished units.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var finished = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        /// Counts a finished unit and reports the share done, under the lock so that reports
        /// never go backwards.
        func finish(of count: Int, progress: (@Sendable (Double) -> Void)?) {
            guard let progress else { return }
            lock.lock()
            defer { lock.unlock() }
            finished += 1
            progress(Double(finished) / Double(count))
        }
    }
}
