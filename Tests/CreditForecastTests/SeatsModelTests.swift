import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation
import Testing

@Suite struct SeatsModelTests {
    @Test func anUpwardTrendRaisesTheMedianButLessThanUndampedExtrapolation() throws {
        let workspace = Fixtures.syntheticWorkspace(name: "growing", seats: 30, months: 24, level: 1_500, growth: 1.04, seed: 21)
        let history = Fixtures.history([workspace])
        let horizon = 12
        let model = SeatsUsageModel(workspace: workspace, monthCount: 24, horizon: horizon)
        #expect(abs(model.fit.rawSlope - log(1.04)) < 0.015)
        #expect(model.fit.slope > 0 && model.fit.slope < model.fit.rawSlope)

        let run = try Fixtures.run(history, settings: ForecastSettings(horizon: horizon, trials: 4_000, seed: 2, model: .seats))
        let medians = run.workspaces[0].months.map { Double($0.usage.p50) }
        // The last history months' level, and what an undamped log-linear trend would say.
        let totals = workspace.monthlyUsage.map(Double.init)
        let lastLevel = totals.suffix(3).reduce(0, +) / 3 * pow(1.04, 1)
        #expect(medians[horizon - 1] > medians[0])
        #expect(medians[0] > lastLevel * 0.9)
        for (index, median) in medians.enumerated() {
            let undamped = lastLevel * exp(model.fit.rawSlope * Double(index + 1))
            if index >= 3 { #expect(median < undamped, "month \(index + 1): \(median) vs undamped \(undamped)") }
        }
        // The damped trend flattens: the growth over months 7 to 12 is less than over months 1 to 6.
        #expect(log(medians[11] / medians[6]) < log(medians[5] / medians[0]), "\(medians)")
    }

    @Test func seatsJoiningAreNotExtrapolatedAsGrowth() throws {
        // Five seats for 24 months and five more from month 12, all flat: the total doubles, the
        // usage per seat does not move.
        let seats = (0..<10).map { index in
            let usage = (0..<24).map { month in 2_000 + (index * 7_919 + month * 104_729) % 600 - 300 }
            return index < 5
                ? Fixtures.seat("s\(index)", usage)
                : Fixtures.seat("s\(index)", firstOffset: 12, Array(repeating: 0, count: 12) + Array(usage.suffix(12)))
        }
        let workspace = WorkspaceHistory(name: "team", seats: seats)
        let model = SeatsUsageModel(workspace: workspace, monthCount: 24, horizon: 12)
        #expect(abs(model.fit.rawSlope) < 0.01)
        let run = try Fixtures.run(Fixtures.history([workspace]), settings: ForecastSettings(horizon: 12, trials: 2_000, model: .seats))
        let recent = Double(workspace.monthlyUsage.suffix(12).reduce(0, +)) / 12
        let medians = run.workspaces[0].months.map { Double($0.usage.p50) }
        #expect(medians.allSatisfy { abs($0 / recent - 1) < 0.12 }, "medians \(medians) vs recent \(recent)")
    }

    @Test func aShortHistoryGivesAWiderBand() throws {
        let long = Fixtures.syntheticWorkspace(name: "team", seats: 15, months: 24, level: 2_000, seed: 8)
        let short = WorkspaceHistory(
            name: "team",
            seats: long.seats.map { seat in
                Fixtures.seat(seat.id, Array(seat.usage.suffix(2)))
            })
        let settings = ForecastSettings(horizon: 6, trials: 4_000, seed: 1, model: .seats)
        let longRun = try Fixtures.run(Fixtures.history([long]), settings: settings)
        let shortRun = try Fixtures.run(Fixtures.history([short]), settings: settings)
        func relativeBand(_ forecast: WorkspaceForecast, month: Int) -> Double {
            let usage = forecast.months[month].usage
            return Double(usage.p90 - usage.p10) / Double(usage.p50)
        }
        for month in [0, 5] {
            let longBand = relativeBand(longRun.workspaces[0], month: month)
            let shortBand = relativeBand(shortRun.workspaces[0], month: month)
            #expect(shortBand > 1.5 * longBand, "month \(month + 1): 2-month band \(shortBand) vs 24-month \(longBand)")
        }
        // Both are centred near the same level.
        let longMedian = Double(longRun.workspaces[0].months[0].usage.p50)
        let shortMedian = Double(shortRun.workspaces[0].months[0].usage.p50)
        #expect(abs(shortMedian / longMedian - 1) < 0.35)
        let shortModel = SeatsUsageModel(workspace: short, monthCount: 2, horizon: 6)
        let longModel = SeatsUsageModel(workspace: long, monthCount: 24, horizon: 6)
        #expect(shortModel.fit.commonFactorSigma > longModel.fit.commonFactorSigma)
    }

    @Test(arguments: UsageModelKind.allCases)
    func aSeatJoiningInTheLastMonthCounts(_ model: UsageModelKind) throws {
        var seats = (0..<4).map { Fixtures.seat("s\($0)", Array(repeating: 2_000, count: 6)) }
        seats.append(Fixtures.seat("newcomer", firstOffset: 5, [0, 0, 0, 0, 0, 2_500]))
        let history = Fixtures.history([WorkspaceHistory(name: "team", seats: seats)])
        let run = try Fixtures.run(history, settings: ForecastSettings(horizon: 3, trials: 200, model: model))
        let forecast = run.workspaces[0]
        #expect(forecast.seats == 5)
        #expect(forecast.cap == 5 * 5 * 3_000)
        #expect(forecast.months.allSatisfy { $0.seats == 5 && $0.accrual == 15_000 && $0.cap == 75_000 })
        if model == .seats {
            // The newcomer uses credits in the forecast too: the total is above the other four's.
            #expect(forecast.months[0].usage.p50 > 8_000)
        }
    }

    @Test func fixedExtraSeatsDrawFromThePooledSeats() throws {
        let workspace = Fixtures.syntheticWorkspace(name: "team", seats: 5, months: 12, level: 2_000, seed: 4)
        let history = Fixtures.history([workspace])
        let settings = ForecastSettings(horizon: 3, trials: 2_000, model: .seats)
        let asIs = try Fixtures.run(history, settings: settings).workspaces[0]
        let doubled = try Fixtures.run(history, pools: [Fixtures.pool("team", seats: 10)], settings: settings).workspaces[0]
        #expect(doubled.seats == 10 && doubled.months[0].accrual == 30_000)
        let ratio = Double(doubled.months[0].usage.p50) / Double(asIs.months[0].usage.p50)
        #expect(ratio > 1.6 && ratio < 2.4)
    }

    @Test func aSeatThatWentIdleStaysMostlyIdle() throws {
        let active = (0..<3).map { Fixtures.seat("s\($0)", Array(repeating: 2_000, count: 24)) }
        let leaver = Fixtures.seat("leaver", Array(repeating: 6_000, count: 12) + Array(repeating: 0, count: 12))
        let workspace = WorkspaceHistory(name: "team", seats: active + [leaver])
        var parameters = SeatsModelParameters.standard
        parameters.commonFactorPriorSigma = 0
        parameters.parameterUncertainty = 0
        let model = SeatsUsageModel(workspace: workspace, monthCount: 24, horizon: 1, parameters: parameters)
        var generator = Xoshiro256StarStar(seed: 1)
        var total = 0
        let trials = 4_000
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 1)
        defer { usage.deallocate() }
        for _ in 0..<trials {
            model.drawTrial(into: usage, using: &generator)
            total += usage[0]
        }
        let mean = Double(total) / Double(trials)
        // Uniform resampling would give 6,000 + 3,000 a month; recency weighting gives the leaver
        // far less. (The falling total also makes the damped trend point down a little.)
        #expect(mean < 7_000)
        #expect(mean > 0.7 * 6_000)
    }

