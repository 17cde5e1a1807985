import CreditCore
import CreditForecast
import CreditLedger

/// The purchase strategies a renewal compares, made from the pricing's packages, so a new
/// package size needs no code.
public enum RenewalStrategies {
    /// In order: `payg` (pay-as-you-go only); `upfront-N` for each package, smallest first;
    /// `upfront-2xN` for two of the smallest package when they cost less than the next size;
    /// `auto-N` for each package (bought whenever credits run short).
    public static func all(for pricing: Pricing) -> [ForecastEngine.PurchaseStrategy] {
        let packages = pricing.packages
        var strategies = [ForecastEngine.PurchaseStrategy(name: "payg")]
        strategies += packages.map { .init(name: "upfront-\($0.credits)", upfront: [$0]) }
        if packages.count >= 2, packages[0].price * 2 < packages[1].price {
            strategies.append(.init(name: "upfront-2x\(packages[0].credits)", upfront: [packages[0], packages[0]]))
        }
        strategies += packages.map { .init(name: "auto-\($0.credits)", autoPurchase: $0) }
        return strategies
    }
}
