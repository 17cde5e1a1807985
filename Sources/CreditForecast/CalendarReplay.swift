import CreditCore
import Foundation

/// Calendar replay: with probability `share`, a forecast month of a `SeatsUsageModel` takes the
/// whole workspace's usage in the same calendar month of a past year, every seat at once,
/// instead of drawing each seat on its own.
///
/// Seat draws are independent across seats, and a seat's idle month is idle whatever its season
/// (zero brought out of a season is still zero). Where usage comes in a season and stops outside
/// it, a forecast September then drew the idle months of the rest of the year as often as the
/// busy ones: over the real-data suite, the storms panel's median for September 2022 in one band
/// was 133 where its seven Septembers had been 0 and 140–460, and its seats (a storm's statuses)
/// burst together, which independent draws do not. A past year's same month keeps both which
/// months are idle and which seats move together.
///
/// **Months.** The workspace's total in each month `t` of its history, brought to the as-of
/// level along the slope and out of its season as the seat draws are,
/// `xₜ = Tₜ · e^{b̃·(N−1−t) − S(t)}`; a replayed month `h` draws one of the months of its
/// calendar month, weighted by recency as the seat draws are, and the forecast puts the slope and
/// the season back (`S` cancels: the same calendar month). The common factor is left out of a
/// replayed month: a past month's total already holds its busy-month swing.
///
/// **Share.** `π` is the weight that would have forecast the history best, month by month from
/// the other months (leave-one-out), by CRPS: for month `t` of calendar month `c`, `F_c` the
/// other months of `c` and `F_a` all other months (standing in for the seat draws, which resample
/// months across the whole history),
///
///     CRPS(π·F_c + (1 − π)·F_a, xₜ) = π·A_c + (1 − π)·A_a − ½[π²·B_cc + 2π(1 − π)·B_ca + (1 − π)²·B_aa]
///
/// with `A_c = E|X − xₜ|` for `X ~ F_c` (and `A_a` for `F_a`) and `B_cc = E|X − X′|` for independent
/// `X, X′ ~ F_c` (`B_ca` one from each, `B_aa` both from `F_a`). Summed over the months that is a
/// quadratic `q₀ + q₁π + q₂π²`, minimised over `[0, 1]` (the smaller `π` of equal ones). The
/// minimiser is kept only where the months' gain over no replay clears chance: its mean below 0
/// by more than two standard errors (`significance`). Months that follow the calendar choose a
/// large share, exchangeable months none. It needs every calendar month twice: `minimumMonths`.
@usableFromInline
struct CalendarReplay: Sendable, Equatable {
    /// The fewest months of history: two of every calendar month.
    static let minimumMonths = 24

    /// `π`: the probability that a forecast month is replayed.
    @usableFromInline let share: Double
    /// The history's `xₜ`, grouped by calendar month (`t mod 12` counted from the history's
    /// first month) and in time order within each.
    @usableFromInline let values: [Double]
    /// Each value's recency weight summed with those before it in its calendar month, so that the
    /// last of each is 1.
    @usableFromInline let cumulativeWeights: [Double]
    /// Where each calendar month's values start in `values`, and one past the last: 13 entries.
    @usableFromInline let starts: [Int]
    /// The history's months: forecast month `h` (from 0) has calendar month `(months + h) mod 12`.
    @usableFromInline let months: Int

    /// The replay of `workspace`'s history of `monthCount` months, with the model's `slope`,
    /// `season` and recency `halfLife`; `nil` when the workspace has fewer than `minimumMonths`
    /// months from its first with data, or when the best share is 0.
    init?(workspace: WorkspaceHistory, monthCount: Int, slope: Double, season: SeasonalProfile, halfLife: Double?) {
        let first = workspace.seats.map(\.firstOffset).min() ?? monthCount
        guard monthCount - first >= Self.minimumMonths else { return nil }
        let totals = workspace.monthlyUsage
        let adjusted = (first..<monthCount).map { offset in
            Double(totals[offset]) * exp(slope * Double(monthCount - 1 - offset) - season.effect(atOffset: offset))
        }
        let calendar = adjusted.indices.map { (first + $0) % 12 }
        let share = Self.share(adjusted, calendarMonths: calendar)
        guard share > 0, share.isFinite, adjusted.allSatisfy(\.isFinite) else { return nil }
        var values: [Double] = []
        var cumulative: [Double] = []
        var starts: [Int] = []
        for month in 0..<12 {
            starts.append(values.count)
            let indices = calendar.indices.filter { calendar[$0] == month }
            let weights = indices.map { SeatsUsageModel.recencyWeight(age: Double(monthCount - 1 - first - $0), halfLife: halfLife) }
            let total = weights.reduce(0, +)
            var running = 0.0
            for (index, weight) in zip(indices, weights) {
                running += weight
                values.append(adjusted[index])
                cumulative.append(running / total)
            }
            if !indices.isEmpty { cumulative[cumulative.count - 1] = 1 }
        }
        starts.append(values.count)
        self.share = share
        self.values = values
        self.cumulativeWeights = cumulative
        self.starts = starts
        self.months = monthCount
    }

