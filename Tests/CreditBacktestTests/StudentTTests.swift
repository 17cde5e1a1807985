import CreditBacktest
import Foundation
import Testing

@Suite struct StudentTTests {
    @Test func theTableGivesTheExactValuesToSixDecimals() {
        // In closed form: t₀.₉₅(1) = tan(0.45π) (the Cauchy distribution) and
        // t₀.₉₅(2) = (2p − 1)·√(2/(4p(1 − p))) with p = 0.95.
        #expect(StudentT.quantile95(freedom: 1) == 6.313752)
        #expect(abs(StudentT.quantile95(freedom: 1) - tan(0.45 * Double.pi)) < 1e-6)
        #expect(abs(StudentT.quantile95(freedom: 2) - 0.9 * (2 / 0.19).squareRoot()) < 1e-6)
        #expect(StudentT.quantile95(freedom: 5) == 2.015048)
        #expect(StudentT.quantile95(freedom: 30) == 1.697261)
    }

    @Test func theExpansionHoldsTheExactValuesBeyondTheTable() {
        // The exact quantiles (scipy.stats.t.ppf(0.95, ν)).
        let exact: [(Int, Double)] = [
            (31, 1.695_518_782_545_864_9), (40, 1.683_851_013_335_652), (60, 1.670_648_864_904_636_3),
            (120, 1.657_650_899_355_235_2), (1_000, 1.646_378_817_285_464_3),
        ]
        for (freedom, value) in exact { #expect(abs(StudentT.quantile95(freedom: freedom) - value) < 1e-6, "ν = \(freedom)") }
        // It tends to the normal's, from above by about (z³ + z)/4ν.
        #expect(abs(StudentT.quantile95(freedom: 10_000_000) - StudentT.normalQuantile95) < 1e-6)
    }

    @Test func itFallsWithTheDegreesOfFreedom() {
        let values = (1...200).map { StudentT.quantile95(freedom: $0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
        #expect(values.last! > StudentT.normalQuantile95)
    }
}
