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
///
/// **Working days** (`workingDayElasticity`). Usage that people make at work follows the
/// weekdays a month has: an August of 21 weekdays against one of 23 (home sales fell 3–10% in
/// such months across every city group at once: much of the shared shocks above).
/// With `xₘ = ln(Wₘ/W̄_c)` (`WorkingDays.logRatio`, month `m`'s weekdays over its calendar
/// month's mean), the workspaces' mean departure `m_{c,y}` of each history month is regressed on
/// `x` within its calendar month (both centred on their calendar month's mean over the years):
/// `β̂ = Σ x̃·m̃ / Σ x̃²`, with standard error `√(s²/Σ x̃²)`, `s²` the residuals' variance on
/// `Σ_c (Y_c − 1) − 1` degrees of freedom. `β̂` is kept only where it stands more than
/// `workingDaySignificance` standard errors from 0 (a pattern of a few years' weekdays arises by
/// chance as seasons do); then every effect is measured net of it (`Ŝ_c` less `β·x̄_c`, and the
/// shared error from `m_{c,y} − β·x_{c,y}`), and every month's effect is `S_c + β·xₘ`, in the
/// history (its months are brought out of their working days as out of their season) and in the
/// forecast.
///
/// **Month length** (`monthLengthElasticity`). Usage that accrues day by day follows the days a
/// month has: a February of 28 days is 8% short of the mean month's 30.44, one of 31 days 2%
/// long. A measured season holds that (February is short every year), but a history of under a
/// year cannot measure one, and there a February reads as a busy month's opposite: a dip the
/// trend line and the months' spread take in (the airlines' February totals are 0.89–0.91 of
/// their January's, `28/31 = 0.90`). So where no season can be measured (fewer than
/// `minimumWorkspaces` workspaces of a year), each workspace's departures `eₜ` from its own line
/// are regressed on `zₜ = ln(Dₜ/D̄)` (`MonthLength.logRatio`) net of a line through the same
/// months, each workspace weighted by the inverse of its residual variance `r²_w`:
/// `γ̂ = Σ_w Σ_t z̃·e/r²_w ÷ Σ_w Σ_t z̃²/r²_w`, whose variance is the inverse of the divisor.
/// Workspaces with an idle month are left out (its log is the offset's). `γ̂` is kept where it
/// is positive (a day more cannot make a month quieter: a negative estimate is a piece of a
/// season, a quiet August of 31 days) and stands more than `workingDaySignificance` standard
/// errors from 0, over at least `minimumWorkspaces` workspaces, and then every month's effect is
/// `γ·zₘ`, in the history and in the forecast. Where a season is measured, `γ` is 0: the season
/// holds it.
public struct SeasonalProfile: Sendable, Equatable, Hashable {
    /// The log effect of each calendar month, January first; all 0 for no seasonality.
    public let effects: [Double]
    /// The history's first month: offset 0, whose calendar month places the effects and whose
    /// year places the working days.
    public let firstMonth: Month
    /// How many workspaces the profile was estimated from; 0 for none.
    public let workspaces: Int
    /// The variance of each effect's remaining error from the shocks the workspaces share (see
    /// the type's documentation), January first; all 0 for none.
    public let errorVariances: [Double]
    /// `β`: the log change of usage for a log change of a month's weekdays against its calendar
    /// month's mean (see the type's documentation); 0 where none was measured.
    public let workingDayElasticity: Double
    /// `γ`: the log change of usage for a log change of a month's days against the mean month's,
    /// measured only where no season could be (see the type's documentation); 0 where none was.
    public let monthLengthElasticity: Double

    /// The fewest months a workspace needs to contribute: a whole year.
    public static let minimumMonths = 12
    /// The fewest contributing workspaces a profile is estimated from, as for `TrendPrior`: a
    /// single workspace's history cannot tell a season from its own busy months.
    public static let minimumWorkspaces = 2
    /// How many standard errors from 0 the working days' elasticity must stand to be kept.
    public static let workingDaySignificance = 2.0
    /// The largest working days' elasticity kept, either way: usage that follows a month's
    /// weekdays one for one has 1, and a few years of months that seem to say more are held here.
    public static let maxWorkingDayElasticity = 3.0
    /// The largest month-length elasticity kept: usage that accrues day by day has 1,
    /// and the few months of a short history that seem to say more are held here.
    public static let maxMonthLengthElasticity = 2.0

    /// No seasonality; its first month, 0001-01, is the first a file can name.
    public static let none = SeasonalProfile(effects: Array(repeating: 0, count: 12), firstMonth: Month(ordinal: 12), workspaces: 0)

    /// A profile with the given effects and their error variances (January first) for a history
    /// whose first month is `firstMonth`, and the working days' elasticity.
    public init(
        effects: [Double], firstMonth: Month, workspaces: Int, errorVariances: [Double] = Array(repeating: 0, count: 12),
        workingDayElasticity: Double = 0, monthLengthElasticity: Double = 0
    ) {
        precondition(effects.count == 12 && errorVariances.count == 12, "one effect per calendar month")
        self.effects = effects
        self.firstMonth = firstMonth
        self.workspaces = workspaces
        self.errorVariances = errorVariances
        self.workingDayElasticity = workingDayElasticity
        self.monthLengthElasticity = monthLengthElasticity
    }