    @Test func usageIsWholeAndNeverNegative() {
        let workspace = Fixtures.syntheticWorkspace(name: "team", seats: 9, months: 3, level: 700, growth: 0.7, seed: 5)
        let model = SeatsUsageModel(workspace: workspace, monthCount: 3, seatCount: 12, horizon: 24)
        var generator = Xoshiro256StarStar(seed: 3)
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 24)
        defer { usage.deallocate() }
        for _ in 0..<500 {
            model.drawTrial(into: usage, using: &generator)
            #expect(usage.allSatisfy { $0 >= 0 })
        }
        #expect(model.fit.slope >= -SeatsModelParameters.standard.maxSlope)
        #expect(model.fit.seats == 12)
    }
}

@Suite struct SeatsModelTrendAndCarryOverTests {
    @Test func seatsThatStandInForEachOtherAreDrawnToTheTotalsSpread() {
        // Two seats used in turn, 100 credits a month between them: the total never moves, but
        // drawing each seat's months on its own spreads it wide. The months strayed 0 from the
        // model's line, so the draws are drawn to (d·0 + k₀σ₀²)/(d + k₀) = 2·0.25²/(6 + 2).
        let seats = [
            Fixtures.seat("a", (0..<8).map { $0.isMultiple(of: 2) ? 100 : 0 }),
            Fixtures.seat("b", (0..<8).map { $0.isMultiple(of: 2) ? 0 : 100 }),
        ]
        let turns = SeatsUsageModel(workspace: WorkspaceHistory(name: "turns", seats: seats), monthCount: 8, horizon: 3)
        #expect(turns.fit.smoothing == 0)
        #expect(turns.fit.resamplingLogVariance == 0.015625)
        #expect(turns.fit.commonFactorSigma == 0.125)
        // A month without usage has no log to measure a stray by: nothing is drawn in.
        let idle = seats.map { Fixtures.seat($0.id, Array($0.usage.prefix(7)) + [0]) }
        let quiet = SeatsUsageModel(workspace: WorkspaceHistory(name: "quiet", seats: idle), monthCount: 8, horizon: 3)
        #expect(quiet.fit.resamplingLogVariance > 0.1)
    }

