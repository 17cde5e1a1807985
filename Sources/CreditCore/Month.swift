/// A calendar month, the ledger's unit of time.
///
/// Stored as a count of months since year 0 so that month arithmetic and ranges are plain
/// integer arithmetic. Its text form is ISO `YYYY-MM`.
public struct Month: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible, LosslessStringConvertible {
    /// Months since January of year 0: `year * 12 + (month - 1)`.
    public let ordinal: Int

    /// The month whose ordinal is `ordinal` (`year * 12 + month - 1`).
    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// The month `month` (1…12) of `year`; `nil` when the month number is outside 1…12 or the
    /// year outside 1…9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.ordinal = year * 12 + month - 1
    }

    /// Parses the ISO form `YYYY-MM` only; the importer accepts many more spellings.
    public init?(_ description: String) {
        let utf8 = Array(description.utf8)
        guard utf8.count == 7, utf8[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        var month = 0
        for (index, byte) in utf8.enumerated() where index != 4 {
            guard let digit = byte.decimalDigit else { return nil }
            if index < 4 { year = year * 10 + digit } else { month = month * 10 + digit }
        }
        self.init(year: year, month: month)
    }

    /// The calendar year.
    public var year: Int { ordinal / 12 }

    /// The month of the year, 1…12.
    public var monthOfYear: Int { ordinal % 12 + 1 }

    /// `YYYY-MM`.
    public var description: String {
        let monthText = monthOfYear < 10 ? "0\(monthOfYear)" : "\(monthOfYear)"
        var yearText = String(year)
        while yearText.count < 4 { yearText = "0" + yearText }
        return "\(yearText)-\(monthText)"
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }

    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    public func advanced(by months: Int) -> Month { Month(ordinal: ordinal + months) }
}

extension UInt8 {
    /// The value of an ASCII decimal digit, or `nil`.
    @inlinable
    var decimalDigit: Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) ? Int(self - UInt8(ascii: "0")) : nil
    }
}
