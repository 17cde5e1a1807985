import CreditCore
import CreditTestSupport
import Foundation
import Testing

@testable import CreditForecast

/// The calendar replay's share, its leave-one-out CRPS against exact values worked by hand, its
/// draws' recency weights, and what it does to a forecast of usage that comes in a season.
@Suite struct CalendarReplayTests {
    /// Two calendar months of two values each, `{0, 2}` and `{10, 14}`. Leaving out each month
    /// in turn, by hand (`A = E|X − x|`, `B = E|X − X′|`, `F_c` the other value of its calendar
    /// month, `F_a` the other three):
    ///
    /// | left out | A_c | A_a | B_cc | B_ca | B_aa |
    /// | --- | --- | --- | --- | --- | --- |
    /// | 0 | 2 | 26/3 | 0 | 20/3 | 16/3 |
    /// | 2 | 2 | 22/3 | 0 | 8 | 56/9 |
    /// | 10 | 4 | 22/3 | 0 | 26/3 | 56/9 |
    /// | 14 | 4 | 10 | 0 | 6 | 40/9 |
    ///
    /// so `q₀ = Σ(A_a − B_aa/2) = 200/9`, `q₁ = Σ(A_c − A_a − B_ca + B_aa) = −256/9`,
    /// `q₂ = Σ(B_ca − (B_cc + B_aa)/2) = 164/9`, and `π = −q₁/(2q₂) = 32/41`.
    @Test func theShareMinimisesTheLeaveOneOutCRPSWorkedByHand() {
        let values: [Double] = [0, 2, 10, 14]
        let months = [0, 0, 1, 1]
        let q = CalendarReplay.sum(CalendarReplay.leaveOneOutTerms(values, calendarMonths: months))
        #expect(abs(q.constant - 200.0 / 9) < 1e-12)
        #expect(abs(q.linear + 256.0 / 9) < 1e-12)
        #expect(abs(q.quadratic - 164.0 / 9) < 1e-12)
        // At π = 1 only each month's calendar neighbour forecasts it: |0−2| + |2−0| + |10−14| + |14−10|.
        #expect(abs(q.constant + q.linear + q.quadratic - 12) < 1e-12)
        #expect(abs(CalendarReplay.share(values, calendarMonths: months) - 32.0 / 41) < 1e-12)
    }

    /// The quadratic is the CRPS of the mixture itself: summed over the months left out, at any
    /// share, from the definition `E|X − x| − ½E|X − X′|` over the mixture's weighted atoms.
    @Test func theQuadraticIsTheMixturesCRPSAtEveryShare() {
        let values: [Double] = [0, 40, 0, 310, 25, 0, 0, 55, 0, 280, 10, 0, 5, 60, 0, 190]
        let months = values.indices.map { $0 % 4 }
        let q = CalendarReplay.sum(CalendarReplay.leaveOneOutTerms(values, calendarMonths: months))
        for share in stride(from: 0.0, through: 1.0, by: 0.125) {
            var total = 0.0
            for t in values.indices {
                let own = values.indices.filter { $0 != t && months[$0] == months[t] }
                let all = values.indices.filter { $0 != t }
                var atoms: [(value: Double, weight: Double)] = own.map { (values[$0], share / Double(own.count)) }
                atoms += all.map { (values[$0], (1 - share) / Double(all.count)) }
                let toActual = atoms.reduce(0) { $0 + $1.weight * abs($1.value - values[t]) }
                var spread = 0.0
                for a in atoms { for b in atoms { spread += a.weight * b.weight * abs(a.value - b.value) } }
                total += toActual - spread / 2
            }
            #expect(abs(q.constant + q.linear * share + q.quadratic * share * share - total) < 1e-9, "share \(share)")
        }
    }

