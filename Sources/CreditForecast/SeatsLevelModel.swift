import CreditCore
import Foundation

/// The seats model with one reading of the level, fixed or wandering: what `SeatsUsageModel`
/// fits for each and draws a trial from (its documentation holds the equations).
@usableFromInline
struct SeatsLevelModel: Sendable {
    /// What was estimated.
    let fit: SeatsModelFit

    /// `rows × tableSize` quantile tables: the history's seats, then the pooled distribution.
    @usableFromInline let tables: [Double]
    /// The offset in `tables` of each simulated seat's row.
    @usableFromInline let seatRows: [Int]
    /// `b̃·D(h) + ρ̃ʰ·g − ½(s_b·(a + D(h)))² − ½σ_L² − ½σ_F²` for `h = 1 … horizon`: the deterministic
    /// part of the log multiplier.
    @usableFromInline let logBase: [Double]
    /// `s_b·(a + D(h))` for `h = 1 … horizon`.
    @usableFromInline let slopeScale: [Double]
    /// `σ_L`: the standard deviation of the per-trial log level draw.
    @usableFromInline let levelSigma: Double
    /// `σ_F` for `h = 1 … horizon`, with the own season's estimation error of that month.
    @usableFromInline let factorSigmas: [Double]
    /// `α·σ_N`: the standard deviation of the level's monthly step (0 without a local level).
    @usableFromInline let walkSigma: Double
    /// The mean and standard deviation of the sum of the extra seats past
    /// `individualExtraSeats`, before the month's multiplier; both 0 when there are none.
    @usableFromInline let pooledSum: (mean: Double, sigma: Double)
    /// The replay of past years' same calendar months, in the fixed reading where its share is
    /// above 0; `nil` otherwise.
    @usableFromInline let replay: CalendarReplay?
    /// The history's seats: the first rows of `seatRows`, which a replayed month replaces.
    @usableFromInline let historySeats: Int

    /// Fits the model of `reading` (`SeatsUsageModel.readLevels`) to `workspace`, whose seats'
    /// usage arrays cover `monthCount` months, for `horizon` forecast months, with `seats` drawn at
    /// the reading's slope and season: the spread (which may draw the seat tables in), the
    /// carry-over, then each forecast month's deterministic part and spreads.
    init(
        reading: SeatsUsageModel.LevelReading, seats: SeatTables, workspace: WorkspaceHistory, monthCount: Int, horizon: Int,
        parameters: SeatsModelParameters, prior: PortfolioPrior?
    ) {
        let (fitted, own, replay, carried) = reading
        let trend = fitted.trend
        let n = trend.months
        let slope = fitted.slope

        var seats = seats
        var spread = SeatsUsageModel.spread(
            of: fitted, seats: &seats, priorSigma: (prior ?? .standalone(parameters)).factorSigma, parameters: parameters)
        self.tables = seats.tables
        self.seatRows = seats.seatRows
        self.pooledSum = seats.pooledSum

        let totalVariance = spread.factorVariance + spread.resampling
        let uncertainty = parameters.parameterUncertainty
        let levelSigma = n > 0 ? uncertainty * (totalVariance / Double(n)).squareRoot() : 0
        let slopeSpread = min(parameters.maxSlope, uncertainty * fitted.posterior.variance.squareRoot())
        var carryOver = SeatsUsageModel.carryOver(
            trend: carried, slope: slope, usesLocalLevel: fitted.local != nil, seats: seats, historySeats: workspace.seats.count,
            parameters: parameters)
        if fitted.local == nil, let shared = SeatsUsageModel.sharedLevel(of: trend, prior: prior, parameters: parameters) {
            spread.levelGap = shared.levelGap
            spread.walkSigma = shared.walkSigma
            carryOver.lastMonthGap = min(1, max(-1, carryOver.lastMonthGap - shared.lastMonthShare))
        }
        let path = SeatsUsageModel.monthlyPath(
            horizon: horizon, monthCount: monthCount, slope: slope, slopeSpread: slopeSpread,
            slopeLever: SeatsUsageModel.slopeLever(months: n, local: fitted.local, halfLife: parameters.recencyHalfLife),
            levelSigma: levelSigma,
            spread: spread,
            carryOver: carryOver, season: own, parameters: parameters)
        self.logBase = path.logBase
        self.slopeScale = path.slopeScale
        self.levelSigma = levelSigma
        self.factorSigmas = path.factorSigmas
        self.walkSigma = spread.walkSigma
        self.replay = replay
        self.historySeats = workspace.seats.count
        self.fit = SeatsModelFit(
            months: n, rawSlope: trend.slope, slope: slope, slopeSpread: slopeSpread,
            commonFactorSigma: spread.factorVariance.squareRoot(), levelSigma: levelSigma, resamplingLogVariance: spread.resampling,
            seats: seats.seatRows.count + Int(seats.summedSeats), persistence: carryOver.persistence,
            lastMonthGap: carryOver.lastMonthGap, smoothing: spread.smoothing, levelGap: spread.levelGap,
            levelWalkSigma: spread.walkSigma, replayShare: replay?.share ?? 0
        )
    }

    /// Draws one trial from this level: `horizon` months of workspace usage.
    ///
    /// Only `horizon` months were prepared; `usage.count` must not exceed it.
    @inlinable
    func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar) {
        precondition(usage.count <= logBase.count, "the model was fitted for a shorter horizon")
        let (levelDraw, slopeDraw) = generator.nextNormalPair()
        let level = levelSigma * levelDraw
        var factors = NormalSequence()
        var sums = NormalSequence()
        var steps = NormalSequence()
        var walk = 0.0
        let pooledSum = pooledSum
        let replay = replay
        tables.withUnsafeBufferPointer { table in
            seatRows.withUnsafeBufferPointer { rows in
                let count = rows.count
                for month in usage.indices {
                    let factorDraw = factors.next(using: &generator)
                    if month > 0 && walkSigma > 0 { walk += walkSigma * steps.next(using: &generator) }
                    // A replayed month takes the history's seats from a past year's same month;
                    // the seats beyond the history's are still drawn.
                    var replayed: Double?
                    if let replay {
                        let uniform = generator.nextUnitDouble()
                        if uniform < replay.share { replayed = replay.value(month: month, uniform: uniform / replay.share) }
                    }
                    var sum = replayed ?? 0
                    var seat = replayed == nil ? 0 : historySeats
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
                    // A past month's total already holds its busy-month swing: no common factor,
                    // and its mean correction (in `logBase`) undone.
                    let factor = factorSigmas[month]
                    let busy = replayed == nil ? factor * factorDraw : factor * factor / 2
                    let exponent = logBase[month] + slopeScale[month] * slopeDraw + level + busy + walk
                    let value = sum * exp(exponent)
                    // Held to the most a file may give a workspace's month, so that every sum and
                    // price of a drawn month is one the ledger can hold.
                    usage[month] = value.isFinite && value > 0 ? Int(min(value, SeatsUsageModel.mostCredits).rounded()) : 0
                }
            }
        }
    }
}
