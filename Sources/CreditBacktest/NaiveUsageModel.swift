import CreditCore
import CreditForecast

/// Baseline: the last month repeated, with the spread of a random walk (the "naive" benchmark of
/// forecasting textbooks, e.g. Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
/// §5.5).
///
/// With the workspace's monthly totals `T₀ … Tₙ₋₁`, `σ` is the standard deviation of the one-step
/// changes `Tₜ − Tₜ₋₁` (zero with fewer than two months). A trial walks
/// `Xₕ = Xₕ₋₁ + σ·εₕ` from `X₀ = Tₙ₋₁`, so `h` months ahead its spread is `σ√h` around the last
/// month; each month's usage is `max(0, round(Xₕ))`.
public struct NaiveUsageModel: UsageModel {
    /// The last month's total.
    public let last: Double
    /// `σ`, the spread of one month's change.
    public let sigma: Double

    /// Fits the model to `workspace`, whose seats' usage arrays cover `monthCount` months.
    public init(workspace: WorkspaceHistory, monthCount: Int) {
        let totals = WorkspaceTotals(workspace: workspace, monthCount: monthCount).values
        last = totals.last ?? 0
        let changes = zip(totals.dropFirst(), totals).map { $0 - $1 }
        sigma = WorkspaceTotals.standardDeviation(changes)
    }

    /// Draws one random-walk path.
    public func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        var level = last
        var normals = NormalSequence()
        for month in usage.indices {
            level += sigma * normals.next(using: &generator)
            usage[month] = WorkspaceTotals.credits(level)
        }
    }
}
