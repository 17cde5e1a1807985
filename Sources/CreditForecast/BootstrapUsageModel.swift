import CreditCore

/// The plain bootstrap: every simulated month is one whole historical month of the workspace,
/// drawn uniformly and independently, with no trend.
///
/// With `n` months from the workspace's first month with data to the as-of month and monthly
/// totals `T₀ … Tₙ₋₁` (all seats together), a trial's usage in each forecast month is `T_J` with
/// `J` uniform on `0 ..< n` and independent across months. The balance is then a Markov chain
/// over integer balances, which the tests compute exactly. A workspace without any usage row draws
/// zero.
public struct BootstrapUsageModel: UsageModel {
    /// The workspace's monthly totals from its first month with data to the as-of month.
    public let monthlyTotals: [Int]

    /// Fits the model to `workspace`, whose seats' usage arrays cover `monthCount` months.
    public init(workspace: WorkspaceHistory, monthCount: Int) {
        let first = workspace.seats.map(\.firstOffset).min() ?? monthCount
        var totals = [Int](repeating: 0, count: max(0, monthCount - first))
        for seat in workspace.seats {
            for offset in first..<monthCount { totals[offset - first] += seat.usage[offset] }
        }
        self.monthlyTotals = totals
    }

    /// Draws each forecast month's usage as one uniformly chosen historical month.
    @inlinable
    public func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        let count = UInt64(monthlyTotals.count)
        guard count > 0 else {
            for index in usage.indices { usage[index] = 0 }
            return
        }
        monthlyTotals.withUnsafeBufferPointer { totals in
            for index in usage.indices {
                // Lemire's multiply-and-reject: exactly uniform.
                usage[index] = totals[Int(generator.next(upperBound: count))]
            }
        }
    }
}
