import CreditCore
import Foundation
import Yams

extension Pricing {
    /// Reads a pricing file: YAML whose keys override `base` (see `samples/pricing.yaml`).
    ///
    /// Amounts are read from their text, never through a binary floating point, so `0.035` is
    /// exactly 3.5 cents. Unknown keys are errors, because a misspelt key silently ignored would
    /// leave a default in force that the user meant to change.
    public init(contentsOfFile path: String, base: Pricing = .standard) throws(PricingError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: path, reason: "cannot be read as UTF-8 text")
        }
        try self.init(yaml: text, file: path, base: base)
    }

    /// Reads pricing from YAML text; `file` names it in error messages.
    public init(yaml text: String, file: String, base: Pricing = .standard) throws(PricingError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .invalid(file: file, line: Self.line(of: error), message: "not valid YAML")
        } catch {
            throw .invalid(file: file, line: 1, message: "not valid YAML")
        }
        self = base
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw .invalid(file: file, line: root.mark?.line ?? 1, message: "expected keys such as plans, packages, pay_as_you_go")
        }
        let reader = PricingNodeReader(file: file)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "plans":
                plans = try reader.plans(value)
            case "packages":
                packages = try reader.packages(value).sorted { $0.credits < $1.credits }
            case "pay_as_you_go":
                payAsYouGoPrice = try reader.unitPrice(value)
            case "cap_months":
                capMonths = try reader.count(value, key: key, minimum: 1, maximum: PricingLimits.capMonths)
            case "cap_timing":
                guard let timing = value.string.flatMap(CapTiming.init(rawValue:)) else {
                    throw reader.invalid(value, "cap_timing must be accrual or close")
                }
                capTiming = timing
            case "package_expiry_months":
                packageExpiryMonths = try reader.count(value, key: key, minimum: 0, maximum: PricingLimits.expiryMonths)
            default:
                throw reader.invalid(
                    keyNode,
                    "unknown key \"\(key.messageExcerpt)\"; expected plans, packages, pay_as_you_go, cap_months, cap_timing or package_expiry_months"
                )
            }
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _): mark.line
        default: 1
        }
    }
}

/// Turns YAML nodes into pricing values, naming the line of anything wrong.
private struct PricingNodeReader {
    let file: String

    func invalid(_ node: Node, _ message: String) -> PricingError {
        .invalid(file: file, line: node.mark?.line ?? 1, message: message)
    }