    /// One calendar month of three agrees with itself (`{1, 1}`), the others do not (`{5, 9}`,
    /// `{3, 7}`): the best share is 3/7, but the six months' gains over no replay, −1.62 twice and
    /// 0.35, −0.41, 0.74, 0.49, average −0.34 with a standard error of 0.43, so it is chance.
    @Test func aShareWhoseGainIsWithinChanceIsNotKept() {
        let values: [Double] = [1, 1, 5, 9, 3, 7]
        let months = [0, 0, 1, 1, 2, 2]
        let terms = CalendarReplay.leaveOneOutTerms(values, calendarMonths: months)
        #expect(abs(CalendarReplay.minimiser(CalendarReplay.sum(terms)) - 3.0 / 7) < 1e-12)
        #expect(!CalendarReplay.gainIsBeyondChance(terms, share: 3.0 / 7))
        #expect(CalendarReplay.share(values, calendarMonths: months) == 0)
        // The hand-worked months above do clear it: gains −3.81, −2.57, −1.13, −3.60 (mean −2.78,
        // standard error 0.61).
        let clear = CalendarReplay.leaveOneOutTerms([0, 2, 10, 14], calendarMonths: [0, 0, 1, 1])
        #expect(CalendarReplay.gainIsBeyondChance(clear, share: 32.0 / 41))
    }

    /// The summed distances from the sorted values equal the pairs summed one by one, ties and
    /// repeats included.
    @Test func theDistanceSumsAreThePairsSummed() {
        let values: [Double] = [4, 0, 4, 17.5, 2, 9, 0, 4, 1e6, 3.25]
        let sums = CalendarReplay.distanceSums(values)
        for (i, value) in values.enumerated() {
            #expect(sums[i] == values.reduce(0) { $0 + abs($1 - value) }, "value \(i)")
        }
        #expect(CalendarReplay.distanceSums([]).isEmpty)
        #expect(CalendarReplay.distanceSums([7]) == [0])
    }

    @Test func monthsThatFollowTheCalendarExactlyAreAllReplayedAndExchangeableOnesNever() {
        #expect(abs(CalendarReplay.share([5, 5, 9, 9, 0, 0], calendarMonths: [0, 0, 1, 1, 2, 2]) - 1) < 1e-12)
        #expect(CalendarReplay.share([7, 7, 7, 7], calendarMonths: [0, 0, 1, 1]) == 0)
        // The same two values in every calendar month: the calendar says nothing, and the month's
        // calendar neighbour is always the other value.
        #expect(CalendarReplay.share([1, 1, 1, 1, 4, 4, 4, 4], calendarMonths: [0, 1, 2, 3, 0, 1, 2, 3]) == 0)
    }

