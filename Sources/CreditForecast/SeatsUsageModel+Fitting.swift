import CreditCore
import Foundation

/// The steps of fitting a `SeatsUsageModel`, in the order its initialiser takes them; the
/// equations are in the type's documentation.
extension SeatsUsageModel {
    /// The trend, its posterior and slope, the logs at the as-of level and, for the wandering
    /// reading, its local level: `levelFit`'s result.
    typealias LevelFit = (
        trend: TrendEstimate, posterior: (slope: Double, variance: Double), slope: Double, asOfLogs: [Double], local: LocalLevel?
    )

    /// One reading of the level: its fit, the season used with its months' estimation variances,
    /// the calendar replay (a fixed level's, where its share is above 0), and the logs the
    /// carry-over reads (`carryOver`).
    typealias LevelReading = (
        fitted: LevelFit, own: (profile: SeasonalProfile, variances: [Double]), replay: CalendarReplay?, carried: TrendEstimate
    )

    /// What the spread step settles: the common factor's variance, what seat resampling explains
    /// (`v_R`), the level's monthly step `α·σ_N` and its gap to the seat draws, and `α`.
    typealias Spread = (factorVariance: Double, resampling: Double, walkSigma: Double, levelGap: Double, smoothing: Double)

    /// The two readings of `workspace`'s level: fixed, and wandering with its Akaike weight.
    ///
    /// The **fixed** level is fitted with the portfolio's season, with the calendar replay if
    /// its share is above 0. Its carry-over reads the logs about the workspace's own season where
    /// one was measured and the replay carries it, as the forecast's months then hold that season
    /// already (a state whose births peak later in the summer than the country's had its Junes
    /// read as a shock below the level, carried into the Julys that the replay had already put
    /// high: births from six origins 1.02× the best peer, 1.00× about the own season), and the
    /// fit's logs otherwise.
    ///
    /// The **wandering** level (`LocalLevel.weighed`) smooths the logs about the workspace's own
    /// season where one is measured (measured about a moving average, an own season fits a
    /// persistent level's pattern; eleven degrees of freedom spent), about the portfolio's
    /// otherwise, and has no replay. It weighs `w`, the share of trials that draw it. There is
    /// none with four months or fewer, with `localLevel` off, or where some month had no usage at
    /// all: an idle month's log is the offset's, so a level that walks through it, or a season
    /// measured on it, is not one of usage (a workspace idle from January to June every year,
    /// busy for the rest, was forecast 16 credits in its idle months and half its busy months'
    /// usage); the replay carries such a season.
    ///
    /// Choosing one reading by the criterion (`w > ½`) threw away the other's chance: over the
    /// real-data suite's births from 6, 12, 18 and 24 origins, averaging them took WIS down 2–4%
    /// (the README's "On real data, beside statsforecast").
    static func readLevels(
        workspace: WorkspaceHistory, monthCount: Int, parameters: SeatsModelParameters, prior: PortfolioPrior?
    ) -> (fixed: LevelReading, wandering: (reading: LevelReading, weight: Double)?) {
        let prior = prior ?? .standalone(parameters)
        let pooled = levelFit(
            TrendEstimate(workspace: workspace, monthCount: monthCount, seasonality: prior.seasonality), prior: prior,
            parameters: parameters)
        // The portfolio's season carries the error of the shocks its workspaces share; an own
        // season, measured on the workspace's departures from it, carries that error in its own.
        let portfolioSeason = (profile: prior.seasonality, variances: prior.seasonality.errorVariances)
        let replay =
            parameters.calendarReplay
            ? CalendarReplay(
                workspace: workspace, monthCount: monthCount, slope: pooled.slope, season: prior.seasonality,
                halfLife: parameters.recencyHalfLife) : nil
        guard parameters.localLevel, !pooled.trend.hasIdleMonth else {
            return ((pooled, portfolioSeason, replay, pooled.trend), nil)
        }
        let added = prior.seasonality.addingOwnSeason(of: pooled.trend)
        let withOwn =
            added.profile == prior.seasonality
            ? nil
            : levelFit(
                TrendEstimate(workspace: workspace, monthCount: monthCount, seasonality: added.profile), prior: prior,
                parameters: parameters)
        let fixed = (pooled, portfolioSeason, replay, replay == nil ? pooled.trend : withOwn?.trend ?? pooled.trend)
        var smoothed = withOwn ?? pooled
        // An own season spent eleven degrees of freedom on the logs.
        guard let weighed = LocalLevel.weighed(logs: smoothed.asOfLogs, spentFreedom: withOwn == nil ? 0 : 11) else {
            return (fixed, nil)
        }
        smoothed.local = weighed.level
        return (fixed, ((smoothed, withOwn == nil ? portfolioSeason : added, nil, smoothed.trend), weighed.weight))
    }

