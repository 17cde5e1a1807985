import CreditCore
import Foundation

/// The least-squares trend of one workspace's log usage per counted seat: the evidence that
/// `TrendPrior` pools across a portfolio and `SeatsUsageModel` weighs against that prior.
///
/// With `Tₜ` the workspace's total in month `t` (counted from its first month with data) divided
/// by the seats counted in it, each seat from its first month with data weighing its usage
/// against its colleagues' (`seatWeights`), `yₜ = ln(Tₜ + ε)` with `ε = max(1, 0.05·mean T)`, the
/// slope is `b̂ = Σ(t − t̄)(yₜ − ȳ)/Sₜₜ` with `Sₜₜ = Σ(t − t̄)²`, and `r²` the residual variance
/// about that line with `n − 2` degrees of freedom. Usage per counted seat, not the total, so
/// that seats joining (already in the seat draws) are not read as growth, nor seats that join
/// small or are used now and then as a fall. With a `SeasonalProfile`, `yₜ`
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
    /// Whether some month had no usage, so that its log is the offset `ε`'s, not a measure of
    /// how far the month strayed.
    let hasIdleMonth: Bool

    /// The sampling variance of `b̂`, `r²/Sₜₜ`; `nil` when `r²` is.
    public var slopeVariance: Double? {
        guard let residualVariance, timeSpread > 0 else { return nil }
        return residualVariance / timeSpread
    }

    /// The variance a yearly season the history cannot see adds to `b̂`: `(A²/2)·|Σₜ wₜ·e^{iωt}|²`
    /// with `wₜ = (t − t̄)/Sₜₜ` and `ω = 2π/12`, for a season `A·cos(ωt + φ)` of amplitude
    /// `amplitude` and a phase equally likely anywhere in the year (its values a month apart
    /// covary as `(A²/2)·cos ω`). Months of part of a year rising or falling with the calendar
    /// look like a trend to a line through them: `A²/8` for three months, 0.029² for six at
    /// `A = 0.1`. 0 with fewer than two months, and from `SeasonalProfile.minimumMonths` on: a
    /// history of a year or more has seen every calendar month, and a line through whole years
    /// takes a tenth or less of a season's slope.
    public func seasonAliasVariance(amplitude: Double) -> Double {
        Self.seasonAliasVariance(months: months, amplitude: amplitude)
    }

    /// `seasonAliasVariance(amplitude:)` of a line through `months` months.
    static func seasonAliasVariance(months: Int, amplitude: Double) -> Double {
        guard months >= 2, months < SeasonalProfile.minimumMonths, amplitude > 0 else { return 0 }
        let meanT = Double(months - 1) / 2
        let timeSpread = Self.timeSpread(months: months)
        var real = 0.0
        var imaginary = 0.0
        for t in 0..<months {
            let weight = (Double(t) - meanT) / timeSpread
            let angle = 2 * Double.pi * Double(t) / 12
            real += weight * cos(angle)
            imaginary += weight * sin(angle)
        }
        return amplitude * amplitude / 2 * (real * real + imaginary * imaginary)
    }

    /// `Sₜₜ = Σ(t − t̄)² = n(n² − 1)/12` over `months` consecutive months.
    static func timeSpread(months: Int) -> Double { Double(months) * Double(months * months - 1) / 12 }

    /// `(ȳ, b̂)`: the mean of `values` (two or more) and their least-squares slope against
    /// `t = 0, 1, …`, `Σ(t − t̄)(yₜ − ȳ)/Sₜₜ`.
    static func line(through values: [Double]) -> (mean: Double, slope: Double) {
        let meanT = Double(values.count - 1) / 2
        let mean = values.reduce(0, +) / Double(values.count)
        var sumTY = 0.0
        for (t, y) in values.enumerated() { sumTY += (Double(t) - meanT) * (y - mean) }
        return (mean, sumTY / timeSpread(months: values.count))
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

    /// `wₛ = rₛ/r̄`: how much each seat of `workspace` counts in the denominator. `rₛ` is the
    /// seat's usage over its own months (from its first month with data through `monthCount − 1`,
    /// idle months included) divided by what the average seat counted in those same months used,
    /// and `r̄` the mean of `rₛ` over the seats with months, so that the weights of the seats
    /// present in the last month add up to their number. Every seat weighs 1 when nothing was
    /// used; a seat with no month before `monthCount` weighs 0.
    ///
    /// A seat that joins small or is used now and then adds its own share of the total to the
    /// denominator, not a whole seat: counted as one seat each, a cohort whose steady total
    /// spreads over ever more members (an airline's 30 destinations becoming 49, 26–36 flown in
    /// any month) reads as usage per seat falling 4–7% a month, and the forecast follows that
    /// fall although the total does not. Measured against the same months' average seat, a seat
    /// that joins when usage per seat has grown or is in season weighs as its colleagues do.
    static func seatWeights(workspace: WorkspaceHistory, monthCount: Int) -> [Double] {
        var average = [Double](repeating: 0, count: max(0, monthCount))
        var counted = [Double](repeating: 0, count: max(0, monthCount))
        for seat in workspace.seats where seat.firstOffset < monthCount {
            for offset in seat.firstOffset..<monthCount {
                average[offset] += Double(seat.usage[offset])
                counted[offset] += 1
            }
        }
        for offset in average.indices where counted[offset] > 0 { average[offset] /= counted[offset] }
        let ratios = workspace.seats.map { seat -> Double? in
            guard seat.firstOffset < monthCount else { return nil }
            var own = 0.0
            var typical = 0.0
            for offset in seat.firstOffset..<monthCount {
                own += Double(seat.usage[offset])
                typical += average[offset]
            }
            return typical > 0 ? own / typical : 0
        }
        let present = ratios.compactMap { $0 }
        let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
        guard mean > 0 else { return ratios.map { $0 == nil ? 0 : 1 } }
        return ratios.map { ($0 ?? 0) / mean }
    }

    /// The trend of `workspace`, whose seats' usage arrays cover `monthCount` months, after
    /// `seasonality`.
    public init(workspace: WorkspaceHistory, monthCount: Int, seasonality: SeasonalProfile = .none) {
        let first = min(monthCount, workspace.seats.map(\.firstOffset).min() ?? monthCount)
        let n = max(0, monthCount - first)
        firstOffset = first
        let weights = Self.seatWeights(workspace: workspace, monthCount: monthCount)
        var totals = [Double](repeating: 0, count: n)
        var counted = [Double](repeating: 0, count: n)
        for (seat, weight) in zip(workspace.seats, weights) {
            for offset in first..<monthCount {
                totals[offset - first] += Double(seat.usage[offset])
                if offset >= seat.firstOffset { counted[offset - first] += weight }
            }
        }
        // A month with usage has a counted seat of positive weight; one without stays at zero.
        for index in totals.indices where counted[index] > 0 { totals[index] /= counted[index] }
        months = n
        meanPerSeatTotal = n > 0 ? totals.reduce(0, +) / Double(n) : 0
        hasIdleMonth = totals.contains(0)
        timeSpread = n >= 2 ? Self.timeSpread(months: n) : 0
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
        let (meanY, slope) = Self.line(through: logs)
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
