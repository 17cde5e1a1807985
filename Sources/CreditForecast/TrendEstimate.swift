import CreditCore
import Foundation

/// The least-squares trend of one workspace's log usage per counted seat: the evidence that
/// `TrendPrior` pools across a portfolio and `SeatsUsageModel` weighs against that prior.
///
/// With `Tₜ` the workspace's total in month `t` (counted from its first month with data) divided
/// by the seats counted in it, `yₜ = ln(Tₜ + ε)` with `ε = max(1, 0.05·mean T)`, the slope is
/// `b̂ = Σ(t − t̄)(yₜ − ȳ)/Sₜₜ` with `Sₜₜ = Σ(t − t̄)²`, and `r²` the residual variance about that
/// line with `n − 2` degrees of freedom. Usage per counted seat, not the total, so that seats
/// joining (already in the seat draws) are not read as growth. With a `SeasonalProfile`, `yₜ`
/// is seasonally adjusted first (its effect for the month subtracted), so that a portfolio's
/// quiet August is not read as a decline.
public struct TrendEstimate: Sendable, Equatable {
    /// `n`: months from the workspace's first month with data to the last month.
    public let months: Int
    /// The history offset of the workspace's first month with data: `yₜ` is month
    /// `firstOffset + t` of the history.
    public let firstOffset: Int
    /// `b̂`: the least-squares slope, per month; 0 with fewer than two months or no usage.
    public let slope: Double
    /// `r²`: the residual variance about the line; `nil` with fewer than three months (no degree
    /// of freedom) or no usage.
    public let residualVariance: Double?
    /// `Sₜₜ = Σ(t − t̄)²`.
    public let timeSpread: Double
    /// `yₜ`, the seasonally adjusted log usage per counted seat; empty with fewer than two months or no usage.
    let logs: [Double]
    /// `ȳ`.
    let meanLog: Double
    /// `mean T`.
    let meanPerSeatTotal: Double

    /// The sampling variance of `b̂`, `r²/Sₜₜ`; `nil` when `r²` is.
    public var slopeVariance: Double? {
        guard let residualVariance, timeSpread > 0 else { return nil }
        return residualVariance / timeSpread
    }

    /// `yₜ − ȳ − b̂·(t − t̄)`, the departures from the fitted line; empty when `logs` is.
    var residuals: [Double] {
        let meanT = Double(months - 1) / 2
        return logs.indices.map { logs[$0] - meanLog - slope * (Double($0) - meanT) }
    }

    /// `ε`, which keeps the logarithm of an idle month finite.
    var logOffset: Double { Self.logOffset(mean: meanPerSeatTotal) }

    /// `ε = max(1, 0.05·mean T)`.
    static func logOffset(mean: Double) -> Double { max(1, 0.05 * mean) }

    /// The trend of `workspace`, whose seats' usage arrays cover `monthCount` months, after
    /// `seasonality`.
    public init(workspace: WorkspaceHistory, monthCount: Int, seasonality: SeasonalProfile = .none) {
        let first = min(monthCount, workspace.seats.map(\.firstOffset).min() ?? monthCount)
        let n = max(0, monthCount - first)
        firstOffset = first
        var totals = [Double](repeating: 0, count: n)
        var counted = [Double](repeating: 0, count: n)
        for seat in workspace.seats {
            for offset in first..<monthCount {
                totals[offset - first] += Double(seat.usage[offset])
                if offset >= seat.firstOffset { counted[offset - first] += 1 }
            }
        }
        for index in totals.indices { totals[index] /= max(1, counted[index]) }
        months = n
        meanPerSeatTotal = n > 0 ? totals.reduce(0, +) / Double(n) : 0
        timeSpread = n >= 2 ? Double(n) * Double(n * n - 1) / 12 : 0
        guard n >= 2, meanPerSeatTotal > 0 else {
            slope = 0
            residualVariance = nil
            logs = []
            meanLog = 0
            return
        }
        let epsilon = Self.logOffset(mean: meanPerSeatTotal)
        let logs = totals.indices.map { log(totals[$0] + epsilon) - seasonality.effect(atOffset: first + $0) }
        let meanT = Double(n - 1) / 2
        let meanY = logs.reduce(0, +) / Double(n)
        var sumTY = 0.0
        for (t, y) in logs.enumerated() { sumTY += (Double(t) - meanT) * (y - meanY) }
        let slope = sumTY / timeSpread
        var residualVariance: Double?
        if n > 2 {
            var squares = 0.0
            for (t, y) in logs.enumerated() {
                let residual = y - meanY - slope * (Double(t) - meanT)
                squares += residual * residual
            }
            residualVariance = squares / Double(n - 2)
        }
        self.slope = slope
        self.residualVariance = residualVariance
        self.logs = logs
        self.meanLog = meanY
    }
}
