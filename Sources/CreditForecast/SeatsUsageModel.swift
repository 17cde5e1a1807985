import CreditCore
import Foundation

/// The default usage model: each seat resamples its own history, all seats share a busy-month
/// factor, a damped trend carries the workspace's growth forward, a portfolio's shared
/// seasonality shapes the months, and the level is fixed in some trials and wanders in the
/// others, in the proportion the history supports.
///
/// ## Equations
///
/// Let the history have `N` months with the as-of month at index `N−1`, the workspace's first
/// month with data at `f`, `n = N − f`, and `Tₜ` the workspace's total in month `t` divided by
/// the seats counted in it, each weighing its usage against the average seat's in its own months
/// (usage per seat, so that seats joining, already present in the seat draws, are not
/// extrapolated as growth, nor seats that join small or are used now and then as a fall;
/// `TrendEstimate.seatWeights`). `S(t)` is the seasonal effect of month `t` from the
/// `PortfolioPrior` (0 without one).
///
/// **Trend.** `b̂` is the least-squares slope of the seasonally adjusted
/// `yₜ = ln(Tₜ + ε) − S(t)` on `t` over the workspace's months (`ε = max(1, 0.05·mean T)`;
/// `TrendEstimate`), with sampling variance `v = r²/Sₜₜ` (`r²` the residual variance; with two
/// months `v = σ₀²/Sₜₜ`, with one `v = ∞`). One history cannot tell a real trend from noise, so
/// the slope is weighed against the prior `N(μ, τ²)` of how trends spread across the
/// portfolio (`TrendPrior`, empirical Bayes): `b̃ = clamp(μ + (b̂ − μ)·τ²/(τ² + v), ±b_max)`, with
/// uncertainty `v_b = τ²v/(τ² + v)`. In a steady portfolio `τ` is small and noise slopes vanish;
/// in a growing one real trends are kept. Where the prior measured no season
/// (`SeasonalProfile.isMeasured`), `v` gains `TrendEstimate.seasonAliasVariance` with amplitude
/// `unseenSeasonAmplitude` (for histories under a year): a line through a piece of a season is
/// not extrapolated as growth. The forecast damps the trend as damped-trend exponential
/// smoothing does: `h` months after the as-of month the log level has moved by
/// `b̃·D(h)` with `D(h) = φ + φ² + … + φʰ`, which tends to `b̃·φ/(1−φ)` instead of growing without
/// end.
///
/// **Own season** (with `localLevel`, the default). A workspace with 25 months or more measures
/// its own yearly pattern on top of the portfolio's (`SeasonalProfile.addingOwnSeason(of:)`);
/// the wandering level below uses it, `S(t)` being the sum (measured about a moving average, it
/// fits a persistent level's season), and the fixed level does not (on a noisy fixed level,
/// bursts and idle months, it would fit the noise). Each forecast month's common factor then
/// carries the own effect's remaining estimation error `ν_c·V/(V + ν_c)` as extra variance; without an
/// own season it carries the portfolio season's error from the shocks its workspaces share
/// (`SeasonalProfile.errorVariances`; an own season, measured on the workspace's departures from
/// the portfolio's, holds that error in its own).
///
/// **Fixed and wandering level** (with `localLevel`). The model is fitted twice
/// (`readLevels`): with a fixed level, and with a level that wanders. For the second, the logs
/// brought to the as-of level along the slope, `zₜ = yₜ + b̃·(n − 1 − t)`, are smoothed
/// exponentially (`LocalLevel`, eleven more degrees of freedom spent when an own season was
/// added: they widen `σ̂²`, and the own effect's error above is the forecast's share of theirs).
/// Each trial draws the wandering level with probability `w`, its Akaike weight against the
/// fixed one (`LocalLevel.weighed`), and the fixed level otherwise: choosing by the same
/// criterion (`w > ½`) gave every trial to a reading that had won by a little. In the wandering
/// reading the model follows the level:
///
/// - the month's noise is `σ_N² = (σ̂²_P)^{d/(d+k₀)}·(σ_s²)^{k₀/(d+k₀)}`, the one-step prediction
///   variance (`LocalLevel.predictionVariance`) shrunk toward the standalone prior on the log scale; where seat resampling spreads the total wider
///   (`v_R > σ_N²`) every seat's table is drawn toward its mean by
///   `λ = √((e^{σ_N²} − 1)/(e^{v_R} − 1))`, so `v_R = σ_N²`, and `σ_F² = σ_N² − v_R`;
/// - the forecast starts from the level: every month is lifted by
///   `G = clamp(ℓ − m̄, ±1)`, `ℓ` the smoothed level and `m̄` the recency-weighted mean of `zₜ` (the
///   level the seat draws stand for);
/// - the level walks: month `h` adds `Σ_{i=2..h} α·σ_N·ωⱼᵢ` (independent standard normals), so the
///   spread grows as the local-level model's `σ²(1 + (h − 1)α²)`;
/// - the carry-over below is not used.
///
/// In the fixed reading (the only one with four months or fewer, a month without usage, or
/// `localLevel` off) the spread comes from the residuals about the trend line as below, and
/// where seat resampling spreads the total wider than `σ_E² = (d·e² + k₀·σ₀²)/(d + k₀)`, `e²` the
/// mean squared error of the model's own line one to three months past the months before
/// (`PortfolioPrior.lineErrorVariance(of:slope:)`), every seat's table is drawn toward its mean by
/// `λ = √((e^{σ_E²} − 1)/(e^{v_R} − 1))`, so `v_R = σ_E²` (not where a month had no usage, whose
/// log is the offset's).
///
/// **Carry-over.** The departures `dₜ = yₜ − ȳ − b̃·(t − t̄)` from the line the model uses have
/// lag-one autocorrelation `ρ̂`; `ρ̃ = clamp(ρ̂·n/(n+k_ρ), 0, ρ_max)` (0 when `n < 4`). `g` is the
/// seasonally adjusted log of the last month's usage per seat over the mean the seat draws give
/// (clamped to ±1). A trial's month `h` is lifted by `ρ̃ʰ·g`: a level shift or a trend the prior
/// discounted persists into the next months and fades, while independent noise (`ρ̂ ≈ 0`)
/// carries nothing over. Where the calendar replay carries the workspace's own season, `yₜ` (for
/// `ρ̂` and `g`) is adjusted by that season too, as the forecast's months already hold it.
///
/// **Shared level** (with `sharedLevel`, the default). In the fixed reading, where no month is idle
/// and the portfolio's other workspaces' mean departures from their own lines wander
/// (`PortfolioPrior.sharedDepartures`, smoothed as a local level and kept by the information
/// criterion), the workspace follows them by its loading `β` on them (`SharedLevel`): every month
/// is lifted by `G = clamp(β·(ℓ_c − m̄_c), ±1)`, the shared level walks with step `β·α_c·σ_c`
/// (`Wⱼₕ`, as a local level's), and `g` loses the last month's shared part
/// `β·(c_{n−1} − m̄_c)`, which the shared level now carries. A year in which every workspace
/// stood above its line together is then read as the level they share, not as each one's noise.
///
/// **Seats.** A seat `s` that first has data in month `fₛ` has `mₛ = N − fₛ` months of its own.
/// Each own month `τ` is brought to the as-of level and out of its season,
/// `aₛ(τ) = uₛ(τ) · e^{b̃·(N−1−τ) − S(τ)}` (zeros stay zero, so idle months recur), and weighted by
/// recency
/// `w(τ) ∝ 2^{−(N−1−τ)/halfLife}`. A seat's draw comes from its own months with probability
/// `mₛ/(mₛ+κ)` and otherwise from the pooled distribution of all seats' months, each divided by
/// its seat's recency-weighted mean (each seat weighing the same), times the seat's own mean
/// `āₛ`, so a seat with little history is pulled toward how its colleagues' months vary, not
/// toward their size (a seat with `āₛ = 0` draws the pooled months as they are; `SeatTables`
/// says why). Seats with `mₛ` below `jitterBelowMonths` spread each own month
/// by a mean-one lognormal jitter of log-sd `σⱼ/√mₛ`. Extra seats, when the pool has a fixed
/// seat count above the history's, draw from the pooled months as they are; a fixed count below
/// the history's removes no one (the history's users still use credits).
///
/// Each seat's distribution is stored as a 256-point quantile table (slot `i` holds the
/// `(i+½)/256` quantile of the mixture), so a draw is one byte of a random word: weights are
/// honoured to 1/256.
///
/// **Common factor and uncertainty.** For trial `j` and forecast month `h`:
///
///     U(j,h) = round( Σₛ xₛ(j,h) · exp( b̃·D(h) + S(N−1+h) + ρ̃ʰ·g + G + s_b·ζⱼ·(a + D(h)) − ½(s_b·(a + D(h)))²
///                                        + σ_L·ηⱼ − ½σ_L² + σ_F·εⱼₕ − ½σ_F² + Wⱼₕ − ½(h−1)α²σ_N² ) )
///
/// (`ρ̃ = 0` in the wandering reading; `G = 0` and the walk `Wⱼₕ = 0` in the fixed one without a
/// shared level; with a shared level, `α·σ_N` is its `β·α_c·σ_c`)
///
/// with `xₛ(j,h)` independent seat draws and `ζ, η, ε` independent standard normals, so every
/// random multiplier has mean one. `εⱼₕ` is the busy-month factor that hits all seats together;
/// `ηⱼ` (the level) and `ζⱼ` (the slope) hold for a whole trial and carry the uncertainty of
/// estimating them from `n` months:
///
/// - `v_R = ln(1 + Σₛ Var xₛ / (Σₛ E xₛ)²)`: the log-variance of the total that seat resampling
///   alone produces.
/// - `r²`: the residual variance of `yₜ` about its least-squares line, with `d = n − 2` degrees of
///   freedom (none when `n ≤ 2`).
/// - in the fixed reading, `σ_F² = (d · max(0, r² − v_R) + k₀·σ₀²) / (d + k₀)`: the excess of the history's spread over
///   what resampling explains, shrunk toward the prior `σ₀` (so 2–3 months give a wide forecast).
///   `σ₀` is the portfolio's (`PortfolioPrior.factorSigma`: the standalone `σ_s` blended with
///   how far the portfolio's months stray from the trend lines before them), so a short history
///   in a portfolio whose totals hold steady is not given the standalone prior's wide months.
/// - `σ_L² = u² (σ_F² + v_R)/n` and `s_b = min(b_max, u·√v_b)`, `u` the `parameterUncertainty`.
/// - `a`, the slope's lever on the starting level (`slopeLever(months:local:halfLife:)`): the
///   months are brought to the as-of level along the slope, so the level the forecast starts
///   from carries the slope's error times the age of the months it weighs (the seat draws'
///   recency-weighted mean age, or the local level's). A line pivots about its months' centre,
///   not its end: without `a`, generated portfolios with trends held 77% in their P10–P90 bands
///   and 88% in P5–P95 (79% and 90% with it).
///
/// **Calendar replay** (with `calendarReplay`, the default). In the fixed reading, where the
/// workspace has two years or more, a trial's month `h` is, with probability `π`, the history
/// seats' total in a past year's same calendar month (by recency, brought to the as-of level and
/// out of its season as the seat draws are) instead of `Σₛ xₛ(j,h)`, and without `σ_F·εⱼₕ − ½σ_F²`
/// (a past month's total holds its busy-month swing); seats beyond the history's are still
/// drawn. `π` is the share that would have forecast the history's months best by leave-one-out
/// CRPS (`CalendarReplay`): 0 where months are exchangeable, near 1 where usage comes in a season
/// and stops outside it.
///
/// Usage is rounded half away from zero to whole credits, is never negative and never more than
/// `UsageHistory.maximumCredits`.
///
/// **Seats beyond the history's** (a `seatCount` above it) draw from the pooled table: the first
/// `individualExtraSeats` one by one, as every seat of the history does; the rest as one sum, the
/// normal approximation `m·μ + √m·σ·Z` of `m` independent draws of the pooled table (mean `μ`,
/// standard deviation `σ`), never below zero. A draw's cost and the model's size then grow with
/// the history, not with a seat count given on the command line.
public struct SeatsUsageModel: UsageModel {
    /// Points in each seat's quantile table; a draw uses one random byte.
    public static let tableSize = 256

