import CreditCore

/// A portfolio's yearly pattern: the log effect of each calendar month on usage (a quiet
/// August, a busy March), estimated across workspaces and shrunk toward none.
///
/// A single workspace with two years of history sees each calendar month twice, too few to
/// tell a season from a busy month; many workspaces that share the calendar see it clearly.
///
/// **Estimate** (`estimate(from:firstMonth:)`). Every workspace with at least
/// `minimumMonths` months contributes the departures `eₜ` of its log usage per seat from its own
/// least-squares line (`TrendEstimate.residuals`). Per calendar month `c`, `Ŝ_c` is the mean of
/// the departures that fall in it, centred so the twelve sum to 0, with noise variance
/// `ν_c = Σ s²_w / count_c²`, the sum over the departures in `c` of their workspace's `s²_w`: the
/// variance of its departures about their calendar months' means (`n_w − 2` degrees of freedom).
/// About the means, not about the line, whose residual variance holds the season itself: a
/// strong season then read as its own noise, and home-sales' profile was shrunk to 88% of the
/// city groups' measured pattern (WIS 1.16× → 1.12× the best peer from twelve origins, its
/// forecasts' trough and peak months no longer pulled toward the year's middle). With
/// `V = max(0, Σ_c Ŝ_c²/11 − mean ν)`, the spread of the
/// profile beyond its noise, each effect is `S_c = Ŝ_c · V/(V + ν_c)`: no pattern beyond the noise
/// gives no seasonality at all, and neither do fewer than `minimumWorkspaces` contributors.
///
/// **A workspace's own pattern** (`addingOwnSeason(of:)`). Workspaces do not all share one
/// season (a ski resort's winter, a school's summer), so where a workspace has two years and
/// more its own pattern is measured on top: departures `dₜ = yₜ − Mₜ` of its adjusted logs from
/// their centred 2×12 moving average (which follows a wandering level, where a straight line
/// would not), their mean per calendar month centred to sum to 0, noise `ν_c = s²/count_c` with
/// `s²` the departures' variance about those means (`n − 24` degrees of freedom), and the same
/// shrinkage `V/(V + ν_c)`.
///
/// **Error shared across workspaces** (`errorVariances`). `ν_c` above treats the workspaces'
/// departures as independent, but workspaces that share a calendar share its shocks (a wet May
/// for every city group): a calendar month's effect is then known only as well as the few years
/// that measured it. Per history month the departures' mean over the workspaces, `m_{c,y}`
/// (calendar month `c`, year `y`), spreads about its calendar month's mean by the pooled
/// variance `s² = Σ_c Σ_y (m_{c,y} − m̄_c)² / Σ_c (Y_c − 1)`; the effect's error is
/// `ν′_c = s²/Y_c`, of which `ν′_c·V/(V + ν′_c)` remains after the shrinkage, as for the own
/// pattern. None without a profile or without a calendar month seen in two years.
public struct SeasonalProfile: Sendable, Equatable, Hashable {
    /// The log effect of each calendar month, January first; all 0 for no seasonality.
    public let effects: [Double]
    /// The calendar month (0 = January) of history offset 0.
    public let firstCalendarMonth: Int
    /// How many workspaces the profile was estimated from; 0 for none.
    public let workspaces: Int
    /// The variance of each effect's remaining error from the shocks the workspaces share (see
    /// the type's documentation), January first; all 0 for none.
    public let errorVariances: [Double]

    /// The fewest months a workspace needs to contribute: a whole year.
    public static let minimumMonths = 12
    /// The fewest contributing workspaces a profile is estimated from, as for `TrendPrior`: a
    /// single workspace's history cannot tell a season from its own busy months.
    public static let minimumWorkspaces = 2

    /// No seasonality.
    public static let none = SeasonalProfile(effects: Array(repeating: 0, count: 12), firstCalendarMonth: 0, workspaces: 0)

    /// A profile with the given effects and their error variances (January first) for a history
    /// whose first month is calendar month `firstCalendarMonth` (0 = January).
    public init(
        effects: [Double], firstCalendarMonth: Int, workspaces: Int, errorVariances: [Double] = Array(repeating: 0, count: 12)
    ) {
        precondition(
            effects.count == 12 && errorVariances.count == 12 && (0..<12).contains(firstCalendarMonth), "one effect per calendar month")
        self.effects = effects
        self.firstCalendarMonth = firstCalendarMonth
        self.workspaces = workspaces
        self.errorVariances = errorVariances
    }

    /// The calendar month (0 = January) of `month`.
    static func calendarMonth(of month: Month) -> Int { ((month.ordinal % 12) + 12) % 12 }

    /// Whether the profile was measured: at least `minimumWorkspaces` workspaces had a year of
    /// history, whether or not a pattern stood out of their noise. Where it was not, a
    /// workspace's trend may be part of a season nobody could see.
    public var isMeasured: Bool { workspaces >= Self.minimumWorkspaces }

    /// Whether every effect is 0.
    public var isNone: Bool { effects.allSatisfy { $0 == 0 } }

    /// The effect of the month `offset` months after the history's first.
    public func effect(atOffset offset: Int) -> Double {
        effects[slot(atOffset: offset)]
    }

    /// The fewest months a workspace's own pattern is measured from: two years, and one degree of
    /// freedom beyond them.
    public static let ownMinimumMonths = 25