    @Test func aShortHistorysSlopeIsWeighedAsPossiblyPartOfASeason() throws {
        // Six months rising 3% a month, forecast on its own: no season could be measured, so the
        // slope's variance gains the six-month alias (0.029²) and the flat prior (±0.5% a month)
        // keeps about 3% of the slope instead of nearly all of it.
        let workspace = Fixtures.workspace("young", (0..<6).map { Int((1_000 * exp(0.03 * Double($0))).rounded()) })
        let trend = TrendEstimate(workspace: workspace, monthCount: 6)
        let variance = try #require(trend.slopeVariance)
        let alias = trend.seasonAliasVariance(amplitude: SeatsModelParameters.standard.unseenSeasonAmplitude)
        let flat = TrendPrior.standalone(.standard)
        let young = SeatsUsageModel(workspace: workspace, monthCount: 6, horizon: 3)
        #expect(young.fit.slope == flat.posterior(slope: trend.slope, variance: variance + alias).slope)
        #expect(young.fit.slope > 0 && young.fit.slope < 0.002)
        // A portfolio that measured its season and found none keeps the slope's own variance.
        let measured = PortfolioPrior(
            trend: flat,
            seasonality: SeasonalProfile(effects: Array(repeating: 0, count: 12), firstMonth: Month("2024-01")!, workspaces: 2),
            factorSigma: 0.25)
        let seen = SeatsUsageModel(workspace: workspace, monthCount: 6, horizon: 3, prior: measured)
        #expect(seen.fit.slope == flat.posterior(slope: trend.slope, variance: variance).slope)
        #expect(seen.fit.slope > 0.025)
    }

    @Test func aStandaloneWorkspaceKeepsAClearTrendAndDropsMostOfANoisyOne() {
        // On its own, a workspace's slope is weighed against a flat prior of ±0.5% a month: the
        // slopes that noise makes on 8 flat seats are cut to a small part of themselves…
        for seed in UInt64(1)...20 {
            let workspace = Fixtures.syntheticWorkspace(name: "flat", seats: 8, months: 12, level: 2_000, seed: seed)
            let fit = SeatsUsageModel(workspace: workspace, monthCount: 12, horizon: 6).fit
            let trend = TrendEstimate(workspace: workspace, monthCount: 12)
            let prior = SeatsModelParameters.standard.trendPriorSigma
            let keep = prior * prior / (prior * prior + trend.slopeVariance!)
            #expect(abs(fit.slope - keep * fit.rawSlope) < 1e-12)
            #expect(abs(fit.slope) < 0.5 * abs(fit.rawSlope) + 1e-12)
        }
        // …while a clear trend, 4% a month on 30 seats, is kept almost whole.
        let growing = Fixtures.syntheticWorkspace(name: "growing", seats: 30, months: 24, level: 1_500, growth: 1.04, seed: 21)
        let fit = SeatsUsageModel(workspace: growing, monthCount: 24, horizon: 6).fit
        #expect(fit.slope > 0.8 * fit.rawSlope)
    }

