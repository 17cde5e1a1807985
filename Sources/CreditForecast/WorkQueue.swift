import Foundation

/// Hands out unit indices `0 ..< count` to worker threads, one at a time, and reports progress.
///
/// Which worker runs which unit varies from run to run; the results do not, because every unit
/// writes only its own slots. The forecast engine and the backtest both run on it.
public final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    private let count: Int
    private let progress: (@Sendable (Int) -> Void)?

    /// A queue of `count` units; `progress` is told the number finished, under the lock.
    init(count: Int, progress: (@Sendable (Int) -> Void)?) {
        self.count = count
        self.progress = progress
    }

    /// The next unit to run, or `nil` when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Records a finished unit.
    func finish() {
        guard let progress else { return }
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        progress(finished)
    }

    /// Runs `body(unit, worker)` for every unit on `threads` workers (0 or less: every active
    /// core); `makeWorker` builds each worker's scratch space once.
    public static func run<Worker>(
        count: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil,
        makeWorker: @escaping () -> Worker, release: @escaping (inout Worker) -> Void = { _ in },
        body: @escaping (Int, inout Worker) -> Void
    ) {
        guard count > 0 else { return }
        let cores = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let queue = WorkQueue(count: count, progress: progress)
        let workers = max(1, min(cores, count))
        let work: (Int) -> Void = { _ in
            var worker = makeWorker()
            while let unit = queue.take() {
                body(unit, &worker)
                queue.finish()
            }
            release(&worker)
        }
        if workers == 1 {
            work(0)
        } else {
            // Each worker touches only its own scratch and the slots of the units it takes.
            nonisolated(unsafe) let shared = work
            DispatchQueue.concurrentPerform(iterations: workers) { worker in shared(worker) }
        }
    }

    /// `body(unit, &worker)` for every unit, on `threads` workers (0 or less: every active core);
    /// the results in unit order. `progress` is told the share of units done, never decreasing.
    public static func map<Worker, Result>(
        count: Int, threads: Int, progress: (@Sendable (Double) -> Void)? = nil,
        makeWorker: @escaping () -> Worker, release: @escaping (inout Worker) -> Void = { _ in },
        body: @escaping (Int, inout Worker) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.baseAddress!.deinitialize(count: count)
            slots.deallocate()
        }
        let share = progress.map { report in { @Sendable (finished: Int) in report(Double(finished) / Double(count)) } }
        run(count: count, threads: threads, progress: share, makeWorker: makeWorker, release: release) { unit, worker in
            slots[unit] = body(unit, &worker)
        }
        return slots.map { $0! }
    }
}
