import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import Testing

@Suite struct InputFingerprintTests {
    @Test func fieldsAreLengthPrefixedFNV1a() {
        var empty = InputFingerprint()
        #expect(empty.hex == "cbf29ce484222325")
        // FNV-1a of the bytes `7:horizon2:12`.
        empty.field("horizon", 12)
        #expect(empty.hex == "0eca80e4fc8ec0c8")
        // Fields cannot run into each other: `ab` + `c` is not `a` + `bc`.
        var one = InputFingerprint()
        one.field("ab", "c")
        var other = InputFingerprint()
        other.field("a", "bc")
        #expect(one.hex != other.hex)
        var none = InputFingerprint()
        none.field("plan", String?.none)
        var named = InputFingerprint()
        named.field("plan", "none")
        #expect(none.hex == named.hex)
    }

    @Test func everySettingChangesTheHash() {
        func hex(_ body: (inout InputFingerprint) -> Void) -> String {
            var fingerprint = InputFingerprint()
            body(&fingerprint)
            return fingerprint.hex
        }
        let rules = PurchaseRules(pricing: .standard)
        let base = hex {
            $0.pricing(.standard)
            $0.rules(rules)
        }
        var cheaper = Pricing.standard
        cheaper.plans[0].monthlyAllowance += 1
        #expect(
            hex {
                $0.pricing(cheaper)
                $0.rules(rules)
            } != base)
        var priced = Pricing.standard
        priced.plans[1].seatPrice = Money(units: 45)
        var dearer = priced
        dearer.plans[1].seatPrice = Money(cents: 4_501)
        #expect(Set([priced, dearer, .standard].map { pricing in hex { $0.pricing(pricing) } }).count == 3)
        var bought = rules
        bought.autoPurchase = Pricing.standard.packages.first
        #expect(
            hex {
                $0.pricing(.standard)
                $0.rules(bought)
            } != base)
        let month = Month(year: 2027, month: 1)!
        let grow = [Scenario(name: "grow", changes: [.init(from: month, seats: .add(5))])]
        let set = [Scenario(name: "grow", changes: [.init(from: month, seats: .set(5))])]
        #expect(hex { $0.scenarios(grow) } != hex { $0.scenarios(set) })
        var damped = SeatsModelParameters.standard
        damped.trendDamping /= 2
        #expect(hex { $0.seatsParameters(.standard) } != hex { $0.seatsParameters(damped) })
    }

    /// The fingerprint names each property of these types; one added to them must be added
    /// there too (or said not to change a figure), so their property counts are pinned here.
    @Test func everyPropertyOfAFingerprintedTypeIsAccountedFor() {
        let month = Month(year: 2027, month: 1)!
        let counts = [
            Mirror(reflecting: Pricing.standard).children.count,
            Mirror(reflecting: PurchaseRules(pricing: .standard)).children.count,
            Mirror(reflecting: Pricing.standard.plans[0]).children.count,
            Mirror(reflecting: CreditPackage(credits: 1, price: Money(cents: 1))).children.count,
            Mirror(reflecting: PoolResolver.Overrides()).children.count,
            Mirror(reflecting: Scenario(name: "a", changes: [])).children.count,
            Mirror(reflecting: ScenarioChange(from: month)).children.count,
            Mirror(reflecting: WatchlistThresholds(shortfallProbability: 0.3, capProbability: 0.5, windowMonths: 3)).children.count,
            Mirror(reflecting: SeatsModelParameters.standard).children.count,
        ]
        #expect(counts == [6, 4, 3, 2, 5, 2, 5, 3, 20])
    }
}