    @Test func aPersistentDepartureCarriesIntoTheNextMonths() {
        // Eight seats at 1,000 a month for a year, then a busy spell: 1,500 for the last three
        // months. The departures from the flat line persist, so the next month is forecast near
        // the new level and later months drift back toward the year's level.
        let seats = (0..<8).map { index in
            Fixtures.seat("s\(index)", (0..<15).map { month in (month < 12 ? 1_000 : 1_500) + (index * 37 + month * 53) % 40 })
        }
        let workspace = WorkspaceHistory(name: "team", seats: seats)
        // A prior that allows no trend: only the carry-over moves the level. The carry-over is
        // the model's without a local level (which would take this level shift instead).
        let flat = PortfolioPrior(trend: TrendPrior(mean: 0, sigma: 0), seasonality: .none, factorSigma: 0.25)
        var parameters = SeatsModelParameters.standard
        parameters.localLevel = false
        let model = SeatsUsageModel(workspace: workspace, monthCount: 15, horizon: 6, parameters: parameters, prior: flat)
        #expect(model.fit.slope == 0)
        #expect(model.fit.persistence > 0.3)
        #expect(model.fit.lastMonthGap > 0.1)
        let withoutCarry = SeatsUsageModel(
            workspace: workspace, monthCount: 15, horizon: 6,
            parameters: {
                var p = parameters
                p.maxPersistence = 0
                return p
            }(), prior: flat
        )
        func medians(_ model: SeatsUsageModel) -> [Int] {
            let trials = 2_000
            let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 6)
            defer { usage.deallocate() }
            var columns = [[Int]](repeating: [], count: 6)
            for trial in 0..<trials {
                var generator = Xoshiro256StarStar(seed: 1, stream: 7, trial: UInt64(trial))
                model.drawTrial(into: usage, using: &generator)
                for month in 0..<6 { columns[month].append(usage[month]) }
            }
            return columns.map { Percentiles(nearestRankOf: $0).p50 }
        }
        let carried = medians(model)
        let plain = medians(withoutCarry)
        #expect(carried[0] > plain[0] + 500, "carried \(carried[0]) vs \(plain[0])")
        // The lift fades: month 6 is closer to the plain forecast than month 1 is.
        #expect(carried[5] - plain[5] < carried[0] - plain[0])
    }

    /// The medians and P10–P90 bands of `trials` trials of `model`, month by month.
    static func bands(_ model: SeatsUsageModel, months: Int, trials: Int = 2_000) -> [(p10: Int, p50: Int, p90: Int)] {
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: months)
        defer { usage.deallocate() }
        var columns = [[Int]](repeating: [], count: months)
        for trial in 0..<trials {
            var generator = Xoshiro256StarStar(seed: 1, stream: 7, trial: UInt64(trial))
            model.drawTrial(into: usage, using: &generator)
            for month in 0..<months { columns[month].append(usage[month]) }
        }
        return columns.map { column in
            let percentiles = Percentiles(nearestRankOf: column)
            return (percentiles.p10, percentiles.p50, percentiles.p90)
        }
    }

    @Test func aLevelThatMovedIsForecastFromWhereItStands() throws {
        // The same busy spell as above with the default model: the local level follows it, so
        // the forecast starts at the new level and stays there rather than drifting back.
        let seats = (0..<8).map { index in
            Fixtures.seat("s\(index)", (0..<15).map { month in (month < 12 ? 1_000 : 1_500) + (index * 37 + month * 53) % 40 })
        }
        let workspace = WorkspaceHistory(name: "team", seats: seats)
        let flat = PortfolioPrior(trend: TrendPrior(mean: 0, sigma: 0), seasonality: .none, factorSigma: 0.25)
        let model = SeatsUsageModel(workspace: workspace, monthCount: 15, horizon: 6, prior: flat)
        let wandering = try #require(model.wanderingFit)
        // The busy spell leaves the fixed level's one-step errors far above the wandering one's:
        // all but about one trial in a hundred draw the wandering level.
        #expect(model.wanderingWeight > 0.98, "\(model.wanderingWeight)")
        #expect(wandering.smoothing == 0.95)
        #expect(wandering.persistence == 0)
        #expect(wandering.levelGap > 0.2, "\(wandering.levelGap)")
        let bands = Self.bands(model, months: 6)
        // Eight seats at about 1,500: every month's median within 5% of 12,000, none fading back
        // toward 8,000.
        for (month, band) in bands.enumerated() {
            #expect(abs(Double(band.p50) / 12_000 - 1) < 0.05, "month \(month + 1): \(band)")
        }
        // The level walks, so the band widens with the horizon.
        #expect(bands[5].p90 - bands[5].p10 > bands[0].p90 - bands[0].p10)
    }

    @Test func aSmoothClimbIsNotResampledAsNoise() throws {
        // Four seats climbing 1% a month for three years without noise (a smooth, persistent
        // series). Resampling their months would spread the forecast over the whole climb; the
        // local level starts from the last month and keeps the band narrow.
        let seats = (0..<4).map { index in
            Fixtures.seat("s\(index)", (0..<36).map { month in Int((Double(1_000 + 100 * index) * pow(1.01, Double(month))).rounded()) })
        }
        let workspace = WorkspaceHistory(name: "climb", seats: seats)
        let model = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 6)
        var plain = SeatsModelParameters.standard
        plain.localLevel = false
        let resampled = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 6, parameters: plain)
        let wandering = try #require(model.wanderingFit)
        #expect(model.wanderingWeight > 0.9999, "\(model.wanderingWeight)")
        #expect(wandering.smoothing == 0.55)
        #expect(wandering.commonFactorSigma == 0)
        #expect(resampled.wanderingFit == nil)
        let bands = Self.bands(model, months: 6)
        let wide = Self.bands(resampled, months: 6)
        // The last month totals 6,517; the next would be 6,582. The median comes within 1% (the
        // slope of log(usage + ε) is a little below the climb's 1%).
        #expect(seats.reduce(0) { $0 + $1.usage[35] } == 6_517)
        #expect(abs(Double(bands[0].p50) / 6_582 - 1) < 0.01, "\(bands[0])")
        // The band is a tenth of a percent wide where resampling spreads over 10%.
        #expect(Double(bands[0].p90 - bands[0].p10) < 0.001 * Double(bands[0].p50), "\(bands[0])")
        #expect(Double(wide[0].p90 - wide[0].p10) > 0.1 * Double(wide[0].p50), "\(wide[0])")
        #expect(bands[5].p90 - bands[5].p10 > bands[0].p90 - bands[0].p10)
    }

    @Test func theSlopesLeverIsTheAgeOfTheLevelTheForecastStartsFrom() {
        // A fixed level: the seat draws' recency-weighted mean age. Equal weights over five
        // months: (4 + 3 + 2 + 1 + 0)/5. A half-life of one month weighs age 1 by ½: (½·1)/(1 + ½).
        #expect(SeatsUsageModel.slopeLever(months: 5, local: nil, halfLife: nil) == 2)
        #expect(SeatsUsageModel.slopeLever(months: 2, local: nil, halfLife: 1) == 1.0 / 3)
        // A local level: the smoothed level of the ages. A random walk (α = 1) stands at the last
        // month, age 0. With α = ½ over ages 1, 0: ℓ₋₁ = ½, ℓ₀ = ½ + ½·(1 − ½) = ¾,
        // ℓ₁ = ¾ + ½·(0 − ¾) = ⅜.
        #expect(SeatsUsageModel.slopeLever(months: 4, local: LocalLevel(logs: [1, 2, 3, 4], smoothing: 1), halfLife: 24) == 0)
        #expect(SeatsUsageModel.slopeLever(months: 2, local: LocalLevel(logs: [1, 2], smoothing: 0.5), halfLife: 24) == 0.375)
        #expect(SeatsUsageModel.slopeLever(months: 0, local: nil, halfLife: 24) == 0)
    }

}
