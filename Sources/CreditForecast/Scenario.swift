import CreditCore
import CreditLedger

/// A what-if for the forecast: seats, plan and usage changed from given months on.
///
/// Changes apply in month order (changes of the same month in the order given), each from its
/// month to the end of the horizon; a change dated before the first forecast month applies
/// from the start. A change without a workspace applies to every workspace. A scenario only
/// moves inputs of the month's rules (accrual, cap, usage); every trial still draws the same
/// random numbers, so a scenario and the baseline differ by their changes, not by noise.
public struct Scenario: Sendable, Equatable {
    /// The name reports give the forecast without changes; no scenario may take it.
    public static let baselineName = "baseline"

    /// The scenario's name, as reports show it.
    public var name: String
    /// The changes, in the order they were given.
    public var changes: [ScenarioChange]

    /// A scenario named `name` made of `changes`.
    public init(name: String, changes: [ScenarioChange]) {
        self.name = name
        self.changes = changes
    }

    /// `body`'s result for the baseline (`nil`), then for each of `scenarios` in order, each
    /// under the name reports give it. Forecasts made this way are comparable: every scenario
    /// draws the same trials as the baseline.
    public static func baselineAndEach<Result>(
        of scenarios: [Scenario], _ body: (Scenario?) throws -> Result
    ) rethrows -> [(name: String, result: Result)] {
        var results = [(name: baselineName, result: try body(nil))]
        for scenario in scenarios { results.append((scenario.name, try body(scenario))) }
        return results
    }

    /// The seats, accrual, cap, usage scale and seat fee of each of `months` for one workspace.
    ///
    /// - Parameters:
    ///   - workspace: the workspace's name, to pick the changes that target it.
    ///   - months: the forecast months.
    ///   - seats: seats as the forecast would otherwise keep them.
    ///   - accrual: the monthly accrual as the forecast would otherwise keep it.
    ///   - plan: the workspace's one plan, if it has one (used when seats change and the plan
    ///     does not, for a workspace that had no seats).
    ///   - cap: how the workspace's cap follows its accrual.
    ///   - seatFees: what the forecast's seats would otherwise cost a month, and what one seat
    ///     costs when every seat is on one plan (`nil`: not known).
    func path(
        for workspace: String, months: [Month], seats: Int, accrual: Int, plan: Plan?, cap: CapRule,
        seatFees: (monthly: Money?, perSeat: Money?)
    ) -> ForecastEngine.MonthPath {
        let relevant = changes.enumerated()
            .filter { $0.element.workspace == nil || $0.element.workspace == workspace }
            .sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }
            .map(\.element)
        var path = ForecastEngine.MonthPath(months: months.count)
        var current = (seats: seats, plan: Plan?.none, multiplier: UsageMultiplier.one)
        var next = 0
        for (index, month) in months.enumerated() {
            while next < relevant.count, relevant[next].from <= month {
                let change = relevant[next]
                if let seatChange = change.seats { current.seats = seatChange.applied(to: current.seats) }
                if let newPlan = change.plan { current.plan = newPlan }
                if let multiplier = change.usageMultiplier { current.multiplier = multiplier }
                next += 1
            }
            let monthAccrual: Int
            if let newPlan = current.plan {
                monthAccrual = current.seats * newPlan.monthlyAllowance
            } else if current.seats == seats {
                monthAccrual = accrual
            } else if seats > 0 {
                // Seats on several plans: the added or removed seats earn the average seat's
                // allowance (exact when every seat is on one plan). The product is formed in
                // 128 bits; the quotient is at most seats × the largest allowance.
                monthAccrual = Int(Int128(accrual) * Int128(current.seats) / Int128(seats))
            } else {
                monthAccrual = current.seats * (plan?.monthlyAllowance ?? 0)
            }
            path.seats[index] = current.seats
            path.accruals[index] = monthAccrual
            path.caps[index] = cap.cap(forAccrual: monthAccrual)
            // A seat moved to a plan pays that plan's price; seats added to a workspace on
            // several plans have no known plan, so their fee is unknown rather than guessed.
            if current.seats == 0 {
                path.seatFees[index] = .zero
            } else if let newPlan = current.plan {
                path.seatFees[index] = newPlan.seatPrice.map { $0 * current.seats }
            } else if current.seats == seats {
                path.seatFees[index] = seatFees.monthly
            } else {
                path.seatFees[index] = seatFees.perSeat.map { $0 * current.seats }
            }
            // Added seats use credits like the average current seat, removed seats take
            // theirs with them; the multiplier scales what is left.
            let seatRatio = seats > 0 ? (current.seats, seats) : (1, 1)
            path.usageScale[index] = (
                seatRatio.0 * current.multiplier.millionths, seatRatio.1 * UsageMultiplier.denominator
            )
        }
        return path
    }
}