    func plans(_ node: Node) throws(PricingError) -> [Plan] {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            throw invalid(
                node,
                "plans must map each plan name to its monthly allowance per seat, e.g. growth: 3000, or to credits and seat_price, "
                    + "e.g. growth: {credits: 3000, seat_price: 45}")
        }
        var plans: [Plan] = []
        // Plans are looked up ignoring case and in NFC, so `Growth` and `growth` would be one
        // plan twice.
        var lines: [String: Int] = [:]
        for (nameNode, value) in mapping {
            let name = (nameNode.string ?? "").trimmingCharacters(in: .whitespaces).canonicalName
            guard !name.isEmpty else { throw invalid(nameNode, "a plan needs a name, e.g. growth: 3000") }
            let line = nameNode.mark?.line ?? 1
            if let first = lines[name.lowercased()] {
                throw invalid(nameNode, "plan \"\(name.messageExcerpt)\" is listed twice (first on line \(first)); plan names ignore case")
            }
            lines[name.lowercased()] = line
            plans.append(try plan(named: name.lowercased(), value))
        }
        return plans
    }

    /// The keys of a plan written as a mapping.
    static let planKeys = ["credits", "seat_price"]

    /// One plan: its monthly allowance alone (`growth: 3000`), or a mapping of the allowance and
    /// the price of a seat for a month (`growth: {credits: 3000, seat_price: 45}`).
    func plan(named name: String, _ node: Node) throws(PricingError) -> Plan {
        let allowanceKey = "a plan's allowance"
        guard let mapping = node.mapping else {
            guard node.scalar != nil else {
                throw invalid(
                    node,
                    "plan \"\(name.messageExcerpt)\" must be its monthly allowance per seat (\(name.messageExcerpt): 3000) "
                        + "or credits and seat_price ({credits: 3000, seat_price: 45})")
            }
            return Plan(name: name, monthlyAllowance: try count(node, key: allowanceKey, minimum: 0, maximum: PricingLimits.allowance))
        }
        for (keyNode, _) in mapping where !Self.planKeys.contains(keyNode.string ?? "") {
            let key = keyNode.string ?? ""
            throw invalid(
                keyNode,
                "unknown key \"\(key.messageExcerpt)\" in plan \"\(name.messageExcerpt)\"; a plan has credits and seat_price"
                    + NameSuggestion.didYouMean(key, in: Self.planKeys))
        }
        guard let credits = mapping["credits"] else {
            throw invalid(
                node, "plan \"\(name.messageExcerpt)\" needs credits, its monthly allowance per seat, e.g. {credits: 3000, seat_price: 45}")
        }
        let allowance = try count(credits, key: allowanceKey, minimum: 0, maximum: PricingLimits.allowance)
        guard let priceNode = mapping["seat_price"] else { return Plan(name: name, monthlyAllowance: allowance) }
        guard let price = priceNode.string.flatMap(Money.init(decimal:)), price >= .zero, price <= PricingLimits.seatPrice else {
            throw invalid(
                priceNode,
                "a seat_price must be the price of one seat for a month, such as 45 or 45.50, at most \(PricingLimits.seatPrice.formatted)")
        }
        return Plan(name: name, monthlyAllowance: allowance, seatPrice: price)
    }

    func packages(_ node: Node) throws(PricingError) -> [CreditPackage] {
        guard let sequence = node.sequence else {
            throw invalid(node, "packages must be a list of entries with credits and price")
        }
        var packages: [CreditPackage] = []
        var lines: [Int: Int] = [:]
        for entry in sequence {
            guard let credits = entry.mapping?["credits"], let price = entry.mapping?["price"] else {
                throw invalid(entry, "each package needs credits and price, e.g. {credits: 100000, price: 2500}")
            }
            for (keyNode, _) in entry.mapping! where !["credits", "price"].contains(keyNode.string ?? "") {
                throw invalid(
                    keyNode, "unknown key \"\((keyNode.string ?? "").messageExcerpt)\" in a package; a package has credits and price")
            }
            guard let amount = price.string.flatMap(Money.init(decimal:)), amount >= .zero, amount <= PricingLimits.packagePrice else {
                throw invalid(
                    price, "a package price must be an amount such as 2500 or 2500.00, at most \(PricingLimits.packagePrice.formatted)")
            }
            let size = try count(
                credits, key: "package credits", minimum: PricingLimits.packageCredits.lowerBound,
                maximum: PricingLimits.packageCredits.upperBound)
            if let first = lines[size] {
                throw invalid(credits, "a package of \(size.groupedThousands) credits is listed twice (first on line \(first))")
            }
            lines[size] = credits.mark?.line ?? 1
            packages.append(CreditPackage(credits: size, price: amount))
        }
        return packages
    }

    func unitPrice(_ node: Node) throws(PricingError) -> UnitPrice {
        guard let price = node.string.flatMap(UnitPrice.init(decimal:)), price.micros <= PricingLimits.payAsYouGoMicros else {
            throw invalid(node, "pay_as_you_go must be a price per credit such as 0.035 (at most 6 decimals, at most 100)")
        }
        return price
    }

    func count(_ node: Node, key: String, minimum: Int, maximum: Int) throws(PricingError) -> Int {
        guard let text = node.string, let value = Int(text.replacingOccurrences(of: "_", with: "")), (minimum...maximum).contains(value)
        else {
            throw invalid(node, "\(key) must be a whole number from \(minimum.groupedThousands) to \(maximum.groupedThousands)")
        }
        return value
    }
}
