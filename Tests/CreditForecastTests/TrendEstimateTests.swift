import CreditCore
import CreditTestSupport
import Foundation
import Testing

@testable import CreditForecast

@Suite struct TrendEstimateTests {
    /// Two seats at 60 credits a month for four months, and a third that joins in month 2 at 30.
    static let joinedSmall = WorkspaceHistory(
        name: "team",
        seats: [
            Fixtures.seat("a", [60, 60, 60, 60]), Fixtures.seat("b", [60, 60, 60, 60]),
            Fixtures.seat("c", firstOffset: 2, [0, 0, 30, 30]),
        ])

    @Test func aSeatWeighsItsUsageOverTheAverageSeatsInItsOwnMonths() {
        // The average seat counted: 60 in months 0–1, (60 + 60 + 30)/3 = 50 in months 2–3.
        // r_a = r_b = 240/(60 + 60 + 50 + 50) = 12/11 and r_c = 60/(50 + 50) = 3/5, mean 51/55,
        // so w_a = w_b = 20/17 and w_c = 11/17, adding up to the three seats of the last month.
        let weights = TrendEstimate.seatWeights(workspace: Self.joinedSmall, monthCount: 4)
        let expected = [20.0 / 17, 20.0 / 17, 11.0 / 17]
        #expect(zip(weights, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(weights)")
    }

    @Test func aSeatThatJoinsSmallIsNotReadAsUsageFallingPerSeat() throws {
        // Usage per weighted seat: 120/(40/17) = 51 in months 0–1 and 150/3 = 50 in months 2–3
        // (counted one each, 60 then 50: a fall of a sixth). ε = max(1, 0.05 × 50.5) = 2.525, and
        // with y = A, A, B, B and d = B − A the least-squares slope is 2d/Sₜₜ = 0.4d (Sₜₜ = 5),
        // the residuals 0.1d, −0.3d, 0.3d, −0.1d and their variance 0.2d²/(n − 2) = 0.1d².
        let trend = TrendEstimate(workspace: Self.joinedSmall, monthCount: 4)
        let d = log((50 + 0.05 * 50.5) / (51 + 0.05 * 50.5))
        #expect(trend.months == 4)
        #expect(abs(trend.meanPerSeatTotal - 50.5) < 1e-12)
        #expect(abs(trend.slope - 0.4 * d) < 1e-12)
        let residual = try #require(trend.residualVariance)
        #expect(abs(residual - 0.1 * d * d) < 1e-15)
    }

    @Test func seatsAlikeIdleOrNotYetThereWeighAsTheRuleSays() {
        // Seats that use alike each weigh one seat, however much they use.
        let alike = WorkspaceHistory(name: "alike", seats: [Fixtures.seat("a", [5, 7, 9]), Fixtures.seat("b", [5, 7, 9])])
        #expect(TrendEstimate.seatWeights(workspace: alike, monthCount: 3) == [1, 1])
        // Nothing used: every seat with months weighs one; a seat whose first month is past the
        // months fitted (an as-of month before it joined) weighs nothing.
        let idle = WorkspaceHistory(
            name: "idle", seats: [Fixtures.seat("a", [0, 0, 0]), Fixtures.seat("b", firstOffset: 2, [0, 0, 4])])
        #expect(TrendEstimate.seatWeights(workspace: idle, monthCount: 2) == [1, 0])
        // A seat that never used anything beside one that did weighs nothing.
        let unused = WorkspaceHistory(name: "unused", seats: [Fixtures.seat("a", [4, 4]), Fixtures.seat("b", [0, 0])])
        #expect(TrendEstimate.seatWeights(workspace: unused, monthCount: 2) == [2, 0])
    }

    @Test func anUnseenSeasonAddsItsExactAliasToTheSlopesVariance() {
        // (A²/2)·|Σ wₜ e^{iωt}|², ω = π/6. Two months: w = (−1, 1), |e^{iω} − 1|² = 2 − 2cos ω = 2 − √3.
        // Three: w = (−½, 0, ½), |e^{2iω} − 1|²/4 = (2 − 2cos 2ω)/4 = ¼, so the alias is A²/8.
        let amplitude = 0.1
        let half = amplitude * amplitude / 2
        #expect(abs(TrendEstimate.seasonAliasVariance(months: 2, amplitude: amplitude) - half * (2 - 3.0.squareRoot())) < 1e-16)
        #expect(abs(TrendEstimate.seasonAliasVariance(months: 3, amplitude: amplitude) - amplitude * amplitude / 8) < 1e-16)
        // A line through half a year takes most of a season's slope, one through eleven months less.
        #expect(abs(TrendEstimate.seasonAliasVariance(months: 6, amplitude: amplitude).squareRoot() - 0.029) < 0.0005)
        #expect(abs(TrendEstimate.seasonAliasVariance(months: 11, amplitude: amplitude).squareRoot() - 0.0144) < 0.0005)
        // Nothing to alias: one month, no season, or a year and more (every calendar month seen).
        #expect(TrendEstimate.seasonAliasVariance(months: 1, amplitude: amplitude) == 0)
        #expect(TrendEstimate.seasonAliasVariance(months: 6, amplitude: 0) == 0)
        #expect(TrendEstimate.seasonAliasVariance(months: 12, amplitude: amplitude) == 0)
        #expect(TrendEstimate.seasonAliasVariance(months: 24, amplitude: amplitude) == 0)
        #expect(
            TrendEstimate(workspace: Self.joinedSmall, monthCount: 4).seasonAliasVariance(amplitude: amplitude)
                == TrendEstimate.seasonAliasVariance(months: 4, amplitude: amplitude))
    }
}
