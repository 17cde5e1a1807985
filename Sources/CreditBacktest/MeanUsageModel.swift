import CreditCore
import CreditForecast

/// Baseline: the mean of the history, with its spread (the "mean" benchmark of forecasting
/// textbooks, e.g. Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, §5.5).
///
/// With the workspace's monthly totals `T₀ … Tₙ₋₁`, mean `μ` and standard deviation `s`, every
/// forecast month is independently `max(0, round(μ + s·√(1 + 1/n)·ε))`: the spread of a new
/// month plus the uncertainty of the mean itself. No trend, no memory of recent months.
public struct MeanUsageModel: UsageModel {
    /// `μ`, the mean monthly total.
    public let mean: Double
    /// `s·√(1 + 1/n)`, the spread of a forecast month.
    public let sigma: Double

    /// Fits the model to `workspace`, whose seats' usage arrays cover `monthCount` months.
    public init(workspace: WorkspaceHistory, monthCount: Int) {
        let totals = WorkspaceTotals(workspace: workspace, monthCount: monthCount).values
        let n = Double(totals.count)
        mean = totals.isEmpty ? 0 : totals.reduce(0, +) / n
        sigma = totals.isEmpty ? 0 : WorkspaceTotals.standardDeviation(totals) * (1 + 1 / n).squareRoot()
    }

    /// Draws every month independently.
    public func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        var normals = NormalSequence()
        for month in usage.indices {
            usage[month] = WorkspaceTotals.credits(mean + sigma * normals.next(using: &generator))
        }
    }
}
