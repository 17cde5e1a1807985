import CreditCore
import CreditForecast
import CreditLedger
import Foundation

/// What drives a workspace's renewal: each driver set to its P10 and to its P90, one at a time,
/// and the renewal cost and chance of a shortfall that follow (a tornado).
///
/// Every setting is a `Scenario` run by `ForecastEngine.runRenewal` on the
/// baseline's trials (common random numbers), so a bar's length is the driver's doing, not noise.
/// Each setting changes one workspace only, and all workspaces' settings of one driver and side
/// run together as one scenario (a workspace's figures never depend on the others').
///
/// The P10 and P90 of each driver, from the workspace's history (the months from its first seat
/// on; percentiles nearest-rank, as everywhere in creditcast):
/// - **usage level**: usage scaled, over the whole forecast, by the P10 and the P90 of the
///   history's monthly totals divided by their mean;
/// - **trend**: the least-squares slope `b` of the log of the monthly totals (months with usage,
///   at least 3) has standard error `s`; usage is scaled by `exp(∓z·s·h)` in the h-th forecast
///   month, `z = 1.2816` the normal P90, so the trend moves by its own P10/P90 estimation error
///   (no change when the history is too short or the fit exact);
/// - **heaviest seats**: the heaviest tenth of the seats by total usage (at least one) each use
///   their own P10 (P90) month instead of their mean month: usage is scaled by
///   `(T̄ + Σ(P10ₛ − ūₛ)) / T̄`, `T̄` the mean monthly total, `ūₛ` the seat's mean month since it joined;
/// - **seat count**: seats added from the first forecast month, the P10 and the P90 of the
///   history's month-to-month seat-count changes, at least one seat each way (added seats use
///   credits like the average seat, as in any scenario);
/// - **plan**: every seat moved to the plan with the next lower and next higher allowance in the
///   pricing (none on a side without one, or for seats on several plans).
///
/// Multipliers are rounded to millionths (`UsageMultiplier`).
public enum SensitivityAnalysis {
    /// The z-score of the normal distribution's 90th percentile.
    public static let p90Score = 1.2815515655446004

    /// Every driver's range for one workspace over the forecast `months` (the first forecast
    /// month first), in `SensitivityDriver` order.
    public static func ranges(
        for workspace: WorkspaceHistory, pool: WorkspacePool, pricing: Pricing, months: [Month]
    ) -> [SensitivityRange] {
        guard let first = months.first else { return [] }
        let start = workspace.seats.map(\.firstOffset).min() ?? 0
        let totals = Array(workspace.monthlyUsage.dropFirst(start))
        let name = workspace.name
        func scaled(_ factor: UsageMultiplier) -> SensitivitySetting {
            SensitivitySetting(
                value: .multiplier(factor),
                changes: factor == .one ? [] : [ScenarioChange(workspace: name, from: first, usageMultiplier: factor)]
            )
        }
        let level = levelMultipliers(totals)
        let heavy = heaviestSeatMultipliers(workspace.seats, totals: totals)
        let trend = trendShift(totals)
        func growth(_ sign: Double) -> SensitivitySetting {
            // A shift too small to move a month by a millionth is no shift (an exact fit).
            guard multiplier(exp(trend)) != .one else { return SensitivitySetting(value: .monthlyGrowth(.one), changes: []) }
            let changes = months.enumerated().map { index, month in
                ScenarioChange(
                    workspace: name, from: month, usageMultiplier: multiplier(exp(sign * trend * Double(index + 1))))
            }
            return SensitivitySetting(value: .monthlyGrowth(multiplier(exp(sign * trend))), changes: changes)
        }
        let seats = seatSteps(workspace, from: start)
        func seatSetting(_ delta: Int) -> SensitivitySetting {
            SensitivitySetting(
                value: .seats(delta), changes: [ScenarioChange(workspace: name, from: first, seats: .add(delta))])
        }
        let plans = neighbouringPlans(of: ForecastEngine.planName(for: workspace, pool: pool), in: pricing)
        func planSetting(_ plan: Plan?) -> SensitivitySetting {
            SensitivitySetting(
                value: .plan(plan?.name),
                changes: plan.map { [ScenarioChange(workspace: name, from: first, plan: $0)] } ?? []
            )
        }
        return [
            SensitivityRange(driver: .usageLevel, low: scaled(level.low), high: scaled(level.high)),
            SensitivityRange(driver: .trend, low: growth(-1), high: growth(1)),
            SensitivityRange(driver: .heaviestSeats, low: scaled(heavy.low), high: scaled(heavy.high)),
            SensitivityRange(driver: .seatCount, low: seatSetting(seats.low), high: seatSetting(seats.high)),
            SensitivityRange(driver: .plan, low: planSetting(plans.lower), high: planSetting(plans.higher)),
        ]
    }