    /// A replayed month draws its calendar month's past values by recency: with a half-life of 24
    /// months, last year's weighs `√2` times the year before's, so the older value takes
    /// uniforms below `1/(1 + √2)`.
    @Test func aReplayedMonthDrawsItsCalendarMonthByRecency() throws {
        let usage = (0..<24).map { (($0 % 12) + 1) * 100 + ($0 / 12) * 10 }
        let workspace = WorkspaceHistory(name: "team", seats: [Fixtures.seat("s", usage)])
        let replay = try #require(CalendarReplay(workspace: workspace, monthCount: 24, slope: 0, season: .none, halfLife: 24))
        #expect(replay.share > 0.9)
        let boundary = 1 / (1 + 2.0.squareRoot())
        #expect(replay.value(month: 0, uniform: boundary - 1e-9) == 100)
        #expect(replay.value(month: 0, uniform: boundary + 1e-9) == 110)
        #expect(replay.value(month: 13, uniform: 0.999) == 210)
        // A year and a half is not two of every calendar month.
        #expect(
            CalendarReplay(
                workspace: WorkspaceHistory(name: "t", seats: [Fixtures.seat("s", Array(usage.prefix(23)))]),
                monthCount: 23, slope: 0, season: .none, halfLife: 24) == nil)
    }

    /// Two seats idle from January to June and busy from July to December (unevenly), three
    /// years alike. Without a measured season the idle and busy half-years read as a wandering
    /// level (`α` 0.9) until the workspace's own season is taken out, which leaves the level
    /// fixed; the replay then carries the season, its share below 1 only because the slope
    /// (0.15% a month) brings each year's months apart. With the default parameters every idle
    /// month of the forecast is idle and every busy one busy; without the replay, January's
    /// median was 1,332 and its P95 4,209.
    /// A workspace of two seats that both used `usage` over 36 months: the seats model's fit under
    /// `parameters`, and the months of its 12-month forecast of 2,000 trials.
    static func twoSeatForecast(
        _ usage: [Int], parameters: SeatsModelParameters = .standard
    ) throws -> (fit: SeatsModelFit, months: [MonthForecast]) {
        let workspace = WorkspaceHistory(name: "team", seats: [Fixtures.seat("a", usage), Fixtures.seat("b", usage)])
        let model = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 12, parameters: parameters)
        let run = try Fixtures.run(
            Fixtures.history([workspace]),
            settings: ForecastSettings(horizon: 12, trials: 2_000, model: .seats, seatsParameters: parameters))
        return (model.fit, run.workspaces[0].months)
    }

    @Test func usageThatComesInASeasonIsForecastInItsSeasonOnly() throws {
        let busy = [300, 700, 200, 900, 400, 600]
        let usage = (0..<36).map { $0 % 12 < 6 ? 0 : busy[$0 % 12 - 6] }
        let (fit, months) = try Self.twoSeatForecast(usage)
        #expect(fit.smoothing == 0)
        #expect(fit.replayShare > 0.99, "\(fit)")
        for month in months.prefix(6) { #expect(month.usage.p95 == 0, "\(month.month): \(month.usage)") }
        for month in months.suffix(6) { #expect(month.usage.p5 > 0, "\(month.month): \(month.usage)") }

        var plain = SeatsModelParameters.standard
        plain.calendarReplay = false
        #expect(try Self.twoSeatForecast(usage, parameters: plain).months[0].usage.p95 > 0)
    }

    @Test func aWorkspaceIdleInTheSameMonthsEveryYearKeepsThemIdleAndItsBusyMonthsWhole() throws {
        // Exactly 0 from January to June and 400 a seat from July to December, three years. A
        // season measured on the logs of its idle months (the offset's) was once read as its own
        // season under a local level, and its idle months were forecast 11 credits (P95). An idle
        // month fixes the level, and the replay carries the season.
        let (fit, months) = try Self.twoSeatForecast((0..<36).map { $0 % 12 < 6 ? 0 : 400 })
        #expect(fit.smoothing == 0)
        #expect(fit.replayShare > 0.98, "\(fit)")
        for month in months.prefix(6) { #expect(month.usage.p95 == 0, "\(month.month): \(month.usage)") }
        for month in months.suffix(6) { #expect(abs(Double(month.usage.p50) / 800 - 1) < 0.05, "\(month.month): \(month.usage)") }
    }

    @Test func theCarryOverReadsTheMonthsAboutTheOwnSeasonTheReplayCarries() throws {
        // Three years of one yearly pattern (a summer 55% above the winter) with ±3% noise: the
        // level is fixed, the own season measured, and the replay carries it. The carry-over's
        // persistence is then that of the departures about the own season (ρ̂ 0.52, shrunk by
        // 36/42), not of those about no season, where the pattern itself persists (ρ̂ 0.75).
        let pattern = [100, 90, 105, 110, 120, 135, 150, 155, 140, 120, 105, 110]
        var state: UInt64 = 42
        let usage = (0..<36).map { month -> Int in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let uniform = Double(state >> 11) / Double(1 << 53) * 2 - 1
            return Int((Double(pattern[month % 12] * 10) * (1 + 0.03 * uniform)).rounded())
        }
        let workspace = WorkspaceHistory(name: "team", seats: [Fixtures.seat("a", usage), Fixtures.seat("b", usage)])
        let fit = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 12).fit
        #expect(fit.smoothing == 0)
        #expect(fit.replayShare > 0.9, "\(fit)")
        let plain = TrendEstimate(workspace: workspace, monthCount: 36)
        let ownSeason = TrendEstimate(
            workspace: workspace, monthCount: 36, seasonality: SeasonalProfile.none.addingOwnSeason(of: plain).profile)
        let aboutOwn = SeatsUsageModel.departurePersistence(ownSeason, slope: fit.slope)
        let aboutNone = SeatsUsageModel.departurePersistence(plain, slope: fit.slope)
        #expect(abs(aboutOwn - 0.525) < 0.001 && abs(aboutNone - 0.753) < 0.001, "\(aboutOwn) \(aboutNone)")
        #expect(fit.persistence == aboutOwn * 36 / 42)
    }
}