    /// Extra seats drawn one by one; any more are drawn as one sum.
    public static let individualExtraSeats = 1_000

    /// What was estimated for the fixed level: the level every trial draws without a wandering
    /// one, and the other `1 − wanderingWeight` of trials with it.
    public var fit: SeatsModelFit { fixed.fit }
    /// What was estimated for the wandering (local) level, where the model weighs one; `nil` where
    /// the level is fixed (four months or fewer, a month without usage, or `localLevel` off).
    public var wanderingFit: SeatsModelFit? { wandering?.fit }
    /// `w`: the share of trials that draw the wandering level, its Akaike weight against the fixed
    /// one (`LocalLevel.weighed(logs:spentFreedom:)`); 0 without one.
    public let wanderingWeight: Double
    /// The parameters fitted with.
    public let parameters: SeatsModelParameters

    /// The model of the fixed level.
    @usableFromInline let fixed: SeatsLevelModel
    /// The model of the wandering level, where there is one.
    @usableFromInline let wandering: SeatsLevelModel?

    /// Fits the model to `workspace`, whose seats' usage arrays cover `monthCount` months, for
    /// `horizon` forecast months and `seatCount` seats (`nil`: the history's seats): each reading
    /// of the level (`readLevels`) in the steps the type's documentation sets out, the level and
    /// its season, the seat tables, the spread, the carry-over, then each forecast month's
    /// deterministic part and spreads.
    public init(
        workspace: WorkspaceHistory, monthCount: Int, seatCount: Int? = nil, horizon: Int,
        parameters: SeatsModelParameters = .standard, prior: PortfolioPrior? = nil
    ) {
        self.parameters = parameters
        let levels = Self.readLevels(workspace: workspace, monthCount: monthCount, parameters: parameters, prior: prior)
        func seats(_ reading: LevelReading) -> SeatTables {
            SeatTables(
                workspace: workspace, monthCount: monthCount, seatCount: seatCount, slope: reading.fitted.slope,
                season: reading.own.profile, parameters: parameters)
        }
        func model(_ reading: LevelReading, _ seats: SeatTables) -> SeatsLevelModel {
            SeatsLevelModel(
                reading: reading, seats: seats, workspace: workspace, monthCount: monthCount, horizon: horizon,
                parameters: parameters, prior: prior)
        }
        let fixedSeats = seats(levels.fixed)
        fixed = model(levels.fixed, fixedSeats)
        wandering = levels.wandering.map { wandering in
            // Without an own season the wandering level keeps the fixed one's slope and season, so
            // its seat draws are the same until each reading draws them in: built once, and shared
            // where neither is drawn in.
            let same =
                wandering.reading.fitted.slope == levels.fixed.fitted.slope && wandering.reading.own.profile == levels.fixed.own.profile
            return model(wandering.reading, same ? fixedSeats : seats(wandering.reading))
        }
        wanderingWeight = levels.wandering?.weight ?? 0
    }