    /// The month's spread. With a local level its noise is the one-step prediction error
    /// (shrunk toward the standalone prior), not the spread about a line through a level that
    /// wanders; resampling supplies as much of it as it can, and seat draws that spread wider
    /// than the history's months move are drawn toward their means (`seats` contracted). Without
    /// one, the residuals about the trend line beyond what resampling explains, weighed against
    /// the portfolio's `priorSigma`, which measures the same kind of error (months about trend
    /// lines); the local level's errors are those of another model. There too, seat draws that
    /// spread the total wider than its months strayed from the model's own line, one to three
    /// months past the months before them (`PortfolioPrior.lineErrorVariance(of:slope:)`, weighed
    /// against `priorSigma` as the residuals are), are drawn toward their means to that spread:
    /// seats that stand in for each other (an airline's routes, a hundredfold apart in size,
    /// flown in turn) keep a steady total that resampling them one by one does not. Not where a
    /// month had no usage: its log is the offset's, not a measure of how far it strayed.
    static func spread(of fitted: LevelFit, seats: inout SeatTables, priorSigma: Double, parameters: SeatsModelParameters) -> Spread {
        var resampling = resamplingLogVariance(tables: seats.tables, rows: seats.seatRows, pooledSum: seats.pooledSum)
        let trend = fitted.trend
        let freedom = trend.residualVariance == nil ? 0 : Double(trend.months - 2)
        let priorWeight = parameters.commonFactorPriorMonths
        guard let local = fitted.local else {
            if !trend.hasIdleMonth, let strayed = PortfolioPrior.lineErrorVariance(of: trend.logs, slope: fitted.slope) {
                let target = (freedom * strayed + priorWeight * priorSigma * priorSigma) / (freedom + priorWeight)
                if target > 0 { drawIn(&seats, resampling: &resampling, to: target) }
            }
            let excess = max(0, (trend.residualVariance ?? 0) - resampling)
            let factorVariance =
                freedom + priorWeight > 0
                ? (freedom * excess + priorWeight * priorSigma * priorSigma) / (freedom + priorWeight)
                : 0
            return (factorVariance, resampling, 0, 0, 0)
        }
        let standalone = parameters.commonFactorPriorSigma
        let noise = shrunkNoise(
            local.predictionVariance ?? 0, freedom: Double(local.freedom), prior: standalone * standalone, priorWeight: priorWeight)
        drawIn(&seats, resampling: &resampling, to: noise)
        let levelGap = min(1, max(-1, local.level - drawnLevel(fitted.asOfLogs, halfLife: parameters.recencyHalfLife)))
        return (noise - resampling, resampling, local.smoothing * noise.squareRoot(), levelGap, local.smoothing)
    }

    /// Where seat resampling spreads the total wider than `target` (`resampling`, `v_R`, above
    /// it), draws every seat's table toward its mean by `λ = √((e^{target} − 1)/(e^{v_R} − 1))`,
    /// so that `v_R = target`.
    static func drawIn(_ seats: inout SeatTables, resampling: inout Double, to target: Double) {
        guard resampling > target else { return }
        seats.contract(by: ((exp(target) - 1) / (exp(resampling) - 1)).squareRoot())
        resampling = target
    }

    /// The shared level a fixed level follows (`SharedLevel`), where `parameters` allow it and
    /// `trend` (after the portfolio's season, as the prior's departures are) counts in
    /// `prior`'s shared departures; `nil` otherwise.
    package static func sharedLevel(of trend: TrendEstimate, prior: PortfolioPrior?, parameters: SeatsModelParameters) -> SharedLevel? {
        guard parameters.sharedLevel, let prior, SharedDepartures.counts(trend) else { return nil }
        let departures = trend.residuals
        guard let others = prior.sharedDepartures.others(than: departures, from: trend.firstOffset) else { return nil }
        return SharedLevel(departures: departures, others: others, halfLife: parameters.recencyHalfLife)
    }

    /// `a`: how far the level the forecast starts from moves when the slope moves, in months.
    /// The logs are brought to the as-of level along the slope (`zₜ = yₜ + b̃·(n − 1 − t)`), so
    /// a level taken from them has the slope's error times the age of the months it weighs: the
    /// recency-weighted mean age the seat draws stand for (`drawnLevel` of the ages), or, with a
    /// local level, the smoothed level of the ages (the recursion is linear, so the level of the
    /// ages is its derivative in the slope). A line is pinned at its months' centre, not at its
    /// end: a slope drawn one error high lifts the as-of level by `a` errors as well as the path.
    package static func slopeLever(months: Int, local: LocalLevel?, halfLife: Double?) -> Double {
        guard months > 0 else { return 0 }
        let ages = (0..<months).map { Double(months - 1 - $0) }
        return local.map { LocalLevel.smooth(ages, smoothing: $0.smoothing).level } ?? drawnLevel(ages, halfLife: halfLife)
    }

