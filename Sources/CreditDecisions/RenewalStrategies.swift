import CreditCore
import CreditForecast
import CreditLedger

/// The purchase strategies a renewal compares, made from the pricing's packages and the
/// workspace's need, so a new package size needs no code.
public enum RenewalStrategies {
    /// The most packages bought up front in one strategy: the search's stated bound.
    public static let maximumPackagesUpfront = 12

    /// The strategies searched for a year that needs `need`, in order: `payg` (pay-as-you-go
    /// only); each up-front combination alone, fewest credits first; `auto-N` for each package
    /// (bought whenever credits run short), smallest first; then each up-front combination with
    /// each auto-purchase. Ties in a recommendation go to the earlier, so a combination must
    /// cost less than a simpler strategy to be chosen.
    ///
    /// The up-front combinations are multisets of the pricing's packages (at most
    /// `maximumPackagesUpfront` of them) that are the cheapest way to hold their credits (no
    /// other combination holds as many or more for less), holding fewer credits than the largest
    /// need of any trial, and the cheapest combination that covers that need: buying more
    /// than that only adds credits no trial uses.
    public static func search(for pricing: Pricing, need: RenewalNeed) -> [PurchaseStrategy] {
        let packages = pricing.packages
        let combinations = upfrontCombinations(of: packages, largestNeed: need.largestExtra).filter { !$0.isEmpty }
        var strategies = [PurchaseStrategy(name: "payg")]
        strategies += combinations.map { .init(name: name(upfront: $0, auto: nil), upfront: $0) }
        strategies += packages.map { .init(name: name(upfront: [], auto: $0), autoPurchase: $0) }
        for combination in combinations {
            strategies += packages.map { .init(name: name(upfront: combination, auto: $0), upfront: combination, autoPurchase: $0) }
        }
        return strategies
    }

    /// The strategies of one package at a time: `payg`, `upfront-N` for each package, `auto-N`
    /// for each package; what a plan without combinations could choose from.
    public static func singles(for pricing: Pricing) -> [PurchaseStrategy] {
        let packages = pricing.packages
        return [PurchaseStrategy(name: "payg")]
            + packages.map { .init(name: name(upfront: [$0], auto: nil), upfront: [$0]) }
            + packages.map { .init(name: name(upfront: [], auto: $0), autoPurchase: $0) }
    }

    /// A strategy's name: `upfront-` and the packages bought up front, largest first, repeats
    /// counted (`upfront-2x1000000+500000`), then `auto-N` for the auto-purchase; `payg` for neither.
    public static func name(upfront: [CreditPackage], auto: CreditPackage?) -> String {
        var parts: [String] = []
        var sizes: [(credits: Int, count: Int)] = []
        for package in upfront.sorted(by: { $0.credits > $1.credits }) {
            if sizes.last?.credits == package.credits { sizes[sizes.count - 1].count += 1 } else { sizes.append((package.credits, 1)) }
        }
        if !sizes.isEmpty {
            parts.append("upfront-" + sizes.map { $0.count == 1 ? "\($0.credits)" : "\($0.count)x\($0.credits)" }.joined(separator: "+"))
        }
        if let auto { parts.append("auto-\(auto.credits)") }
        return parts.isEmpty ? "payg" : parts.joined(separator: "+")
    }

    /// The up-front combinations searched (see `search`), fewest credits first, the empty one
    /// first of all. Grown one package at a time and cut back to the cheapest combinations after
    /// each step, so the search stays small whatever the need.
    static func upfrontCombinations(of packages: [CreditPackage], largestNeed: Int) -> [[CreditPackage]] {
        var kept: [[CreditPackage]] = [[]]
        var grown: [[CreditPackage]] = [[]]
        for _ in 0..<maximumPackagesUpfront {
            // Only combinations short of the need grow: one that covers it needs no more.
            let next = grown.filter { credits($0) < largestNeed }.flatMap { combination in
                // Packages in the pricing's order, never before the combination's last, so each multiset is made once.
                let from = combination.last.flatMap { last in packages.firstIndex(of: last) } ?? 0
                return packages[from...].map { combination + [$0] }
            }
            if next.isEmpty { break }
            kept = cheapest(kept + next, largestNeed: largestNeed)
            grown = next.filter { candidate in kept.contains(candidate) }
        }
        return kept
    }

    /// The combinations no other holds as many credits or more for less (an equal price with
    /// more credits also wins), of those short of `largestNeed`, and the cheapest covering it.
    static func cheapest(_ combinations: [[CreditPackage]], largestNeed: Int) -> [[CreditPackage]] {
        let ordered = combinations.sorted { lhs, rhs in
            let (left, right) = ((credits(lhs), price(lhs), lhs.count), (credits(rhs), price(rhs), rhs.count))
            return left.0 != right.0 ? left.0 > right.0 : (left.1, left.2) < (right.1, right.2)
        }
        var kept: [[CreditPackage]] = []
        var lowest: Money?
        for combination in ordered where lowest.map({ price(combination) < $0 }) ?? true {
            lowest = price(combination)
            kept.append(combination)
        }
        // Of the combinations that cover the need, the cheapest is the last kept (fewest credits).
        let covering = kept.lastIndex { credits($0) >= largestNeed }
        return kept.enumerated().filter { index, combination in credits(combination) < largestNeed || index == covering }
            .map(\.element).reversed()
    }

    static func credits(_ combination: [CreditPackage]) -> Int { combination.reduce(0) { $0 + $1.credits } }
    static func price(_ combination: [CreditPackage]) -> Money { combination.reduce(Money.zero) { $0 + $1.price } }
}
