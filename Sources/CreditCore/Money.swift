/// An exact amount of money in whole cents.
///
/// Money is never binary floating point: a finance team reconciles these figures to the cent.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in cents.
    public var cents: Int

    /// An amount of `cents` cents.
    @inlinable
    public init(cents: Int) {
        self.cents = cents
    }

    /// An amount of whole currency units (dollars).
    public init(units: Int) {
        self.cents = units * 100
    }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * rhs) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Plain decimal text with two places and no separators, as CSV wants it: `2500.00`, `-0.35`.
    public var description: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(cents < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Text for people: a dollar sign and thousands separators, `$2,500.00`.
    public var formatted: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        let units = Int(magnitude / 100).groupedThousands
        return "\(cents < 0 ? "-" : "")$\(units).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Parses a plain decimal amount with at most two decimals (`2500`, `2500.5`, `0.35`);
    /// `nil` for anything else, so a price is never silently rounded.
    public init?(decimal text: String) {
        guard let micros = UnitPrice.parseScaled(text, decimals: 2) else { return nil }
        self.cents = micros
    }
}

extension Int {
    /// The number with a comma between groups of three digits: `150000` → `150,000`.
    public var groupedThousands: String {
        let digits = String(magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return self < 0 ? "-" + grouped : grouped
    }
}
