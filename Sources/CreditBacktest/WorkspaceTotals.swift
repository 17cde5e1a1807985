import CreditCore

/// A workspace's monthly totals from its first month with data to the as-of month: what the
/// baselines fit on, the same span `BootstrapUsageModel` resamples.
struct WorkspaceTotals {
    /// The totals, oldest first.
    var values: [Double]

    init(workspace: WorkspaceHistory, monthCount: Int) {
        let first = workspace.seats.map(\.firstOffset).min() ?? monthCount
        var totals = [Double](repeating: 0, count: max(0, monthCount - first))
        for seat in workspace.seats {
            for offset in first..<monthCount { totals[offset - first] += Double(seat.usage[offset]) }
        }
        values = totals
    }

    /// The sample standard deviation (divisor `n − 1`); 0 for fewer than two values.
    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Whole credits, never negative: a Gaussian baseline can dip below zero, usage cannot; and
    /// never above `UsageHistory.maximumCredits`, as every forecast month is held.
    @inline(__always)
    static func credits(_ value: Double) -> Int {
        value.isFinite && value > 0 ? Int(min(value, Double(UsageHistory.maximumCredits)).rounded()) : 0
    }
}
