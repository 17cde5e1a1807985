import CreditCore
import Foundation
import Testing

@testable import CreditLedger

@Suite struct PricingTests {
    @Test func bundledSampleMatchesTheBuiltInDefaults() throws {
        let url = try #require(Bundle.module.url(forResource: "pricing", withExtension: "yaml", subdirectory: "Fixtures"))
        #expect(try Pricing(contentsOfFile: url.path) == Pricing.standard)
    }

    @Test func overridesOnlyWhatTheFileSays() throws {
        let pricing = try Pricing(yaml: "pay_as_you_go: 0.04\ncap_timing: close\nplans:\n  team: 2500\n", file: "p.yaml")
        #expect(pricing.payAsYouGoPrice == UnitPrice(micros: 40_000))
        #expect(pricing.capTiming == .close)
        #expect(pricing.plans == [Plan(name: "team", monthlyAllowance: 2_500)])
        #expect(pricing.packages == Pricing.standard.packages)
        #expect(pricing.capMonths == 5)
    }

    @Test func pricesAreExactDecimals() throws {
        let pricing = try Pricing(yaml: "packages:\n  - {credits: 300000, price: 6999.99}\n", file: "p.yaml")
        #expect(pricing.packages == [CreditPackage(credits: 300_000, price: Money(cents: 699_999))])
    }

    @Test func unknownKeyNamesItsLine() {
        #expect(
            throws: PricingError.invalid(
                file: "p.yaml", line: 2,
                message:
                    "unknown key \"cap_month\"; expected plans, packages, pay_as_you_go, cap_months, cap_timing or package_expiry_months")
        ) {
            try Pricing(yaml: "cap_months: 5\ncap_month: 6\n", file: "p.yaml")
        }
    }

    @Test func everyPlanAndPackageIsListedOnceWithANameAndKnownKeys() {
        func problem(_ yaml: String) -> PricingError? {
            do {
                _ = try Pricing(yaml: yaml, file: "p.yaml")
                return nil
            } catch {
                return error
            }
        }
        #expect(
            problem("plans:\n  growth: 3000\n  Growth: 4000\n")
                == .invalid(file: "p.yaml", line: 3, message: "plan \"Growth\" is listed twice (first on line 2); plan names ignore case"))
        #expect(
            problem("plans:\n  Caf\u{E9}: 3000\n  cafe\u{301}: 4000\n")
                == .invalid(file: "p.yaml", line: 3, message: "plan \"café\" is listed twice (first on line 2); plan names ignore case"))
        #expect(problem("plans:\n  \"\": 3000\n") == .invalid(file: "p.yaml", line: 2, message: "a plan needs a name, e.g. growth: 3000"))
        #expect(problem("plans:\n  \" \": 3000\n") == .invalid(file: "p.yaml", line: 2, message: "a plan needs a name, e.g. growth: 3000"))
        #expect(
            problem("packages:\n  - {credits: 100000, price: 2500}\n  - {credits: 100_000, price: 2400}\n")
                == .invalid(file: "p.yaml", line: 3, message: "a package of 100,000 credits is listed twice (first on line 2)"))
        #expect(
            problem("packages:\n  - credits: 100000\n    price: 2500\n    expiry: 12\n")
                == .invalid(file: "p.yaml", line: 4, message: "unknown key \"expiry\" in a package; a package has credits and price"))
        #expect(
            problem("cap_timing: close\nplans:\n  pro: 1\n\u{202E}x: 1\n")
                == .invalid(
                    file: "p.yaml", line: 4,
                    message:
                        "unknown key \"\\u{202E}x\"; expected plans, packages, pay_as_you_go, cap_months, cap_timing or package_expiry_months"
                ))
    }

    @Test func aPlanMayCarryASeatPriceBesideTheAllowanceAlone() throws {
        let pricing = try Pricing(
            yaml: "plans:\n  launch: 2000\n  growth: {credits: 3000, seat_price: 45}\n  pro:\n    credits: 4_000\n    seat_price: 59.99\n"
                + "  team: {credits: 2500}\n",
            file: "p.yaml")
        #expect(
            pricing.plans == [
                Plan(name: "launch", monthlyAllowance: 2_000), Plan(name: "growth", monthlyAllowance: 3_000, seatPrice: Money(units: 45)),
                Plan(name: "pro", monthlyAllowance: 4_000, seatPrice: Money(cents: 5_999)), Plan(name: "team", monthlyAllowance: 2_500),
            ])
        #expect(Pricing.standard.plans.allSatisfy { $0.seatPrice == nil })
        // A free seat is a known price, not a missing one.
        #expect(try Pricing(yaml: "plans:\n  free: {credits: 100, seat_price: 0}\n", file: "p.yaml").plans[0].seatPrice == .zero)
    }

    @Test func aBadPlanFormNamesItsLine() {
        func problem(_ yaml: String) -> PricingError? {
            do {
                _ = try Pricing(yaml: yaml, file: "p.yaml")
                return nil
            } catch {
                return error
            }
        }
        #expect(
            problem("plans:\n  growth: {credits: 3000, seat_prize: 45}\n")
                == .invalid(
                    file: "p.yaml", line: 2,
                    message:
                        "unknown key \"seat_prize\" in plan \"growth\"; a plan has credits and seat_price; did you mean \"seat_price\"?"))
        #expect(
            problem("plans:\n  growth: {credits: 3000, colour: red}\n")
                == .invalid(
                    file: "p.yaml", line: 2, message: "unknown key \"colour\" in plan \"growth\"; a plan has credits and seat_price"))
        #expect(
            problem("plans:\n  growth:\n    seat_price: 45\n")
                == .invalid(
                    file: "p.yaml", line: 3,
                    message: "plan \"growth\" needs credits, its monthly allowance per seat, e.g. {credits: 3000, seat_price: 45}"))
        #expect(
            problem("plans:\n  growth: {credits: 3000, seat_price: 45.001}\n")
                == .invalid(
                    file: "p.yaml", line: 2,
                    message: "a seat_price must be the price of one seat for a month, such as 45 or 45.50, at most $10,000.00"))
        #expect(
            problem("plans:\n  growth: {credits: 3000, seat_price: -1}\n")
                == .invalid(
                    file: "p.yaml", line: 2,
                    message: "a seat_price must be the price of one seat for a month, such as 45 or 45.50, at most $10,000.00"))
        #expect(
            problem("plans:\n  growth:\n    credits: 3000\n    seat_price: 10000.01\n")
                == .invalid(
                    file: "p.yaml", line: 4,
                    message: "a seat_price must be the price of one seat for a month, such as 45 or 45.50, at most $10,000.00"))
        #expect(
            problem("plans:\n  growth: {credits: lots, seat_price: 45}\n")
                == .invalid(file: "p.yaml", line: 2, message: "a plan's allowance must be a whole number from 0 to 100,000"))
        #expect(
            problem("plans:\n  growth:\n    - 3000\n")
                == .invalid(
                    file: "p.yaml", line: 3,
                    message:
                        "plan \"growth\" must be its monthly allowance per seat (growth: 3000) or credits and seat_price ({credits: 3000, seat_price: 45})"
                ))
    }

    @Test func badPriceNamesItsLine() {
        #expect(
            throws: PricingError.invalid(
                file: "p.yaml", line: 1, message: "pay_as_you_go must be a price per credit such as 0.035 (at most 6 decimals, at most 100)"
            )
        ) {
            try Pricing(yaml: "pay_as_you_go: cheap\n", file: "p.yaml")
        }
    }

    @Test func unknownPlanListsTheKnownOnes() {
        #expect(throws: PricingError.unknownPlan("Enterprise", known: ["launch", "growth", "pro"])) {
            try Pricing.standard.plan(named: "Enterprise")
        }
        #expect(
            PricingError.unknownPlan("Enterprise", known: ["launch", "growth", "pro"]).description
                == "unknown plan \"Enterprise\"; the pricing lists launch, growth, pro")
        #expect(
            PricingError.unknownPlan("grwoth", known: ["launch", "growth", "pro"]).description
                == "unknown plan \"grwoth\"; the pricing lists launch, growth, pro; did you mean \"growth\"?")
    }
}

