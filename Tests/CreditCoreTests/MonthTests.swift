import CreditCore
import Testing

@Suite struct MonthTests {
    @Test func parsesAndPrintsISO() {
        #expect(Month("2026-04") == Month(year: 2026, month: 4))
        #expect(Month(year: 2026, month: 4)?.description == "2026-04")
        #expect(Month("2026-13") == nil)
        #expect(Month("2026-4") == nil)
        #expect(Month("abcd-01") == nil)
    }

    @Test func arithmeticCrossesYears() {
        let november = Month(year: 2026, month: 11)!
        #expect(november.advanced(by: 3) == Month(year: 2027, month: 2))
        #expect(november.distance(to: Month(year: 2027, month: 11)!) == 12)
        #expect(Array(november...november.advanced(by: 2)).map(\.description) == ["2026-11", "2026-12", "2027-01"])
    }
}

@Suite struct MoneyTests {
    @Test func printsPlainAndForPeople() {
        #expect(Money(cents: 250_000).description == "2500.00")
        #expect(Money(cents: 250_000).formatted == "$2,500.00")
        #expect(Money(cents: -35).description == "-0.35")
        #expect(Money(cents: 5).formatted == "$0.05")
    }

    @Test func parsesExactDecimals() {
        #expect(Money(decimal: "2500") == Money(cents: 250_000))
        #expect(Money(decimal: "6999.99") == Money(cents: 699_999))
        #expect(Money(decimal: "0.005") == nil)
        #expect(Money(decimal: "1e3") == nil)
    }

    @Test func groupsThousands() {
        #expect(150_000.groupedThousands == "150,000")
        #expect(999.groupedThousands == "999")
        #expect((-1_234_567).groupedThousands == "-1,234,567")
    }
}

@Suite struct UnitPriceTests {
    @Test func parsesAndPrintsExactly() {
        #expect(UnitPrice(decimal: "0.035") == UnitPrice(micros: 35_000))
        #expect(UnitPrice(decimal: "0.035")?.description == "0.035")
        #expect(UnitPrice(decimal: "2")?.description == "2")
        #expect(UnitPrice(decimal: "0.0000001") == nil)
        #expect(UnitPrice(decimal: "-1") == nil)
        #expect(UnitPrice(decimal: "99999999999999999999") == nil)
    }

    @Test func costRoundsHalfUpToTheCent() {
        let payAsYouGo = UnitPrice(micros: 35_000)
        #expect(payAsYouGo.cost(ofCredits: 10_000) == Money(cents: 35_000))
        #expect(payAsYouGo.cost(ofCredits: 1) == Money(cents: 4))
        #expect(payAsYouGo.cost(ofCredits: 0) == .zero)
        #expect(UnitPrice(micros: 1).cost(ofCredits: 4_999) == .zero)
        #expect(UnitPrice(micros: 1).cost(ofCredits: 5_000) == Money(cents: 1))
    }

    @Test func costIsTheSameEitherSideOfSixtyFourBitProducts() {
        // Around 2⁶³, where the product and its rounding half-cent stop fitting in 64 bits and
        // the cost is formed in 128.
        let cases: [(micros: Int, credits: Int)] = [
            (1, Int.max - 5_000), (1, Int.max - 4_999), (1, Int.max),
            (100_000_000, Int.max / 100_000_000), (100_000_000, Int.max / 100_000_000 + 1),
            (35_000, 1_000_000_000_000), (35_000, -7),
        ]
        for (micros, credits) in cases {
            let cents = Int((Int128(credits) * Int128(micros) + 5_000) / 10_000)
            #expect(UnitPrice(micros: micros).cost(ofCredits: credits) == Money(cents: cents), "\(credits) × \(micros)")
        }
    }
}

@Suite struct StableHashTests {
    @Test func matchesPublishedFNV1aVectors() {
        // Test vectors from the FNV reference: "" and "a".
        #expect(StableHash.of("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.of("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash().hex == "cbf29ce484222325")
    }
}
