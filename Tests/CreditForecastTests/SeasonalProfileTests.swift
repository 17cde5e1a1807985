import CreditCore
import CreditTestSupport
import Foundation
import Testing

@testable import CreditForecast

@Suite struct SeasonalProfileTests {
    /// `workspaces` workspaces of 6 seats over `months` months from April 2024, whose seats use
    /// 1,000 credits times `exp(effect(calendar month))` times lognormal noise (log-sd `noise`).
    static func portfolio(workspaces: Int, months: Int, noise: Double, effect: (Int) -> Double) -> UsageHistory {
        portfolio(workspaces: workspaces, months: months, noise: noise, first: Month(year: 2024, month: 4)!, seed: 17) {
            effect(SeasonalProfile.calendarMonth(of: $0))
        }
    }

    /// `workspaces` workspaces of 6 seats over `months` months from `first`, whose seats use
    /// 1,000 credits times `exp(logEffect(month))` times lognormal noise (log-sd `noise`) drawn
    /// from `seed`.
    static func portfolio(
        workspaces: Int, months: Int, noise: Double, first: Month, seed: UInt64, logEffect: (Month) -> Double
    ) -> UsageHistory {
        var generator = Xoshiro256StarStar(seed: seed)
        let histories = (0..<workspaces).map { index in
            WorkspaceHistory(
                name: "ws\(index)",
                seats: (0..<6).map { seat in
                    SeatHistory(
                        id: "s\(seat)", firstOffset: 0,
                        usage: (0..<months).map { offset in
                            let (draw, _) = generator.nextNormalPair()
                            return Int((1_000 * exp(logEffect(first.advanced(by: offset)) + noise * draw)).rounded())
                        })
                })
        }
        return UsageHistory(
            workspaces: histories, firstMonth: first, lastMonth: first.advanced(by: months - 1),
            hasWorkspaceColumn: true
        )
    }

