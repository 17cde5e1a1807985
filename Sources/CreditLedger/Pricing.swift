import CreditCore

/// The vendor's prices and pool rules: plans, cap, packages, pay-as-you-go.
///
/// Everything here is data. `Pricing.standard` holds the published defaults; a pricing file
/// (`Pricing(yaml:)`) overrides any of them.
public struct Pricing: Hashable, Sendable {
    /// The plans, in the order they are listed.
    public var plans: [Plan]
    /// The cap, in months of the workspace's accrual, unless a workspace carries its own cap.
    public var capMonths: Int
    /// When the cap applies.
    public var capTiming: CapTiming
    /// How many months a purchased lot stays usable; 0 means it never expires.
    public var packageExpiryMonths: Int
    /// The pay-as-you-go price of one credit.
    public var payAsYouGoPrice: UnitPrice
    /// The annual packages on offer, smallest first.
    public var packages: [CreditPackage]

    /// Pricing with the given values.
    public init(
        plans: [Plan], capMonths: Int, capTiming: CapTiming, packageExpiryMonths: Int,
        payAsYouGoPrice: UnitPrice, packages: [CreditPackage]
    ) {
        self.plans = plans
        self.capMonths = capMonths
        self.capTiming = capTiming
        self.packageExpiryMonths = packageExpiryMonths
        self.payAsYouGoPrice = payAsYouGoPrice
        self.packages = packages.sorted { $0.credits < $1.credits }
    }

    /// The vendor's published prices with creditcast's documented defaults where it is silent.
    public static let standard = Pricing(
        plans: [
            Plan(name: "launch", monthlyAllowance: 2_000),
            Plan(name: "growth", monthlyAllowance: 3_000),
            Plan(name: "pro", monthlyAllowance: 4_000),
        ],
        capMonths: 5,
        capTiming: .accrual,
        packageExpiryMonths: 12,
        payAsYouGoPrice: UnitPrice(micros: 35_000),
        packages: [
            CreditPackage(credits: 100_000, price: Money(units: 2_500)),
            CreditPackage(credits: 250_000, price: Money(units: 5_500)),
            CreditPackage(credits: 500_000, price: Money(units: 10_000)),
            CreditPackage(credits: 1_000_000, price: Money(units: 15_000)),
        ]
    )

    /// The plan called `name`, matched case-insensitively.
    public func plan(named name: String) throws(PricingError) -> Plan {
        let key = name.lowercased()
        guard let plan = plans.first(where: { $0.name == key }) else {
            throw .unknownPlan(name, known: plans.map(\.name))
        }
        return plan
    }

    /// The package of exactly `credits` credits.
    public func package(ofCredits credits: Int) throws(PricingError) -> CreditPackage {
        guard let package = packages.first(where: { $0.credits == credits }) else {
            throw .unknownPackage(credits, known: packages.map(\.credits))
        }
        return package
    }
}