    /// The calendar month (0 = January) of history offset 0.
    public var firstCalendarMonth: Int { Self.calendarMonth(of: firstMonth) }

    /// The calendar month (0 = January) of `month`.
    static func calendarMonth(of month: Month) -> Int { ((month.ordinal % 12) + 12) % 12 }

    /// Whether the profile was measured: at least `minimumWorkspaces` workspaces had a year of
    /// history, whether or not a pattern stood out of their noise. Where it was not, a
    /// workspace's trend may be part of a season nobody could see.
    public var isMeasured: Bool { workspaces >= Self.minimumWorkspaces }

    /// Whether every effect is 0, the working days' and the month length's included.
    public var isNone: Bool { effects.allSatisfy { $0 == 0 } && workingDayElasticity == 0 && monthLengthElasticity == 0 }

    /// The effect of the month `offset` months after the history's first: its calendar month's,
    /// its working days' and its length's.
    public func effect(atOffset offset: Int) -> Double {
        var effect = effects[slot(atOffset: offset)]
        if workingDayElasticity != 0 { effect += workingDayElasticity * WorkingDays.logRatio(firstMonth.advanced(by: offset)) }
        if monthLengthElasticity != 0 { effect += monthLengthElasticity * MonthLength.logRatio(firstMonth.advanced(by: offset)) }
        return effect
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
            firstMonth: firstMonth, workspaces: workspaces, errorVariances: errorVariances,
            workingDayElasticity: workingDayElasticity)
        return (profile, noise.map { $0 * signal / (signal + $0) })
    }

    /// The index into `effects` of the month `offset` months after the history's first.
    func slot(atOffset offset: Int) -> Int { (firstCalendarMonth + offset % 12 + 12) % 12 }

    /// The profile of `trends` (one per workspace, without seasonal adjustment) of a history that
    /// starts in `firstMonth`, with the working days' elasticity where `workingDays` allows it,
    /// and where no season can be measured, the month length's where `monthLength` does.
    public static func estimate(
        from trends: [TrendEstimate], firstMonth: Month, workingDays: Bool = true, monthLength: Bool = true
    ) -> SeasonalProfile {
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
        guard contributing >= minimumWorkspaces, counts.allSatisfy({ $0 > 0 }) else {
            // Workspaces with an idle month are left out: its log is the offset's. Lazily, so that
            // a million workspaces' departures are not all held at once.
            let departures = trends.lazy.filter { !$0.hasIdleMonth }.map { (first: $0.firstOffset, values: $0.residuals) }
            let elasticity = monthLength ? monthLengthElasticity(departures: departures, firstMonth: firstMonth) : 0
            guard elasticity > 0 else { return .none }
            return SeasonalProfile(
                effects: Array(repeating: 0, count: 12), firstMonth: firstMonth, workspaces: contributing,
                monthLengthElasticity: elasticity)
        }
        var raw = (0..<12).map { sums[$0] / counts[$0] }
        // History month `k` is `k` months after January of the first month's year.
        let january = Month(ordinal: firstMonth.ordinal - start)
        var monthMeans = months.mapValues { $0.sum / $0.count }
        let elasticity = workingDays ? workingDayElasticity(monthMeans: monthMeans, january: january) : 0
        // Every effect, its noise and the shared error, net of the months' working days.
        func workingDayShift(_ month: Int) -> Double {
            elasticity == 0 ? 0 : elasticity * WorkingDays.logRatio(january.advanced(by: month))
        }
        if elasticity != 0 {
            var shifts = [Double](repeating: 0, count: 12)
            for (month, entry) in months.sorted(by: { $0.key < $1.key }) {
                shifts[month % 12] += workingDayShift(month) * entry.count
                monthMeans[month, default: 0] -= workingDayShift(month)
            }
            raw = (0..<12).map { raw[$0] - shifts[$0] / counts[$0] }
        }
        var noise = [Double](repeating: 0, count: 12)
        for (residuals, first) in contributors {
            let squares = residuals.indices.reduce(0.0) { sum, t in
                let departure = residuals[t] - raw[(first + t) % 12] - workingDayShift(first + t)
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
            return SeasonalProfile(
                effects: Array(repeating: 0, count: 12), firstMonth: firstMonth, workspaces: contributing,
                workingDayElasticity: elasticity)
        }
        let effects = (0..<12).map { raw[$0] * signal / (signal + noiseVariance[$0]) }
        return SeasonalProfile(
            effects: effects, firstMonth: firstMonth, workspaces: contributing,
            errorVariances: sharedErrorVariances(monthMeans: monthMeans, signal: signal), workingDayElasticity: elasticity)
    }

    /// `β`: the working days' elasticity of `monthMeans`, the workspaces' mean departure in each
    /// history month (keyed by months since `january`), regressed on `x = ln(W/W̄_c)` within each
    /// calendar month; 0 unless it stands `workingDaySignificance` standard errors from 0, or
    /// where no calendar month was seen in two years with different weekdays.
    static func workingDayElasticity(monthMeans: [Int: Double], january: Month) -> Double {
        let years = calendarYears(monthMeans).map { year in
            year.map { (x: WorkingDays.logRatio(january.advanced(by: $0.month)), mean: $0.mean) }
        }
        var xx = 0.0
        var xy = 0.0
        var yy = 0.0
        var freedom = 0
        for pairs in years where pairs.count >= 2 {
            let meanX = pairs.reduce(0) { $0 + $1.x } / Double(pairs.count)
            let meanY = pairs.reduce(0) { $0 + $1.mean } / Double(pairs.count)
            for pair in pairs {
                xx += (pair.x - meanX) * (pair.x - meanX)
                xy += (pair.x - meanX) * (pair.mean - meanY)
                yy += (pair.mean - meanY) * (pair.mean - meanY)
            }
            freedom += pairs.count - 1
        }
        guard freedom > 1, xx > 0 else { return 0 }
        let elasticity = xy / xx
        let errorVariance = max(0, yy - elasticity * xy) / Double(freedom - 1) / xx
        guard elasticity * elasticity > workingDaySignificance * workingDaySignificance * errorVariance else { return 0 }
        return min(maxWorkingDayElasticity, max(-maxWorkingDayElasticity, elasticity))
    }

    /// `γ`: the month-length elasticity of `departures`, each workspace's departures from its own
    /// least-squares line and the history offset of its first (see the type's documentation);
    /// 0 unless it is positive and stands `workingDaySignificance` standard errors from 0, or
    /// with fewer than `minimumWorkspaces` workspaces of three months or more whose departures
    /// are not all 0.
    static func monthLengthElasticity<Departures: Sequence<(first: Int, values: [Double])>>(
        departures: Departures, firstMonth: Month
    ) -> Double {
        var weightedXX = 0.0
        var weightedXY = 0.0
        var contributing = 0
        // Workspaces over the same months share their regressor: worked out once per span of
        // months, not once per workspace.
        var regressors: [Range<Int>: (x: [Double], squares: Double)] = [:]
        for (first, values) in departures where values.count > 2 {
            let n = values.count
            let variance = values.reduce(0) { $0 + $1 * $1 } / Double(n - 2)
            guard variance > 0 else { continue }
            let span = first..<(first + n)
            let regressor = regressors[span] ?? netMonthLengths(over: span, firstMonth: firstMonth)
            regressors[span] = regressor
            var xy = 0.0
            for t in 0..<n { xy += regressor.x[t] * values[t] }
            weightedXX += regressor.squares / variance
            weightedXY += xy / variance
            contributing += 1
        }
        guard contributing >= minimumWorkspaces, weightedXX > 0 else { return 0 }
        let elasticity = weightedXY / weightedXX
        // `weightedXX` is the inverse of the estimate's variance. A day more cannot make a month
        // quieter: a negative estimate is a piece of a season (a quiet August of 31 days).
        guard elasticity > 0, elasticity * elasticity * weightedXX > workingDaySignificance * workingDaySignificance else { return 0 }
        return min(maxMonthLengthElasticity, elasticity)
    }

    /// `z̃`, the months' `z = ln(D/D̄)` over the history offsets `span` net of the least-squares line
    /// through them (as a workspace's departures are net of its own), and `Σz̃²`.
    private static func netMonthLengths(over span: Range<Int>, firstMonth: Month) -> (x: [Double], squares: Double) {
        let z = span.map { MonthLength.logRatio(firstMonth.advanced(by: $0)) }
        let meanT = Double(z.count - 1) / 2
        let (meanZ, slope) = TrendEstimate.line(through: z)
        let x = z.indices.map { z[$0] - meanZ - slope * (Double($0) - meanT) }
        return (x, x.reduce(0) { $0 + $1 * $1 })
    }

    /// `ν′_c·V/(V + ν′_c)` for each calendar month `c` (January first), from `monthMeans`, the
    /// workspaces' mean departure in each history month (keyed by months since January of the
    /// first month's year), and `signal`, the profile's spread `V`; all 0 when no calendar month
    /// was seen in two years.
    static func sharedErrorVariances(monthMeans: [Int: Double], signal: Double) -> [Double] {
        let years = calendarYears(monthMeans).map { $0.map(\.mean) }
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

    /// `monthMeans` (keyed by months since January of the first month's year) grouped by
    /// calendar month, January first, each group in the months' order: a dictionary's own order
    /// differs from process to process, and so would the sums' last bits, and one shard's
    /// forecast from another's.
    static func calendarYears(_ monthMeans: [Int: Double]) -> [[(month: Int, mean: Double)]] {
        var years = [[(month: Int, mean: Double)]](repeating: [], count: 12)
        for (month, mean) in monthMeans.sorted(by: { $0.key < $1.key }) { years[month % 12].append((month, mean)) }
        return years
    }
}