    /// The median of each of the `horizon` forecast months over 2,000 trials of `model`.
    static func medians(_ model: SeatsUsageModel, horizon: Int) -> [Double] {
        let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: horizon)
        defer { usage.deallocate() }
        var columns = [[Int]](repeating: [], count: horizon)
        for trial in 0..<2_000 {
            var generator = Xoshiro256StarStar(seed: 3, stream: 1, trial: UInt64(trial))
            model.drawTrial(into: usage, using: &generator)
            for month in 0..<horizon { columns[month].append(usage[month]) }
        }
        return columns.map { Double(Percentiles(nearestRankOf: $0).p50) }
    }

    /// `(max − min)/mean` of `values`.
    static func relativeRange(_ values: [Double]) -> Double {
        (values.max()! - values.min()!) / (values.reduce(0, +) / Double(values.count))
    }

    static func trends(_ history: UsageHistory) -> [TrendEstimate] {
        history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount) }
    }

    @Test func aSharedYearlyPatternIsRecoveredByCalendarMonth() {
        // A quiet August (−20%) and a busy March (+15%), the rest flat; 20 months from April 2024.
        let truth: [Double] = [0, 0, 0.15, 0, 0, 0, 0, -0.2, 0, 0, 0, 0]
        let history = Self.portfolio(workspaces: 60, months: 20, noise: 0.2) { truth[$0] }
        let profile = SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth)
        #expect(profile.workspaces == 60)
        #expect(profile.firstCalendarMonth == 3)
        // Centred: the truth less its mean.
        let centre = truth.reduce(0, +) / 12
        for month in 0..<12 {
            #expect(abs(profile.effects[month] - (truth[month] - centre)) < 0.04, "calendar month \(month + 1)")
        }
        // Offset 4 of a history from April is August; offset 11 is March.
        #expect(profile.effect(atOffset: 4) == profile.effects[7])
        #expect(profile.effect(atOffset: 11) == profile.effects[2])
        #expect(profile.effect(atOffset: 16) == profile.effect(atOffset: 4))
    }

    @Test func aPatternEveryWorkspaceSharesExactlyIsKeptWhole() {
        // Two workspaces with the same year: their departures from their lines agree month by
        // month, so they spread by nothing about their calendar months' means, the noise is 0,
        // and each effect is that month's departure (centred). Measured about the line instead,
        // the noise would have been the pattern's own spread, and every effect shrunk.
        let pattern = [900, 1_000, 1_300, 1_200, 1_100, 1_000, 800, 700, 1_000, 1_100, 1_200, 1_500]
        let history = Fixtures.history([Fixtures.workspace("a", pattern), Fixtures.workspace("b", pattern)])
        let trends = Self.trends(history)
        let profile = SeasonalProfile.estimate(from: trends, firstMonth: history.firstMonth)
        let departures = trends[0].residuals
        let centre = departures.reduce(0, +) / 12
        #expect(profile.workspaces == 2 && profile.firstCalendarMonth == 0)
        for month in 0..<12 {
            #expect(abs(profile.effects[month] - (departures[month] - centre)) < 1e-15, "calendar month \(month + 1)")
        }
        #expect(profile.effects.max() == profile.effects[11] && profile.effects.min() == profile.effects[7])
    }

    @Test func noPatternBeyondTheNoiseGivesLittleOrNoSeasonality() {
        let history = Self.portfolio(workspaces: 60, months: 20, noise: 0.2) { _ in 0 }
        let profile = SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth)
        #expect(profile.effects.allSatisfy { abs($0) < 0.01 }, "\(profile.effects)")
        // Measured all the same: sixty workspaces had a year to show a season in.
        #expect(profile.isMeasured && profile.workspaces == 60)
    }

    @Test func noPatternAtAllIsMeasuredAsNoneByItsWorkspaces() {
        // Every month alike: no departure from the lines, so no signal, but a measured "none".
        let history = Self.portfolio(workspaces: 3, months: 14, noise: 0) { _ in 0 }
        let profile = SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth)
        #expect(profile.isNone)
        #expect(profile.isMeasured)
        #expect(profile.workspaces == 3)
        #expect(profile != .none)
        #expect(!SeasonalProfile.none.isMeasured)
    }

    @Test func aSingleWorkspaceGivesNone() {
        // Even with a strong season, one workspace's two years cannot tell it from busy months.
        let history = Self.portfolio(workspaces: 1, months: 24, noise: 0.05) { $0 == 7 ? -0.3 : 0 }
        #expect(SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth) == .none)
        let two = Self.portfolio(workspaces: 2, months: 24, noise: 0.05) { $0 == 7 ? -0.3 : 0 }
        #expect(SeasonalProfile.estimate(from: Self.trends(two), firstMonth: two.firstMonth).effects[7] < -0.15)
    }

    @Test func lessThanAYearOfHistoryGivesNone() {
        // A quiet August (31 days) reads as months quieter for their days: no month length either.
        let history = Self.portfolio(workspaces: 60, months: 11, noise: 0.2) { $0 == 7 ? -0.3 : 0 }
        #expect(SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth) == .none)
        #expect(!SeasonalProfile.estimate(from: Self.trends(history), firstMonth: history.firstMonth).isMeasured)
    }

    @Test func theSeatsModelForecastsTheQuietMonthLower() throws {
        // With the portfolio's prior, the seats model's August is about 20% below the months
        // around it; standalone, it is not.
        let truth: [Double] = [0, 0, 0, 0, 0, 0, 0, -0.2, 0, 0, 0, 0]
        let history = Self.portfolio(workspaces: 40, months: 24, noise: 0.15) { truth[$0] }
        let prior = PortfolioPrior.estimate(from: history, parameters: .standard)
        #expect(abs(prior.trend.mean) < 0.003)
        func medians(_ prior: PortfolioPrior) -> [Double] {
            let model = SeatsUsageModel(workspace: history.workspaces[0], monthCount: 24, horizon: 12, prior: prior)
            let usage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 12)
            defer { usage.deallocate() }
            var columns = [[Int]](repeating: [], count: 12)
            for trial in 0..<2_000 {
                var generator = Xoshiro256StarStar(seed: 3, stream: 1, trial: UInt64(trial))
                model.drawTrial(into: usage, using: &generator)
                for month in 0..<12 { columns[month].append(usage[month]) }
            }
            return columns.map { Double(Percentiles(nearestRankOf: $0).p50) }
        }
        // The history runs April 2024 to March 2026; forecast month 5 is August 2026.
        let seasonal = medians(prior)
        let august = seasonal[4] / ((seasonal[3] + seasonal[5]) / 2)
        #expect(abs(august - exp(-0.2)) < 0.05, "August over its neighbours: \(august)")
        let standalone = medians(.standalone(.standard))
        let flat = standalone[4] / ((standalone[3] + standalone[5]) / 2)
        #expect(abs(flat - 1) < 0.05, "standalone: \(flat)")
    }

    @Test func aWorkspacesOwnExactPatternIsAddedWhole() {
        // Three years of a pattern that repeats exactly: the centred 12-month average is flat, so
        // the departures are the pattern itself, their spread is 0 and nothing is shrunk. Each
        // effect is that calendar month's log less the year's mean log.
        let pattern = [900, 1_000, 1_300, 1_200, 1_100, 1_000, 800, 700, 1_000, 1_100, 1_200, 1_500]
        let workspace = Fixtures.workspace("own", (0..<36).map { pattern[$0 % 12] })
        let trend = TrendEstimate(workspace: workspace, monthCount: 36)
        let own = SeasonalProfile.none.addingOwnSeason(of: trend)
        let epsilon = 0.05 * Double(pattern.reduce(0, +)) / 12
        let logs = pattern.map { log(Double($0) + epsilon) }
        let mean = logs.reduce(0, +) / 12
        for month in 0..<12 {
            #expect(abs(own.profile.effects[month] - (logs[month] - mean)) < 1e-12, "slot \(month)")
            #expect(own.variances[month] < 1e-20)
        }
        // Added to a portfolio's profile, not in place of it.
        let portfolio = SeasonalProfile(
            effects: Array(repeating: 0.1, count: 6) + Array(repeating: -0.1, count: 6), firstMonth: Month("2024-01")!, workspaces: 5)
        let adjusted = TrendEstimate(workspace: workspace, monthCount: 36, seasonality: portfolio)
        let both = portfolio.addingOwnSeason(of: adjusted).profile
        #expect(both.workspaces == 5)
        for month in 0..<12 {
            #expect(abs(both.effects[month] - (logs[month] - mean)) < 1e-12, "slot \(month)")
        }
    }

    @Test func twoYearsAreTooFewForAnOwnPattern() {
        let pattern = [900, 1_000, 1_300, 1_200, 1_100, 1_000, 800, 700, 1_000, 1_100, 1_200, 1_500]
        let workspace = Fixtures.workspace("own", (0..<24).map { pattern[$0 % 12] })
        let own = SeasonalProfile.none.addingOwnSeason(of: TrendEstimate(workspace: workspace, monthCount: 24))
        #expect(own.profile == .none)
        #expect(own.variances == Array(repeating: 0, count: 12))
    }

    @Test func anOwnPatternMeasuredWithNoiseKeepsItsEstimationError() {
        // A December peak of +0.5 and lognormal noise (log-sd 0.1) over four years: the peak is
        // kept, shrunk a little, and its remaining error ν·V/(V + ν) is what the forecast adds.
        var generator = Xoshiro256StarStar(seed: 11)
        let usage = (0..<48).map { month -> Int in
            let (draw, _) = generator.nextNormalPair()
            return Int((1_000 * exp((month % 12 == 11 ? 0.5 : 0) + 0.1 * draw)).rounded())
        }
        let trend = TrendEstimate(workspace: Fixtures.workspace("peak", usage), monthCount: 48)
        let own = SeasonalProfile.none.addingOwnSeason(of: trend)
        #expect(own.profile.effects[11] > 0.35 && own.profile.effects[11] < 0.55, "\(own.profile.effects)")
        // Three departures a calendar month (the moving average spends six at each end), noise
        // about 0.1²/3 each, shrunk by V/(V + ν) < 1.
        for month in 0..<12 {
            #expect(own.variances[month] > 0 && own.variances[month] < 0.01, "slot \(month): \(own.variances[month])")
        }
    }

    @Test func theSharedErrorIsTheYearsSpreadOfTheWorkspacesMeanDeparture() {
        // January (months 0 and 12) has the workspaces' mean departures 0.1 and 0.3, February
        // (1 and 13) 0.0 and 0.2, March (2) one year only. Pooled over the months seen twice,
        // s² = (0.01 + 0.01 + 0.01 + 0.01)/(1 + 1) = 0.02, so ν′ = 0.02/2 = 0.01 for January and
        // February and 0.02 for a month seen once; with V = 0.01 what remains is
        // ν′·V/(V + ν′): 0.005 and 0.02 × 0.01/0.03.
        let variances = SeasonalProfile.sharedErrorVariances(monthMeans: [0: 0.1, 12: 0.3, 1: 0.0, 13: 0.2, 2: 0.5], signal: 0.01)
        let expected = [0.005, 0.005] + Array(repeating: 0.02 * 0.01 / 0.03, count: 10)
        #expect(zip(variances, expected).allSatisfy { abs($0 - $1) < 1e-15 }, "\(variances)")
        // No month seen in two years, or no profile: nothing to add.
        #expect(SeasonalProfile.sharedErrorVariances(monthMeans: [0: 0.1, 1: 0.3], signal: 0.01) == Array(repeating: 0, count: 12))
        #expect(SeasonalProfile.sharedErrorVariances(monthMeans: [0: 0.1, 12: 0.3], signal: 0) == Array(repeating: 0, count: 12))
    }

    @Test func aShockEveryWorkspaceSharesIsAnErrorOfTheSeasonNotNoise() {
        // Three years of 8 workspaces with a March peak; in the second year every workspace's May
        // is 30% low. The years' spread is pooled over the calendar months, each seen three
        // times here, so every month's effect gets the same error; the shared shock makes it
        // several times what the workspaces' own noise leaves.
        let peak: (Int) -> Double = { $0 == 2 ? 0.5 : 0 }
        func profile(shock: Double) -> SeasonalProfile {
            var history = Self.portfolio(workspaces: 8, months: 36, noise: 0.02, effect: peak)
            // History month 13 is May 2025 (the history starts in April 2024).
            for w in history.workspaces.indices {
                history.workspaces[w].seats = history.workspaces[w].seats.map { seat in
                    var usage = (0..<36).map { seat.usage[$0] }
                    usage[13] = Int((Double(usage[13]) * exp(shock)).rounded())
                    return SeatHistory(id: seat.id, firstOffset: seat.firstOffset, usage: usage)
                }
            }
            return SeasonalProfile.estimate(
                from: history.workspaces.map { TrendEstimate(workspace: $0, monthCount: 36) }, firstMonth: history.firstMonth)
        }
        let shocked = profile(shock: log(0.7))
        let calm = profile(shock: 0)
        #expect(shocked.errorVariances.allSatisfy { abs($0 - shocked.errorVariances[0]) < 1e-15 })
        #expect(calm.errorVariances[4] > 0)
        #expect(shocked.errorVariances[4] > 5 * calm.errorVariances[4], "\(shocked.errorVariances) vs \(calm.errorVariances)")
    }

    /// `workspaces` workspaces of 6 seats over `months` months from January 2012, whose seats use
    /// 1,000 credits times `(W/W̄_c)^elasticity` (the month's weekdays over its calendar month's
    /// mean) times lognormal noise (log-sd `noise`).
    static func weekdayPortfolio(workspaces: Int, months: Int, noise: Double, elasticity: Double) -> UsageHistory {
        portfolio(workspaces: workspaces, months: months, noise: noise, first: Month(year: 2012, month: 1)!, seed: 29) {
            elasticity * WorkingDays.logRatio($0)
        }
    }

    @Test func theWorkingDaysElasticityIsExactWhereMonthsFollowTheirWeekdays() {
        // Three years of month means, each 0.7 × ln(W/W̄_c) plus its calendar month's own level:
        // within each calendar month the level cancels, and the slope is 0.7 with no residual.
        let january = Month("2012-01")!
        let levels = (0..<12).map { 0.05 * Double($0 % 5) - 0.1 }
        let means = Dictionary(
            uniqueKeysWithValues: (0..<36).map { ($0, 0.7 * WorkingDays.logRatio(january.advanced(by: $0)) + levels[$0 % 12]) })
        #expect(abs(SeasonalProfile.workingDayElasticity(monthMeans: means, january: january) - 0.7) < 1e-12)
        // One year sees each calendar month once: nothing to compare.
        let oneYear = means.filter { $0.key < 12 }
        #expect(SeasonalProfile.workingDayElasticity(monthMeans: oneYear, january: january) == 0)
    }

    @Test func anElasticityWithinTwoStandardErrorsIsDropped() {
        // Three Augusts (2012-14: 23, 22 and 21 weekdays) and nothing else. Their means are
        // 0.7·x plus s·r, with r = 1 × x̃ (the cross product), orthogonal to the constant and to
        // the centred x̃: the slope stays 0.7 whatever s, and the one residual degree of freedom
        // holds |s·r|², so the standard error is s·|r|/|x̃| and t = 0.7·|x̃|/(s·|r|).
        let january = Month("2012-01")!
        let keys = [7, 19, 31]
        let x = keys.map { WorkingDays.logRatio(january.advanced(by: $0)) }
        let centre = x.reduce(0, +) / 3
        let centred = x.map { $0 - centre }
        let r = [centred[2] - centred[1], centred[0] - centred[2], centred[1] - centred[0]]
        let length = { (v: [Double]) in v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        func elasticity(t: Double) -> Double {
            let s = 0.7 * length(centred) / (t * length(r))
            let means = Dictionary(uniqueKeysWithValues: (0..<3).map { (keys[$0], 0.7 * x[$0] + s * r[$0]) })
            return SeasonalProfile.workingDayElasticity(monthMeans: means, january: january)
        }
        #expect(abs(elasticity(t: 2.5) - 0.7) < 1e-12)
        #expect(abs(elasticity(t: 2.01) - 0.7) < 1e-12)
        #expect(elasticity(t: 1.99) == 0)
        #expect(elasticity(t: 1) == 0)
    }

    @Test func aPortfolioThatFollowsItsWeekdaysIsForecastByThem() {
        // Usage one for one with the weekdays, 3% noise: the default prior measures an
        // elasticity near 1, no season beside it, and forecasts each month by its weekdays.
        let history = Self.weekdayPortfolio(workspaces: 10, months: 36, noise: 0.03, elasticity: 1)
        let prior = PortfolioPrior.estimate(from: history, parameters: .standard)
        let season = prior.seasonality
        #expect(abs(season.workingDayElasticity - 1) < 0.15, "\(season.workingDayElasticity)")
        #expect(season.effects.allSatisfy { abs($0) < 0.01 }, "\(season.effects)")
        #expect(season.effect(atOffset: 7) == season.effects[7] + season.workingDayElasticity * WorkingDays.logRatio(Month("2012-08")!))
        var off = SeatsModelParameters.standard
        off.workingDays = false
        #expect(PortfolioPrior.estimate(from: history, parameters: off).seasonality.workingDayElasticity == 0)

        // 2015: the forecast's medians over each month's weekday ratio are flat; the medians
        // themselves are not (20 to 23 weekdays).
        let medians = Self.medians(
            SeatsUsageModel(workspace: history.workspaces[0], monthCount: 36, horizon: 12, prior: prior), horizon: 12)
        let ratios = (0..<12).map { exp(WorkingDays.logRatio(Month("2015-01")!.advanced(by: $0))) }
        let adjusted = zip(medians, ratios).map { $0 / $1 }
        #expect(Self.relativeRange(adjusted) < 0.03, "\(adjusted)")
        #expect(Self.relativeRange(medians) > 0.08, "\(medians)")
    }

    @Test func aPortfolioWithoutWeekdaysMeasuresNone() {
        let history = Self.weekdayPortfolio(workspaces: 10, months: 36, noise: 0.03, elasticity: 0)
        #expect(PortfolioPrior.estimate(from: history, parameters: .standard).seasonality.workingDayElasticity == 0)
    }

    /// `z = ln(D/D̄)` of `months` months from `first`, net of the least-squares line through them.
    static func monthLengthsNetOfLine(first: Month, months: Int) -> [Double] {
        let z = (0..<months).map { log(Double(WorkingDays.days(in: first.advanced(by: $0))) / 30.436875) }
        let meanT = Double(months - 1) / 2
        let meanZ = z.reduce(0, +) / Double(months)
        let spread = (0..<months).reduce(0.0) { $0 + (Double($1) - meanT) * (Double($1) - meanT) }
        let slope = (0..<months).reduce(0.0) { $0 + (Double($1) - meanT) * (z[$1] - meanZ) } / spread
        return (0..<months).map { z[$0] - meanZ - slope * (Double($0) - meanT) }
    }

    @Test func theMonthLengthElasticityWeighsEachWorkspaceByItsOwnSpread() {
        // Departures exactly g·z̃: a workspace's residual variance is g²·|z̃|²/(n − 2), so it
        // weighs (n − 2)/g² and brings g·(n − 2)/g² to the sum: γ = Σ(n − 2)/g ÷ Σ(n − 2)/g².
        // Six months with g = 1 and five (from February) with g = 0.5: (4 + 6)/(4 + 12) = 0.625,
        // whose variance is 1/16, t = 2.5.
        let first = Month("2013-01")!
        let a = Self.monthLengthsNetOfLine(first: first, months: 6)
        let b = Self.monthLengthsNetOfLine(first: first.advanced(by: 1), months: 5).map { 0.5 * $0 }
        #expect(abs(SeasonalProfile.monthLengthElasticity(departures: [(0, a), (1, b)], firstMonth: first) - 0.625) < 1e-12)
        // One workspace cannot tell month length from its own busy months; two months are no line.
        #expect(SeasonalProfile.monthLengthElasticity(departures: [(0, a)], firstMonth: first) == 0)
        #expect(SeasonalProfile.monthLengthElasticity(departures: [(0, a), (1, Array(b.prefix(2)))], firstMonth: first) == 0)
        // Bounded: months that seem to follow their days three times over are held at 2, and
        // months quieter for their days are a season's piece, not their length.
        let steep = [(0, a.map { 3 * $0 }), (1, b.map { 6 * $0 })]
        #expect(SeasonalProfile.monthLengthElasticity(departures: steep, firstMonth: first) == 2)
        let inverse = [(0, a.map { -$0 }), (1, b.map { -$0 })]
        #expect(SeasonalProfile.monthLengthElasticity(departures: inverse, firstMonth: first) == 0)
    }

    @Test func aMonthLengthElasticityWithinTwoStandardErrorsIsDropped() {
        // Two workspaces of six months, departures 0.9·z̃ + s·r with r orthogonal to the line and
        // to z̃: the estimate stays 0.9 whatever s, and each workspace's residual variance is
        // (0.81·|z̃|² + s²|r|²)/4, so t² = 0.81 · 2 · 4|z̃|²/(0.81·|z̃|² + s²|r|²).
        let first = Month("2013-01")!
        let z = Self.monthLengthsNetOfLine(first: first, months: 6)
        let dot = { (u: [Double], v: [Double]) in zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
        var r = [1.0, -1, 1, -1, 1, -1]
        for basis in [[Double](repeating: 1, count: 6), (0..<6).map { Double($0) - 2.5 }, z] {
            let share = dot(r, basis) / dot(basis, basis)
            r = zip(r, basis).map { $0 - share * $1 }
        }
        func elasticity(t: Double) -> Double {
            let s = ((0.81 * 8 * dot(z, z) / (t * t) - 0.81 * dot(z, z)) / dot(r, r)).squareRoot()
            let departures = zip(z, r).map { 0.9 * $0 + s * $1 }
            return SeasonalProfile.monthLengthElasticity(departures: [(0, departures), (0, departures)], firstMonth: first)
        }
        #expect(abs(elasticity(t: 2.01) - 0.9) < 1e-12)
        #expect(elasticity(t: 1.99) == 0)
    }

    /// 1,000 credits a seat times `(D/D̄)^elasticity` (the month's days over the mean month's)
    /// times lognormal noise (log-sd `noise`), from January 2013.
    static func monthLengthPortfolio(workspaces: Int, months: Int, noise: Double, elasticity: Double) -> UsageHistory {
        portfolio(workspaces: workspaces, months: months, noise: noise, first: Month(year: 2013, month: 1)!, seed: 31) {
            elasticity * MonthLength.logRatio($0)
        }
    }

    @Test func aYoungPortfolioThatFollowsItsDaysIsForecastByThem() {
        // Eight months of usage one for one with the days, 2% noise: no season can be measured,
        // and the default prior measures the month length instead. Its elasticity is that of
        // `ln(T + ε)`, `ε` 5% of the mean: about 1/1.05.
        let history = Self.monthLengthPortfolio(workspaces: 10, months: 8, noise: 0.02, elasticity: 1)
        let prior = PortfolioPrior.estimate(from: history, parameters: .standard)
        let season = prior.seasonality
        #expect(!season.isMeasured && season.effects.allSatisfy { $0 == 0 })
        #expect(abs(season.monthLengthElasticity - 0.95) < 0.1, "\(season.monthLengthElasticity)")
        #expect(season.effect(atOffset: 1) == season.monthLengthElasticity * log(28 / 30.436875))
        var off = SeatsModelParameters.standard
        off.monthLength = false
        #expect(PortfolioPrior.estimate(from: history, parameters: off).seasonality.isNone)

        // September 2013 to April 2014: the medians over each month's days are flat; the
        // medians themselves are not (February 2014 has 28 days).
        let medians = Self.medians(SeatsUsageModel(workspace: history.workspaces[0], monthCount: 8, horizon: 8, prior: prior), horizon: 8)
        let days = (0..<8).map { Double(WorkingDays.days(in: Month("2013-09")!.advanced(by: $0))) }
        #expect(Self.relativeRange(zip(medians, days).map { $0 / $1 }) < 0.03, "\(medians)")
        #expect(Self.relativeRange(medians) > 0.07, "\(medians)")
    }

    @Test func theMonthLengthIsLeftToAMeasuredSeasonOrWhereMonthsAreIdle() {
        // Two years of the same usage: the season is measured and holds February's shortness.
        let years = Self.monthLengthPortfolio(workspaces: 10, months: 24, noise: 0.02, elasticity: 1)
        let season = PortfolioPrior.estimate(from: years, parameters: .standard).seasonality
        #expect(season.isMeasured && season.monthLengthElasticity == 0)
        #expect(season.effects[1] < -0.05, "\(season.effects)")
        // An idle month (every seat at 0 in March) leaves a workspace out: its log is the
        // offset's, not a measure of the month.
        let young = Self.monthLengthPortfolio(workspaces: 10, months: 8, noise: 0.02, elasticity: 1)
        let idle = UsageHistory(
            workspaces: young.workspaces.map { workspace in
                WorkspaceHistory(
                    name: workspace.name,
                    seats: workspace.seats.map { seat in
                        var usage = Array(seat.usage)
                        usage[2] = 0
                        return SeatHistory(id: seat.id, firstOffset: seat.firstOffset, usage: usage)
                    })
            }, firstMonth: young.firstMonth, lastMonth: young.lastMonth, hasWorkspaceColumn: true)
        #expect(PortfolioPrior.estimate(from: idle, parameters: .standard).seasonality.isNone)
    }
}