    /// The replayed total of forecast month `month` (from 0) for a `uniform` in `[0, 1)`: the first
    /// of its calendar month's values whose cumulative weight exceeds it.
    @inlinable
    func value(month: Int, uniform: Double) -> Double {
        let calendarMonth = (months + month) % 12
        var index = starts[calendarMonth]
        let last = starts[calendarMonth + 1] - 1
        while index < last && cumulativeWeights[index] <= uniform { index += 1 }
        return values[index]
    }

    /// `π` for `values` whose calendar months are `calendarMonths` (see the type's
    /// documentation): the minimiser of the summed leave-one-out CRPS where its gain over no
    /// replay is beyond chance, 0 otherwise (and when no calendar month holds two values).
    static func share(_ values: [Double], calendarMonths: [Int]) -> Double {
        let terms = leaveOneOutTerms(values, calendarMonths: calendarMonths)
        let best = minimiser(sum(terms))
        return best > 0 && gainIsBeyondChance(terms, share: best) ? best : 0
    }

    /// How many standard errors the mean gain must clear: where months are exchangeable, a few
    /// years of each calendar month sometimes agree by chance, and the best share is then above 0
    /// (generated portfolios of 30–35 months lost 0.5–0.7% of CRPS to such replays).
    static let significance = 2.0

    /// Whether the months' CRPS at `share`, less at 0 (`q₁π + q₂π²` each), has a mean below 0 by
    /// more than `significance` standard errors of that mean.
    static func gainIsBeyondChance(_ terms: [(constant: Double, linear: Double, quadratic: Double)], share: Double) -> Bool {
        guard terms.count > 1 else { return false }
        let gains = terms.map { $0.linear * share + $0.quadratic * share * share }
        let count = Double(gains.count)
        let mean = gains.reduce(0, +) / count
        let variance = gains.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        return mean + significance * (variance / count).squareRoot() < 0
    }

    /// The `π` in `[0, 1]` where `q₀ + q₁π + q₂π²` is least (the smaller of equal ends).
    static func minimiser(_ q: (constant: Double, linear: Double, quadratic: Double)) -> Double {
        if q.quadratic > 0 { return min(1, max(0, -q.linear / (2 * q.quadratic))) }
        // Concave or straight: the better end.
        return q.linear + q.quadratic < 0 ? 1 : 0
    }

    /// The sum of `terms`.
    static func sum(_ terms: [(constant: Double, linear: Double, quadratic: Double)]) -> (
        constant: Double, linear: Double, quadratic: Double
    ) {
        terms.reduce((constant: 0.0, linear: 0.0, quadratic: 0.0)) {
            ($0.constant + $1.constant, $0.linear + $1.linear, $0.quadratic + $1.quadratic)
        }
    }

    /// `Σⱼ |xᵢ − xⱼ|` for every `i`, from the values sorted and their running sums: `n log n`
    /// where the pairs are `n²` (240 months, the import's longest history, are 57,600 pairs).
    static func distanceSums(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var below = 0.0
        let total = values.reduce(0, +)
        var sums = [Double](repeating: 0, count: values.count)
        for (rank, index) in order.enumerated() {
            let value = values[index]
            let above = total - below - value
            sums[index] = value * Double(rank) - below + above - value * Double(values.count - rank - 1)
            below += value
        }
        return sums
    }

    /// Each month's leave-one-out CRPS of the mixture as a quadratic `(q₀, q₁, q₂)` in `π`; a
    /// month whose calendar month has no other value has none.
    static func leaveOneOutTerms(_ values: [Double], calendarMonths: [Int]) -> [(constant: Double, linear: Double, quadratic: Double)] {
        let n = values.count
        // Per month, the summed distance to every month and to those of its calendar month; per
        // calendar month, those sums over its months, and its count.
        let toAll = distanceSums(values)
        var toOwn = [Double](repeating: 0, count: n)
        for month in 0..<12 {
            let members = calendarMonths.indices.filter { calendarMonths[$0] == month }
            for (member, sum) in zip(members, distanceSums(members.map { values[$0] })) { toOwn[member] = sum }
        }
        let allPairs = toAll.reduce(0, +)
        var ownPairs = [Double](repeating: 0, count: 12)
        var ownToAll = [Double](repeating: 0, count: 12)
        var counts = [Double](repeating: 0, count: 12)
        for i in 0..<n {
            ownPairs[calendarMonths[i]] += toOwn[i]
            ownToAll[calendarMonths[i]] += toAll[i]
            counts[calendarMonths[i]] += 1
        }
        let others = Double(n - 1)
        var terms: [(constant: Double, linear: Double, quadratic: Double)] = []
        for t in 0..<n {
            let month = calendarMonths[t]
            let own = counts[month] - 1
            guard own > 0 else { continue }
            // Month t left out: its own distances leave every sum (a pair holding it twice).
            let aOwn = toOwn[t] / own
            let aAll = toAll[t] / others
            let bOwn = (ownPairs[month] - 2 * toOwn[t]) / (own * own)
            let bAll = (allPairs - 2 * toAll[t]) / (others * others)
            let bCross = (ownToAll[month] - toAll[t] - toOwn[t]) / (own * others)
            terms.append((aAll - bAll / 2, aOwn - aAll - bCross + bAll, bCross - (bOwn + bAll) / 2))
        }
        return terms
    }
}
