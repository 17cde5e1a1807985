/// A factor on usage in exact millionths (`1.25` is 1,250,000), so a scenario scales usage
/// the same way on every machine.
public struct UsageMultiplier: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Millionths per whole.
    public static let denominator = 1_000_000
    /// No change.
    public static let one = UsageMultiplier(millionths: denominator)
    /// The largest factor: a thousand. Usage scaled past `UsageHistory.maximumCredits` is held
    /// there anyway; the bound keeps the exact scale (seats ratio × multiplier, in millionths)
    /// inside 64 bits for up to `UsageHistory.maximumSeats` seats.
    public static let maximum = UsageMultiplier(millionths: 1_000 * denominator)

    /// The factor in millionths; from 0 to `maximum`'s.
    public var millionths: Int

    /// A factor of `millionths` / 1,000,000, from 0 to `maximum`.
    public init(millionths: Int) {
        precondition(millionths >= 0 && millionths <= 1_000 * Self.denominator, "a usage multiplier is from 0 to 1,000")
        self.millionths = millionths
    }

    /// Reads a plain decimal such as `1.2`, `0.85` or `2` with at most six decimals, from 0 to
    /// `maximum`; `nil` for anything else (signs, exponents, separators, more decimals, more).
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
        let millionths = whole * Self.denominator + fraction
        guard millionths <= Self.maximum.millionths else { return nil }
        self.init(millionths: millionths)
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