    /// The carry-over (without a local level): the residuals about the trend line as an AR(1),
    /// so a last month above (or below) the model's level pulls the next months with it, fading
    /// as `ρ̃ʰ`. Seasonal swings, level shifts and a trend the damping underplays all show as
    /// persistent residuals; independent noise gives `ρ̂ ≈ 0` and no carry-over. Needs four
    /// months to estimate at all. Returns `ρ̃` and the last month's gap `g` to the seat draws.
    static func carryOver(
        trend: TrendEstimate, slope: Double, usesLocalLevel: Bool, seats: SeatTables, historySeats: Int,
        parameters: SeatsModelParameters
    ) -> (persistence: Double, lastMonthGap: Double) {
        let n = trend.months
        guard n >= 4, !usesLocalLevel else { return (0, 0) }
        let persistence = min(
            parameters.maxPersistence,
            max(0, departurePersistence(trend, slope: slope) * Double(n) / (Double(n) + parameters.persistenceShrinkMonths)))
        guard persistence > 0, trend.meanPerSeatTotal > 0 else { return (persistence, 0) }
        // The seat draws' expected usage per seat at the as-of level, against the last month's.
        let size = tableSize
        var expected = 0.0
        for row in stride(from: 0, to: historySeats * size, by: size) {
            expected += seats.tables[row..<(row + size)].reduce(0, +) / Double(size)
        }
        expected /= Double(max(1, historySeats))
        return (persistence, min(1, max(-1, trend.logs[n - 1] - log(expected + trend.logOffset))))
    }

    /// `ρ̂`: the lag-one autocorrelation of the departures from the line the model uses (slope
    /// `slope` through the mean). A trend the prior discounted, a seasonal swing or a level shift
    /// all make these departures persist, and noise does not.
    static func departurePersistence(_ trend: TrendEstimate, slope: Double) -> Double {
        let n = trend.months
        let logs = trend.logs
        guard n > 2, !logs.isEmpty else { return 0 }
        let meanT = Double(max(0, n - 1)) / 2
        var squares = 0.0
        var lagged = 0.0
        var previous: Double?
        for (t, y) in logs.enumerated() {
            let departure = y - trend.meanLog - slope * (Double(t) - meanT)
            squares += departure * departure
            if let previous { lagged += departure * previous }
            previous = departure
        }
        return squares > 0 ? lagged / squares : 0
    }

    /// For `h = 1 … horizon`: the deterministic part of the log multiplier (the damped trend, the
    /// season, the carry-over and the level's gap, less half of every variance so the mean is
    /// kept), the slope's spread `s_b·(a + D(h))` (`a` the `slopeLever`), and the common
    /// factor's `σ_F` with the own season's estimation error of that month.
    static func monthlyPath(
        horizon: Int, monthCount: Int, slope: Double, slopeSpread: Double, slopeLever: Double, levelSigma: Double, spread: Spread,
        carryOver: (persistence: Double, lastMonthGap: Double), season: (profile: SeasonalProfile, variances: [Double]),
        parameters: SeatsModelParameters
    ) -> (logBase: [Double], slopeScale: [Double], factorSigmas: [Double]) {
        var logBase: [Double] = []
        var slopeScale: [Double] = []
        var factorSigmas: [Double] = []
        var damped = 0.0
        var power = 1.0
        var carry = 1.0
        for ahead in 0..<max(0, horizon) {
            power *= parameters.trendDamping
            damped += power
            carry *= carryOver.persistence
            let scale = slopeSpread * (slopeLever + damped)
            slopeScale.append(scale)
            // The level's walk has taken `ahead` steps by forecast month `ahead + 1`.
            let walkVariance = Double(ahead) * spread.walkSigma * spread.walkSigma
            let monthVariance = spread.factorVariance + season.variances[season.profile.slot(atOffset: monthCount + ahead)]
            factorSigmas.append(monthVariance.squareRoot())
            logBase.append(
                slope * damped + season.profile.effect(atOffset: monthCount + ahead) + carry * carryOver.lastMonthGap + spread.levelGap
                    - scale * scale / 2 - levelSigma * levelSigma / 2 - monthVariance / 2 - walkVariance / 2)
        }
        return (logBase, slopeScale, factorSigmas)
    }
}
