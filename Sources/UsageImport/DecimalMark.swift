/// Which mark separates a number's whole part from its decimals in a file: `1.234,5` writes
/// the comma, `1,234.5` the point. A file uses one throughout; the other mark, when it appears,
/// groups thousands.
public enum DecimalMark: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `1.234,5`: the comma is the decimal mark, the point groups thousands (German, French,
    /// Spanish, Italian, Dutch and Portuguese exports).
    case comma
    /// `1,234.5`: the point is the decimal mark, the comma groups thousands.
    case point

    /// The option value: `comma` or `point`.
    public var description: String { rawValue }

    /// The mark's byte.
    var byte: UInt8 { self == .comma ? .comma : .point }

    /// The other mark, which groups thousands.
    var other: DecimalMark { self == .comma ? .point : .comma }

    /// The mark quoted for messages: `","` or `"."`.
    var quoted: String { self == .comma ? "\",\"" : "\".\"" }
}