    /// Draws one trial: `horizon` months of workspace usage, from the wandering level with
    /// probability `wanderingWeight` and from the fixed level otherwise.
    ///
    /// Only `horizon` months were prepared; `usage.count` must not exceed it.
    @inlinable
    public func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        if let wandering, generator.nextUnitDouble() < wanderingWeight {
            wandering.drawTrial(into: usage, using: &generator)
        } else {
            fixed.drawTrial(into: usage, using: &generator)
        }
    }

    /// The slope of `trend` weighed against `prior` and the logs brought to the as-of level
    /// along it; no local level (`readLevels` adds one to the wandering reading).
    static func levelFit(_ trend: TrendEstimate, prior: PortfolioPrior, parameters: SeatsModelParameters) -> LevelFit {
        let n = trend.months
        // Two months leave no residual to measure the slope's error by: the fixed level's prior
        // spread stands in for it. One month says nothing about a trend.
        let priorSigma = prior.factorSigma
        let unseenSeason = prior.seasonality.isMeasured ? 0 : trend.seasonAliasVariance(amplitude: parameters.unseenSeasonAmplitude)
        let slopeVariance =
            (trend.slopeVariance
                ?? (n == 2 && !trend.logs.isEmpty ? priorSigma * priorSigma / trend.timeSpread : .infinity)) + unseenSeason
        let posterior = n == 0 ? (slope: 0, variance: 0) : prior.trend.posterior(slope: trend.slope, variance: slopeVariance)
        let slope = min(parameters.maxSlope, max(-parameters.maxSlope, posterior.slope))
        // The logs brought to the as-of level along the slope the model uses, as the seat draws
        // bring each month: what is left is the level, fixed or wandering.
        let logs = trend.logs
        let asOfLogs = logs.indices.map { logs[$0] + slope * Double(logs.count - 1 - $0) }
        return (trend, posterior, slope, asOfLogs, nil)
    }

    /// `v_R = ln(1 + Σₛ Var xₛ / (Σₛ E xₛ)²)`: the log-variance of the monthly total that drawing
    /// every seat of `rows` (and the summed extra seats) alone produces.
    static func resamplingLogVariance(tables: [Double], rows: [Int], pooledSum: (mean: Double, sigma: Double)) -> Double {
        let size = tableSize
        var meanSum = pooledSum.mean
        var varianceSum = pooledSum.sigma * pooledSum.sigma
        for row in rows {
            let values = tables[row..<(row + size)]
            let mean = values.reduce(0, +) / Double(size)
            meanSum += mean
            varianceSum += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(size)
        }
        return meanSum > 0 ? log1p(varianceSum / (meanSum * meanSum)) : 0
    }

    /// `σ_N² = (σ̂²)^{d/(d+k₀)} · (σ₀²)^{k₀/(d+k₀)}`: the one-step variance `σ̂²` measured with `d`
    /// degrees of freedom, shrunk toward the prior `σ₀²` weighted as `k₀` months, on the log scale
    /// (a spread is a scale: a smooth series' tiny noise is not lifted toward the prior's by a
    /// fixed amount, as an arithmetic mean would). `σ₀²` alone when nothing was measured.
    static func shrunkNoise(_ measured: Double, freedom: Double, prior: Double, priorWeight: Double) -> Double {
        guard freedom > 0 else { return prior }
        let share = freedom / (freedom + priorWeight)
        return pow(measured, share) * pow(prior, 1 - share)
    }

    /// Draws every `size`-point row of `tables` toward its mean by `factor` (`m + factor·(v − m)`):
    /// the same mean, the spread times `factor`, never below zero when `factor ≤ 1`.
    static func contract(_ tables: inout [Double], size: Int, by factor: Double) {
        for row in stride(from: 0, to: tables.count, by: size) {
            let mean = tables[row..<(row + size)].reduce(0, +) / Double(size)
            for index in row..<(row + size) { tables[index] = mean + factor * (tables[index] - mean) }
        }
    }

    /// `2^{−age/halfLife}`: how much a month `age` months before the as-of month weighs in the
    /// seat draws, the replay and the level they stand for (1 for every month without a
    /// half-life).
    static func recencyWeight(age: Double, halfLife: Double?) -> Double {
        halfLife.map { exp2(-age / $0) } ?? 1
    }

    /// `m̄`: the log level the seat draws stand for, the recency-weighted mean of `logs` (already
    /// at the as-of level; month `t` weighted `2^{−age/halfLife}`, `age = n − 1 − t`), as the
    /// draws weigh each month.
    static func drawnLevel(_ logs: [Double], halfLife: Double?) -> Double {
        var sum = 0.0
        var weights = 0.0
        for (t, y) in logs.enumerated() {
            let weight = recencyWeight(age: Double(logs.count - 1 - t), halfLife: halfLife)
            sum += weight * y
            weights += weight
        }
        return sum / weights
    }

    /// `UsageHistory.maximumCredits`, as the draws compare it.
    @usableFromInline static let mostCredits = Double(UsageHistory.maximumCredits)

    /// `Φ⁻¹((i + ½)/8)`, `i = 0 … 7`: eight equally likely standard normal points for the jitter.
    static let stratifiedNormals: [Double] = [
        -1.534121, -0.887147, -0.488776, -0.157311, 0.157311, 0.488776, 0.887147, 1.534121,
    ]

    /// The `size`-point quantile table of a discrete distribution: slot `i` holds the smallest
    /// value whose cumulative weight reaches `(i + ½)/size` of the total.
    static func quantileTable(_ atoms: [(value: Double, weight: Double)], size: Int) -> [Double] {
        let sorted = atoms.sorted { $0.value < $1.value }
        let total = sorted.reduce(0) { $0 + $1.weight }
        var table = [Double](repeating: 0, count: size)
        guard total > 0 else { return table }
        var index = 0
        var cumulative = sorted[0].weight
        for slot in 0..<size {
            let target = (Double(slot) + 0.5) / Double(size) * total
            while cumulative < target && index + 1 < sorted.count {
                index += 1
                cumulative += sorted[index].weight
            }
            table[slot] = sorted[index].value
        }
        return table
    }
}
