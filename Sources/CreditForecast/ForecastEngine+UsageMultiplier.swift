extension ForecastEngine {
    /// A factor on usage in exact millionths (`1.25` is 1,250,000), so a scenario scales usage
    /// the same way on every machine.
    public struct UsageMultiplier: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// Millionths per whole.
        public static let denominator = 1_000_000
        /// No change.
        public static let one = UsageMultiplier(millionths: denominator)

        /// The factor in millionths; never negative.
        public var millionths: Int

        /// A factor of `millionths` / 1,000,000.
        public init(millionths: Int) {
            precondition(millionths >= 0, "a usage multiplier is not negative")
            self.millionths = millionths
        }

        /// Reads a plain decimal such as `1.2`, `0.85` or `2` with at most six decimals; `nil` for
        /// anything else (signs, exponents, separators, more decimals).
        public init?(decimal text: String) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)),
                  parts[0].count <= 6, parts.count == 1 || parts[1].count <= 6
            else { return nil }
            let whole = Int(parts[0]) ?? 0
            var fraction = 0
            if parts.count == 2 {
                let digits = String(parts[1]) + String(repeating: "0", count: 6 - parts[1].count)
                fraction = Int(digits) ?? 0
            }
            self.init(millionths: whole * Self.denominator + fraction)
        }

        /// The factor as a plain decimal without trailing zeros (`1.25`, `2`).
        public var description: String {
            let whole = millionths / Self.denominator
            var fraction = String(millionths % Self.denominator)
            guard fraction != "0" else { return String(whole) }
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            return "\(whole).\(fraction)"
        }
    }
}