    /// This profile plus the workspace's own pattern, measured on `trend` (estimated after this
    /// profile), and each added effect's remaining error variance `ν_c·V/(V + ν_c)` (indexed as
    /// `effects`); this profile and zeros when the trend has fewer than `ownMinimumMonths` months
    /// or no pattern beyond its noise. Months are counted as `effect(atOffset:)` counts them.
    public func addingOwnSeason(of trend: TrendEstimate) -> (profile: SeasonalProfile, variances: [Double]) {
        let logs = trend.logs
        let n = logs.count
        let unchanged = (self, [Double](repeating: 0, count: 12))
        guard n >= Self.ownMinimumMonths else { return unchanged }
        var departures: [(calendar: Int, value: Double)] = []
        for t in 6..<(n - 6) {
            var window = (logs[t - 6] + logs[t + 6]) / 2
            for k in (t - 5)...(t + 5) { window += logs[k] }
            departures.append(((firstCalendarMonth + trend.firstOffset + t) % 12, logs[t] - window / 12))
        }
        var sums = [Double](repeating: 0, count: 12)
        var counts = [Double](repeating: 0, count: 12)
        for departure in departures {
            sums[departure.calendar] += departure.value
            counts[departure.calendar] += 1
        }
        let means = (0..<12).map { sums[$0] / counts[$0] }
        let squares = departures.reduce(0) { $0 + ($1.value - means[$1.calendar]) * ($1.value - means[$1.calendar]) }
        let spread = squares / Double(departures.count - 12)
        let centre = means.reduce(0, +) / 12
        let raw = means.map { $0 - centre }
        let noise = counts.map { spread / $0 }
        let signal = max(0, raw.reduce(0) { $0 + $1 * $1 } / 11 - noise.reduce(0, +) / 12)
        guard signal > 0 else { return unchanged }
        let profile = SeasonalProfile(
            effects: (0..<12).map { effects[$0] + raw[$0] * signal / (signal + noise[$0]) },
            firstCalendarMonth: firstCalendarMonth, workspaces: workspaces, errorVariances: errorVariances)
        return (profile, noise.map { $0 * signal / (signal + $0) })
    }

    /// The index into `effects` of the month `offset` months after the history's first.
    func slot(atOffset offset: Int) -> Int { (firstCalendarMonth + offset % 12 + 12) % 12 }

    /// The profile of `trends` (one per workspace, without seasonal adjustment) of a history that
    /// starts in `firstMonth`.
    public static func estimate(from trends: [TrendEstimate], firstMonth: Month) -> SeasonalProfile {
        let start = calendarMonth(of: firstMonth)
        var sums = [Double](repeating: 0, count: 12)
        var counts = [Double](repeating: 0, count: 12)
        // Per history month (counted from January of the first month's year): the departures'
        // sum and count over the workspaces.
        var months: [Int: (sum: Double, count: Double)] = [:]
        // Each contributing workspace's departures and the history month of its first.
        var contributors: [(residuals: [Double], start: Int)] = []
        for trend in trends where trend.months >= minimumMonths && trend.residualVariance != nil {
            let residuals = trend.residuals
            contributors.append((residuals, start + trend.firstOffset))
            for (t, residual) in residuals.enumerated() {
                let month = start + trend.firstOffset + t
                sums[month % 12] += residual
                counts[month % 12] += 1
                months[month, default: (0, 0)].sum += residual
                months[month, default: (0, 0)].count += 1
            }
        }
        let contributing = contributors.count
        guard contributing >= minimumWorkspaces, counts.allSatisfy({ $0 > 0 }) else { return .none }
        var raw = (0..<12).map { sums[$0] / counts[$0] }
        var noise = [Double](repeating: 0, count: 12)
        for (residuals, first) in contributors {
            let squares = residuals.indices.reduce(0.0) { sum, t in
                let departure = residuals[t] - raw[(first + t) % 12]
                return sum + departure * departure
            }
            let variance = squares / Double(residuals.count - 2)
            for t in residuals.indices { noise[(first + t) % 12] += variance }
        }
        let centre = raw.reduce(0, +) / 12
        raw = raw.map { $0 - centre }
        let noiseVariance = (0..<12).map { noise[$0] / (counts[$0] * counts[$0]) }
        let signal = max(0, raw.reduce(0) { $0 + $1 * $1 } / 11 - noiseVariance.reduce(0, +) / 12)
        guard signal > 0 else {
            return SeasonalProfile(effects: Array(repeating: 0, count: 12), firstCalendarMonth: start, workspaces: contributing)
        }
        let effects = (0..<12).map { raw[$0] * signal / (signal + noiseVariance[$0]) }
        return SeasonalProfile(
            effects: effects, firstCalendarMonth: start, workspaces: contributing,
            errorVariances: sharedErrorVariances(monthMeans: months.mapValues { $0.sum / $0.count }, signal: signal))
    }

    /// `ν′_c·V/(V + ν′_c)` for each calendar month `c` (January first), from `monthMeans`, the
    /// workspaces' mean departure in each history month (keyed by months since January of the
    /// first month's year), and `signal`, the profile's spread `V`; all 0 when no calendar month
    /// was seen in two years.
    static func sharedErrorVariances(monthMeans: [Int: Double], signal: Double) -> [Double] {
        var years = [[Double]](repeating: [], count: 12)
        for (month, mean) in monthMeans { years[month % 12].append(mean) }
        var squares = 0.0
        var freedom = 0
        for means in years where means.count >= 2 {
            let centre = means.reduce(0, +) / Double(means.count)
            squares += means.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
            freedom += means.count - 1
        }
        guard freedom > 0, signal > 0 else { return Array(repeating: 0, count: 12) }
        return years.map { means in
            let error = squares / Double(freedom) / Double(max(1, means.count))
            return error * signal / (signal + error)
        }
    }
}