@Suite struct PricingLimitTests {
    @Test func pricesThatCouldOverflowAreRefusedWithTheirLine() throws {
        #expect(
            throws: PricingError.invalid(
                file: "p.yaml", line: 2, message: "pay_as_you_go must be a price per credit such as 0.035 (at most 6 decimals, at most 100)"
            )
        ) {
            try Pricing(yaml: "cap_months: 5\npay_as_you_go: 100000\n", file: "p.yaml")
        }
        #expect(throws: PricingError.invalid(file: "p.yaml", line: 1, message: "cap_months must be a whole number from 1 to 24")) {
            try Pricing(yaml: "cap_months: 9223372036854775807\n", file: "p.yaml")
        }
        #expect(
            throws: PricingError.invalid(
                file: "p.yaml", line: 2, message: "package credits must be a whole number from 1,000 to 1,000,000,000,000")
        ) {
            try Pricing(yaml: "packages:\n  - {credits: 1, price: 1}\n", file: "p.yaml")
        }
        // A billion packages of 1,000 credits at $1,000,000 cost 10¹⁷ cents in a month: 250 such
        // trials of a forecast's block summed past 64 bits and trapped.
        #expect(
            throws: PricingError.invalid(
                file: "p.yaml", line: 3, message: "a package price must be an amount such as 2500 or 2500.00, at most $100,000.00")
        ) {
            try Pricing(yaml: "packages:\n  - credits: 1000\n    price: 1000000\n", file: "p.yaml")
        }
        let allowed = try Pricing(yaml: "packages:\n  - {credits: 1000, price: 100000}\n", file: "p.yaml")
        #expect(allowed.packages.count == 1)
    }

    @Test func theLargestBillFitsToTheCent() {
        // A trillion credits at the largest price: 10^20 micro-dollars, past 64 bits, is 10^16 cents.
        let price = UnitPrice(micros: PricingLimits.payAsYouGoMicros)
        #expect(price.cost(ofCredits: 1_000_000_000_000) == Money(cents: 10_000_000_000_000_000))
    }
}
