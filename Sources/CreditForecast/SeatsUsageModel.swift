import CreditCore
import Foundation

/// The default usage model: each seat resamples its own history, all seats share a busy-month
/// factor, a damped trend carries the workspace's growth forward, and a portfolio's shared
/// seasonality shapes the months.
///
/// ## Equations
///
/// Let the history have `N` months with the as-of month at index `N−1`, the workspace's first
/// month with data at `f`, `n = N − f`, and `Tₜ` the workspace's total in month `t` divided by
/// the seats counted in it (usage per seat, so that seats joining, already present in the seat
/// draws, are not extrapolated as growth). `S(t)` is the seasonal effect of month `t` from the
/// `PortfolioPrior` (0 without one).
///
/// **Trend.** `b̂` is the least-squares slope of the seasonally adjusted
/// `yₜ = ln(Tₜ + ε) − S(t)` on `t` over the workspace's months (`ε = max(1, 0.05·mean T)`;
/// `TrendEstimate`), with sampling variance `v = r²/Sₜₜ` (`r²` the residual variance; with two
/// months `v = σ₀²/Sₜₜ`, with one `v = ∞`). One history cannot tell a real trend from noise, so
/// the slope is weighed against the prior `N(μ, τ²)` of how trends spread across the
/// portfolio (`TrendPrior`, empirical Bayes): `b̃ = clamp(μ + (b̂ − μ)·τ²/(τ² + v), ±b_max)`, with
/// uncertainty `v_b = τ²v/(τ² + v)`. In a steady portfolio `τ` is small and noise slopes vanish;
/// in a growing one real trends are kept. The forecast damps the trend as damped-trend
/// exponential smoothing does: `h` months after the as-of month the log level has moved by
/// `b̃·D(h)` with `D(h) = φ + φ² + … + φʰ`, which tends to `b̃·φ/(1−φ)` instead of growing without
/// end.
///
/// **Own season** (with `localLevel`, the default). A workspace with 25 months or more measures
/// its own yearly pattern on top of the portfolio's (`SeasonalProfile.addingOwnSeason(of:)`);
/// it is kept, `S(t)` below being the sum, only where the local level is then chosen (measured
/// about a moving average, it fits a persistent level's season; on a noisy fixed level, bursts
/// and idle months, it would fit the noise). Each forecast month's common factor then carries
/// the own effect's remaining estimation error `ν_c·V/(V + ν_c)` as extra variance.
///
/// **Local level** (with `localLevel`). The logs brought to the as-of level along the slope,
/// `zₜ = yₜ + b̃·(n − 1 − t)`, are smoothed exponentially (`LocalLevel`, eleven more degrees of
/// freedom spent when an own season was added). When the fitted weight `α` beats the fixed
/// level by the information criterion (`LocalLevel.chosen`), the level wanders and the model
/// follows it:
///
/// - the month's noise is `σ_N² = (σ̂²_P)^{d/(d+k₀)}·(σ₀²)^{k₀/(d+k₀)}`, the one-step prediction
///   variance (`LocalLevel.predictionVariance`) shrunk toward the prior on the log scale; where seat resampling spreads the total wider
///   (`v_R > σ_N²`) every seat's table is drawn toward its mean by
///   `λ = √((e^{σ_N²} − 1)/(e^{v_R} − 1))`, so `v_R = σ_N²`, and `σ_F² = σ_N² − v_R`;
/// - the forecast starts from the level: every month is lifted by
///   `G = clamp(ℓ − m̄, ±1)`, `ℓ` the smoothed level and `m̄` the recency-weighted mean of `zₜ` (the
///   level the seat draws stand for);
/// - the level walks: month `h` adds `Σ_{i=2..h} α·σ_N·ωⱼᵢ` (independent standard normals), so the
///   spread grows as the local-level model's `σ²(1 + (h − 1)α²)`;
/// - the carry-over below is not used.
///
/// Otherwise (a fixed level, fewer than three months, or `localLevel` off) the spread comes from
/// the residuals about the trend line as below.
///
/// **Carry-over.** The departures `dₜ = yₜ − ȳ − b̃·(t − t̄)` from the line the model uses have
/// lag-one autocorrelation `ρ̂`; `ρ̃ = clamp(ρ̂·n/(n+k_ρ), 0, ρ_max)` (0 when `n < 4`). `g` is the
/// seasonally adjusted log of the last month's usage per seat over the mean the seat draws give
/// (clamped to ±1). A trial's month `h` is lifted by `ρ̃ʰ·g`: a level shift or a trend the prior
/// discounted persists into the next months and fades, while independent noise (`ρ̂ ≈ 0`)
/// carries nothing over.
///
/// **Seats.** A seat `s` that first has data in month `fₛ` has `mₛ = N − fₛ` months of its own.
/// Each own month `τ` is brought to the as-of level and out of its season,
/// `aₛ(τ) = uₛ(τ) · e^{b̃·(N−1−τ) − S(τ)}` (zeros stay zero, so idle months recur), and weighted by
/// recency
/// `w(τ) ∝ 2^{−(N−1−τ)/halfLife}`. A seat's draw comes from its own months with probability `mₛ/(mₛ+κ)` and otherwise from the pooled
/// distribution of all seats (each seat weighing the same), so a seat with little history is
/// pulled toward its colleagues. Seats with `mₛ` below `jitterBelowMonths` spread each own month
/// by a mean-one lognormal jitter of log-sd `σⱼ/√mₛ`. Extra seats, when the pool has a fixed
/// seat count above the history's, draw from the pooled distribution alone; a fixed count below
/// the history's removes no one (the history's users still use credits).
///
/// Each seat's distribution is stored as a 256-point quantile table (slot `i` holds the
/// `(i+½)/256` quantile of the mixture), so a draw is one byte of a random word: weights are
/// honoured to 1/256.
///
/// **Common factor and uncertainty.** For trial `j` and forecast month `h`:
///
///     U(j,h) = round( Σₛ xₛ(j,h) · exp( b̃·D(h) + S(N−1+h) + ρ̃ʰ·g + G + s_b·ζⱼ·D(h) − ½(s_b·D(h))²
///                                        + σ_L·ηⱼ − ½σ_L² + σ_F·εⱼₕ − ½σ_F² + Wⱼₕ − ½(h−1)α²σ_N² ) )
///
/// (`ρ̃ = 0` with a local level; `G = 0` and the walk `Wⱼₕ = 0` without one)
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
/// - without a local level, `σ_F² = (d · max(0, r² − v_R) + k₀·σ₀²) / (d + k₀)`: the excess of the history's spread over
///   what resampling explains, shrunk toward the prior `σ₀` (so 2–3 months give a wide forecast).
/// - `σ_L² = u² (σ_F² + v_R)/n` and `s_b = min(b_max, u·√v_b)`, `u` the `parameterUncertainty`.
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

    /// What was estimated.
    public let fit: SeatsModelFit
    /// The parameters fitted with.
    public let parameters: SeatsModelParameters

    /// `rows × tableSize` quantile tables: the history's seats, then the pooled distribution.
    @usableFromInline let tables: [Double]
    /// The offset in `tables` of each simulated seat's row.
    @usableFromInline let seatRows: [Int]
    /// `b̃·D(h) + ρ̃ʰ·g − ½(s_b·D(h))² − ½σ_L² − ½σ_F²` for `h = 1 … horizon`: the deterministic
    /// part of the log multiplier.
    @usableFromInline let logBase: [Double]
    /// `s_b·D(h)` for `h = 1 … horizon`.
    @usableFromInline let slopeScale: [Double]
    @usableFromInline let levelSigma: Double
    /// `σ_F` for `h = 1 … horizon`, with the own season's estimation error of that month.
    @usableFromInline let factorSigmas: [Double]
    /// `α·σ_N`: the standard deviation of the level's monthly step (0 without a local level).
    @usableFromInline let walkSigma: Double
    /// The mean and standard deviation of the sum of the extra seats past
    /// `individualExtraSeats`, before the month's multiplier; both 0 when there are none.
    @usableFromInline let pooledSum: (mean: Double, sigma: Double)

    /// Fits the model to `workspace`, whose seats' usage arrays cover `monthCount` months, for
    /// `horizon` forecast months and `seatCount` seats (`nil`: the history's seats).
    public init(
        workspace: WorkspaceHistory, monthCount: Int, seatCount: Int? = nil, horizon: Int,
        parameters: SeatsModelParameters = .standard, prior: PortfolioPrior? = nil
    ) {
        self.parameters = parameters
        let lastIndex = monthCount - 1
        let prior = prior ?? .standalone(parameters)
        // The workspace's own yearly pattern is kept, on top of the portfolio's, only with a
        // local level: measured about a moving average, it fits a persistent level's season, and
        // on a noisy fixed level (bursts and idle months) it would fit the noise.
        let pooled = Self.levelFit(
            TrendEstimate(workspace: workspace, monthCount: monthCount, seasonality: prior.seasonality), prior: prior,
            parameters: parameters, spentFreedom: 0)
        var fitted = pooled
        var own: (profile: SeasonalProfile, variances: [Double]) = (prior.seasonality, [Double](repeating: 0, count: 12))
        if parameters.localLevel {
            let added = prior.seasonality.addingOwnSeason(of: pooled.trend)
            if added.profile != prior.seasonality {
                // The own season spent eleven degrees of freedom on the logs.
                let withOwn = Self.levelFit(
                    TrendEstimate(workspace: workspace, monthCount: monthCount, seasonality: added.profile), prior: prior,
                    parameters: parameters, spentFreedom: 11)
                if withOwn.local != nil {
                    fitted = withOwn
                    own = added
                }
            }
        }
        let season = own.profile
        let trend = fitted.trend
        let n = trend.months
        let logs = trend.logs
        let meanY = trend.meanLog
        let meanT = Double(max(0, n - 1)) / 2
        let priorSigma = parameters.commonFactorPriorSigma
        let posterior = fitted.posterior
        let slope = fitted.slope

        // The lag-one autocorrelation of the departures from the line the model uses (slope
        // `slope` through the mean): a trend the prior discounted, a seasonal swing or a level
        // shift all make these departures persist, and noise does not.
        var rawPersistence = 0.0
        if n > 2, !logs.isEmpty {
            var squares = 0.0
            var lagged = 0.0
            var previous: Double?
            for (t, y) in logs.enumerated() {
                let departure = y - meanY - slope * (Double(t) - meanT)
                squares += departure * departure
                if let previous { lagged += departure * previous }
                previous = departure
            }
            if squares > 0 { rawPersistence = lagged / squares }
        }

        // Seat tables.
        let size = Self.tableSize
        var ownAtoms: [[(value: Double, weight: Double)]] = []
        var pooledAtoms: [(value: Double, weight: Double)] = []
        for seat in workspace.seats {
            var atoms: [(value: Double, weight: Double)] = []
            var weightSum = 0.0
            for offset in seat.firstOffset..<monthCount {
                let age = Double(lastIndex - offset)
                let weight = parameters.recencyHalfLife.map { exp2(-age / $0) } ?? 1
                atoms.append((Double(seat.usage[offset]) * exp(slope * age - season.effect(atOffset: offset)), weight))
                weightSum += weight
            }
            for index in atoms.indices { atoms[index].weight /= weightSum }
            for atom in atoms {
                pooledAtoms.append((atom.value, atom.weight / Double(workspace.seats.count)))
            }
            ownAtoms.append(atoms)
        }
        let pooledTable =
            pooledAtoms.isEmpty
            ? [Double](repeating: 0, count: size) : Self.quantileTable(pooledAtoms, size: size)
        let allExtraSeats = max(0, (seatCount ?? 0) - workspace.seats.count)
        let extraSeats = min(allExtraSeats, Self.individualExtraSeats)
        let summedSeats = Double(allExtraSeats - extraSeats)
        let pooledMean = pooledTable.reduce(0, +) / Double(size)
        let pooledVariance = pooledTable.reduce(0) { $0 + ($1 - pooledMean) * ($1 - pooledMean) } / Double(size)
        var pooledSum: (mean: Double, sigma: Double) =
            summedSeats > 0 ? (summedSeats * pooledMean, (summedSeats * pooledVariance).squareRoot()) : (0, 0)
        var tables: [Double] = []
        tables.reserveCapacity((workspace.seats.count + 1) * size)
        for (seat, own) in zip(workspace.seats, ownAtoms) {
            let months = Double(monthCount - seat.firstOffset)
            let ownShare = months / (months + parameters.pooledPriorMonths)
            var atoms: [(value: Double, weight: Double)] = []
            let jitter =
                monthCount - seat.firstOffset < parameters.jitterBelowMonths && parameters.jitterSigma > 0
                ? parameters.jitterSigma / months.squareRoot() : 0
            if jitter > 0 {
                let multipliers = Self.stratifiedNormals.map { exp(jitter * $0) }
                let meanMultiplier = multipliers.reduce(0, +) / Double(multipliers.count)
                for atom in own {
                    for multiplier in multipliers {
                        atoms.append((atom.value * multiplier / meanMultiplier, atom.weight * ownShare / Double(multipliers.count)))
                    }
                }
            } else {
                for atom in own { atoms.append((atom.value, atom.weight * ownShare)) }
            }
            if ownShare < 1 {
                for value in pooledTable { atoms.append((value, (1 - ownShare) / Double(size))) }
            }
            tables.append(contentsOf: Self.quantileTable(atoms, size: size))
        }
        var seatRows = Array(stride(from: 0, to: workspace.seats.count * size, by: size))
        if extraSeats > 0 {
            let pooledRow = tables.count
            tables.append(contentsOf: pooledTable)
            seatRows.append(contentsOf: repeatElement(pooledRow, count: extraSeats))
        }
        self.seatRows = seatRows

        // What resampling explains, the common factor and the parameter uncertainty.
        var resampling = Self.resamplingLogVariance(tables: tables, rows: seatRows, pooledSum: pooledSum)
        let freedom = trend.residualVariance == nil ? 0 : Double(n - 2)
        let priorWeight = parameters.commonFactorPriorMonths
        var factorVariance: Double
        var walkSigma = 0.0
        var levelGap = 0.0
        var smoothing = 0.0
        let asOfLogs = fitted.asOfLogs
        let local = fitted.local
        let usesLocalLevel = local != nil
        if let local {
            // The month's noise is the local level's one-step error, not the spread about a line
            // through a level that wanders; resampling supplies as much of it as it can, and seat
            // draws that spread wider than the history's months move are drawn toward their
            // means.
            smoothing = local.smoothing
            let noise = Self.shrunkNoise(
                local.predictionVariance ?? 0, freedom: Double(local.freedom), prior: priorSigma * priorSigma, priorWeight: priorWeight)
            if resampling > noise {
                let contraction = ((exp(noise) - 1) / (exp(resampling) - 1)).squareRoot()
                Self.contract(&tables, size: size, by: contraction)
                pooledSum.sigma *= contraction
                resampling = noise
            }
            factorVariance = noise - resampling
            walkSigma = smoothing * noise.squareRoot()
            levelGap = min(1, max(-1, local.level - Self.drawnLevel(asOfLogs, halfLife: parameters.recencyHalfLife)))
        } else {
            let excess = max(0, (trend.residualVariance ?? 0) - resampling)
            factorVariance =
                freedom + priorWeight > 0
                ? (freedom * excess + priorWeight * priorSigma * priorSigma) / (freedom + priorWeight)
                : 0
        }
        self.tables = tables
        self.pooledSum = pooledSum
        let totalVariance = factorVariance + resampling
        let uncertainty = parameters.parameterUncertainty
        let levelSigma = n > 0 ? uncertainty * (totalVariance / Double(n)).squareRoot() : 0
        let slopeSpread = min(parameters.maxSlope, uncertainty * posterior.variance.squareRoot())
        let factorSigma = factorVariance.squareRoot()

        // Carry-over (without a local level): the residuals about the trend line as an AR(1), so
        // a last month above (or below) the model's level pulls the next months with it, fading
        // as ρ̃ʰ. Seasonal swings, level shifts and a trend the damping underplays all show as
        // persistent residuals; independent noise gives ρ̂ ≈ 0 and no carry-over. Needs four
        // months to estimate at all.
        let persistence =
            n >= 4 && !usesLocalLevel
            ? min(parameters.maxPersistence, max(0, rawPersistence * Double(n) / (Double(n) + parameters.persistenceShrinkMonths)))
            : 0
        var lastMonthGap = 0.0
        if persistence > 0, trend.meanPerSeatTotal > 0 {
            // The seat draws' expected usage per seat at the as-of level, against the last month's.
            var expected = 0.0
            for row in stride(from: 0, to: workspace.seats.count * size, by: size) {
                expected += tables[row..<(row + size)].reduce(0, +) / Double(size)
            }
            expected /= Double(max(1, workspace.seats.count))
            let epsilon = trend.logOffset
            lastMonthGap = min(1, max(-1, logs[n - 1] - log(expected + epsilon)))
        }

        var logBase: [Double] = []
        var slopeScale: [Double] = []
        var factorSigmas: [Double] = []
        var damped = 0.0
        var power = 1.0
        var carry = 1.0
        for ahead in 0..<max(0, horizon) {
            power *= parameters.trendDamping
            damped += power
            carry *= persistence
            let scale = slopeSpread * damped
            slopeScale.append(scale)
            // The level's walk has taken `ahead` steps by forecast month `ahead + 1`.
            let walkVariance = Double(ahead) * walkSigma * walkSigma
            // The own season's estimation error joins the month's common factor.
            let monthVariance = factorVariance + own.variances[season.slot(atOffset: monthCount + ahead)]
            factorSigmas.append(monthVariance.squareRoot())
            logBase.append(
                slope * damped + season.effect(atOffset: monthCount + ahead) + carry * lastMonthGap + levelGap
                    - scale * scale / 2 - levelSigma * levelSigma / 2 - monthVariance / 2 - walkVariance / 2)
        }
        self.logBase = logBase
        self.slopeScale = slopeScale
        self.levelSigma = levelSigma
        self.factorSigmas = factorSigmas
        self.walkSigma = walkSigma
        self.fit = SeatsModelFit(
            months: n, rawSlope: trend.slope, slope: slope, slopeSpread: slopeSpread,
            commonFactorSigma: factorSigma, levelSigma: levelSigma, resamplingLogVariance: resampling,
            seats: seatRows.count + Int(summedSeats), persistence: persistence, lastMonthGap: lastMonthGap,
            smoothing: smoothing, levelGap: levelGap, levelWalkSigma: walkSigma
        )
    }

    /// Draws one trial: `horizon` months of workspace usage.
    ///
    /// Only `horizon` months were prepared; `usage.count` must not exceed it.
    @inlinable
    public func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        precondition(usage.count <= logBase.count, "the model was fitted for a shorter horizon")
        let (levelDraw, slopeDraw) = generator.nextNormalPair()
        let level = levelSigma * levelDraw
        var factors = NormalSequence()
        var sums = NormalSequence()
        var steps = NormalSequence()
        var walk = 0.0
        let pooledSum = pooledSum
        tables.withUnsafeBufferPointer { table in
            seatRows.withUnsafeBufferPointer { rows in
                let count = rows.count
                for month in usage.indices {
                    let factorDraw = factors.next(using: &generator)
                    if month > 0 && walkSigma > 0 { walk += walkSigma * steps.next(using: &generator) }
                    var sum = 0.0
                    var seat = 0
                    while seat + 8 <= count {
                        var bits = generator.next()
                        for lane in 0..<8 {
                            sum += table[rows[seat + lane] &+ Int(truncatingIfNeeded: bits & 0xFF)]
                            bits >>= 8
                        }
                        seat += 8
                    }
                    if seat < count {
                        var bits = generator.next()
                        while seat < count {
                            sum += table[rows[seat] &+ Int(truncatingIfNeeded: bits & 0xFF)]
                            bits >>= 8
                            seat += 1
                        }
                    }
                    if pooledSum.sigma > 0 || pooledSum.mean > 0 {
                        sum += max(0, pooledSum.mean + pooledSum.sigma * sums.next(using: &generator))
                    }
                    let exponent = logBase[month] + slopeScale[month] * slopeDraw + level + factorSigmas[month] * factorDraw + walk
                    let value = sum * exp(exponent)
                    // Held to the most a file may give a workspace's month, so that every sum and
                    // price of a drawn month is one the ledger can hold.
                    usage[month] = value.isFinite && value > 0 ? Int(min(value, Self.mostCredits).rounded()) : 0
                }
            }
        }
    }

    /// The slope of `trend` weighed against `prior`, the logs brought to the as-of level along it,
    /// and the local level of those logs where `parameters` allow one and it is chosen
    /// (`spentFreedom` degrees of freedom having been spent on the logs before).
    static func levelFit(
        _ trend: TrendEstimate, prior: PortfolioPrior, parameters: SeatsModelParameters, spentFreedom: Int
    ) -> (
        trend: TrendEstimate, posterior: (slope: Double, variance: Double), slope: Double, asOfLogs: [Double], local: LocalLevel?
    ) {
        let n = trend.months
        // Two months leave no residual to measure the slope's error by: the common factor's prior
        // spread stands in for it. One month says nothing about a trend.
        let priorSigma = parameters.commonFactorPriorSigma
        let slopeVariance =
            trend.slopeVariance
            ?? (n == 2 && !trend.logs.isEmpty ? priorSigma * priorSigma / trend.timeSpread : .infinity)
        let posterior = n == 0 ? (slope: 0, variance: 0) : prior.trend.posterior(slope: trend.slope, variance: slopeVariance)
        let slope = min(parameters.maxSlope, max(-parameters.maxSlope, posterior.slope))
        // The logs brought to the as-of level along the slope the model uses, as the seat draws
        // bring each month: what is left is the level, fixed or wandering.
        let logs = trend.logs
        let asOfLogs = logs.indices.map { logs[$0] + slope * Double(logs.count - 1 - $0) }
        let local = parameters.localLevel ? LocalLevel.chosen(logs: asOfLogs, spentFreedom: spentFreedom) : nil
        return (trend, posterior, slope, asOfLogs, local)
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

    /// `m̄`: the log level the seat draws stand for, the recency-weighted mean of `logs` (already
    /// at the as-of level; month `t` weighted `2^{−age/halfLife}`, `age = n − 1 − t`), as the
    /// draws weigh each month.
    static func drawnLevel(_ logs: [Double], halfLife: Double?) -> Double {
        var sum = 0.0
        var weights = 0.0
        for (t, y) in logs.enumerated() {
            let age = Double(logs.count - 1 - t)
            let weight = halfLife.map { exp2(-age / $0) } ?? 1
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
