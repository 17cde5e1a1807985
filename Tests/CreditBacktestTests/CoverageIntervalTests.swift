import CreditBacktest
import Testing

@Suite struct CoverageIntervalTests {
    /// Wilson's interval for `share` on `n` forecasts with multiplier `z`, written out.
    static func wilson(_ share: Double, n: Double, z: Double) -> (Double, Double) {
        let z2n = z * z / n
        let centre = (share + z2n / 2) / (1 + z2n)
        let half = z * (share * (1 - share) / n + z * z / (4 * n * n)).squareRoot() / (1 + z2n)
        return (max(0, centre - half), min(1, centre + half))
    }

    @Test func workspacesThatMissTogetherWidenTheInterval() throws {
        // Four workspaces, 5, 6, 3 and 6 of 6 inside: p = 20/24 = 5/6. Departures kₘ − p·nₘ are
        // 0, 1, −2, 1, so the sandwich variance is 4/3·6/24² = 1/72 and the binomial one
        // (5/6)(1/6)/24 = 5/864: a design effect of 2.4, n = 24/2.4 = 10, and t₀.₉₅(3) = 2.353363.
        let interval = try #require(CoverageInterval(inside: [5, 6, 3, 6], counts: [6, 6, 6, 6]))
        let (lower, upper) = Self.wilson(5.0 / 6, n: 10, z: 2.353363)
        #expect(interval.coverage == 20.0 / 24)
        #expect(abs(interval.lower - lower) < 1e-12 && abs(interval.upper - upper) < 1e-12)
        #expect(abs(interval.lower - 0.462_293_563_338_068_6) < 1e-12)
        #expect(abs(interval.upper - 0.966_753_320_623_467) < 1e-12)
        #expect(interval.workspaces == 4 && interval.contains(0.8) && !interval.contains(0.4))
    }

    @Test func aWorkspaceWithoutForecastsIsLeftOut() {
        #expect(
            CoverageInterval(inside: [5, 6, 0, 3, 6], counts: [6, 6, 0, 6, 6])
                == CoverageInterval(inside: [5, 6, 3, 6], counts: [6, 6, 6, 6]))
    }

    @Test func everyForecastInsideCountsEachWorkspaceOnce() throws {
        // p = 1: both variances are 0, so the design effect is the mean count, 6, and n = 3 with
        // t₀.₉₅(2) = 2.919986: from 1/(1 + t²/3) to 1.
        let interval = try #require(CoverageInterval(inside: [6, 6, 6], counts: [6, 6, 6]))
        #expect(abs(interval.lower - 1 / (1 + 2.919986 * 2.919986 / 3)) < 1e-12)
        #expect(interval.upper == 1)
    }

    @Test func oneForecastPerWorkspaceIsWilsonsIntervalWithStudentsT() throws {
        // The design effect cannot fall below 1 nor rise above the mean count, 1.
        let interval = try #require(CoverageInterval(inside: [1, 0, 1, 1, 1], counts: [1, 1, 1, 1, 1]))
        let (lower, upper) = Self.wilson(0.8, n: 5, z: 2.131847)
        #expect(abs(interval.lower - lower) < 1e-12 && abs(interval.upper - upper) < 1e-12)
    }

    @Test func aShareOfAForecastCountsAsItsPart() throws {
        // 2.5 of 3 and 1 of 2: p = 0.7; the sandwich variance 2·(0.4² + 0.4²)/25 = 0.0256 is
        // below the binomial 0.21/5 = 0.042, so the design effect is 1 and n = 5, t₀.₉₅(1).
        let interval = try #require(CoverageInterval(inside: [2.5, 1], counts: [3, 2]))
        let (lower, upper) = Self.wilson(0.7, n: 5, z: 6.313752)
        #expect(abs(interval.lower - lower) < 1e-12 && abs(interval.upper - upper) < 1e-12)
    }

    @Test func oneWorkspaceGivesNoInterval() {
        #expect(CoverageInterval(inside: [15], counts: [21]) == nil)
        #expect(CoverageInterval(inside: [15, 0], counts: [21, 0]) == nil)
        #expect(CoverageInterval(inside: [], counts: []) == nil)
    }
}