    /// `value` in millionths, rounded to the nearest, from 0 to `UsageMultiplier.maximum` (a
    /// steep trend compounded over a long horizon passes any factor a scenario may give).
    static func multiplier(_ value: Double) -> UsageMultiplier {
        guard value.isFinite, value > 0 else { return UsageMultiplier(millionths: 0) }
        let most = UsageMultiplier.maximum.millionths
        let millionths = (value * Double(UsageMultiplier.denominator)).rounded()
        return UsageMultiplier(millionths: millionths >= Double(most) ? most : Int(millionths))
    }

    /// The P10 and P90 of the monthly totals over their mean.
    static func levelMultipliers(_ totals: [Int]) -> (low: UsageMultiplier, high: UsageMultiplier) {
        let sum = totals.reduce(0, +)
        guard sum > 0 else { return (.one, .one) }
        let percentiles = Percentiles(nearestRankOf: totals)
        // P / (sum / n) in millionths, rounded half up, in 128-bit integers: a month of a
        // trillion credits times the month count times a million passes 64 bits. The ratio is
        // at most the month count, and held to the largest multiplier.
        func ratio(_ value: Int) -> UsageMultiplier {
            let numerator = Int128(value) * Int128(totals.count) * Int128(UsageMultiplier.denominator)
            let millionths = (2 * numerator + Int128(sum)) / (2 * Int128(sum))
            return UsageMultiplier(
                millionths: Int(min(millionths, Int128(UsageMultiplier.maximum.millionths))))
        }
        return (ratio(percentiles.p10), ratio(percentiles.p90))
    }

    /// The heaviest tenth of the seats (at least one) at their own P10 and P90 months.
    static func heaviestSeatMultipliers(_ seats: [SeatHistory], totals: [Int]) -> (
        low: UsageMultiplier, high: UsageMultiplier
    ) {
        let sum = totals.reduce(0, +)
        guard sum > 0, !seats.isEmpty else { return (.one, .one) }
        let weighed: [(seat: SeatHistory, total: Int)] = seats.map { seat in (seat, seat.usage.reduce(0, +)) }
        let ranked = weighed.sorted { lhs, rhs in lhs.total != rhs.total ? lhs.total > rhs.total : lhs.seat.id < rhs.seat.id }
        var low = 0.0
        var high = 0.0
        for (seat, total) in ranked.prefix(max(1, (seats.count + 9) / 10)) {
            let months = Array(seat.usage.dropFirst(seat.firstOffset))
            guard !months.isEmpty else { continue }
            let mean = Double(total) / Double(months.count)
            let percentiles = Percentiles(nearestRankOf: months)
            low += Double(percentiles.p10) - mean
            high += Double(percentiles.p90) - mean
        }
        let average = Double(sum) / Double(totals.count)
        return (multiplier(max(0, (average + low) / average)), multiplier(max(0, (average + high) / average)))
    }

    /// `z · s`: the trend's P90 shift per month, from the standard error `s` of the slope of the
    /// log monthly totals; 0 with fewer than 3 months of usage.
    static func trendShift(_ totals: [Int]) -> Double {
        let points = totals.enumerated().filter { $0.element > 0 }.map { (x: Double($0.offset), y: log(Double($0.element))) }
        guard points.count >= 3 else { return 0 }
        let n = Double(points.count)
        let meanX = points.map(\.x).reduce(0, +) / n
        let meanY = points.map(\.y).reduce(0, +) / n
        let sxx = points.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        let slope = points.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +) / sxx
        let residuals = points.map { $0.y - meanY - slope * ($0.x - meanX) }
        let variance = residuals.map { $0 * $0 }.reduce(0, +) / (n - 2)
        return p90Score * (variance / sxx).squareRoot()
    }

    /// The P10 and P90 of the month-to-month seat-count changes, at least one seat each way.
    static func seatSteps(_ workspace: WorkspaceHistory, from start: Int) -> (low: Int, high: Int) {
        let count = workspace.seats.first?.usage.count ?? 0
        let counts = (start..<max(start, count)).map { workspace.seatCount(atOffset: $0) }
        let steps = zip(counts.dropFirst(), counts).map { $0 - $1 }
        guard !steps.isEmpty else { return (-1, 1) }
        let percentiles = Percentiles(nearestRankOf: steps)
        return (min(-1, percentiles.p10), max(1, percentiles.p90))
    }

    /// The plans with the next lower and next higher allowance than `name`'s, if it is a plan
    /// of `pricing` (not `mixed`).
    static func neighbouringPlans(of name: String, in pricing: Pricing) -> (lower: Plan?, higher: Plan?) {
        guard let current = try? pricing.plan(named: name) else { return (nil, nil) }
        let lower = pricing.plans.filter { $0.monthlyAllowance < current.monthlyAllowance }.max {
            $0.monthlyAllowance < $1.monthlyAllowance
        }
        let higher = pricing.plans.filter { $0.monthlyAllowance > current.monthlyAllowance }.min {
            $0.monthlyAllowance < $1.monthlyAllowance
        }
        return (lower, higher)
    }
}
