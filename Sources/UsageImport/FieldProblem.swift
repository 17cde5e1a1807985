/// Why one field of a row could not be read. `message(field:text:)` words it for the user.
package enum FieldProblem: Error, Equatable {
    case empty
    case notUTF8
    case nulByte
    case notANumber
    case negative
    /// A non-zero fraction after the file's decimal mark.
    case fractional(decimalMark: DecimalMark)
    /// A value whose marks only make sense with the other decimal mark than the file's, which
    /// `toldBy` (`"18.000,00" on line 3`) showed, or the user gave when `nil`.
    case otherDecimalMark(fileMark: DecimalMark, toldBy: String?)
    /// A value that reads differently with either decimal mark and did not read with the one
    /// assumed until the file tells: never reported, as the file is read again once its mark
    /// is known, or is an error for not telling it (`NumberConvention`).
    case awaitingDecimalMark
    /// Above `WholeNumber.maximum`.
    case tooLarge
    /// Nothing like a month: in a wide header, a column that is not a month at all.
    case notAMonth
    /// Shaped like a month or a date but not readable as one, for `reason`.
    case unreadableMonth(reason: String)

    /// The message for `field` (`credits`, `month`) holding `text`: lower-case, quoting the
    /// value, saying what to do.
    package func message(field: String, text: String) -> String {
        switch self {
        case .empty: "\(field) is empty; fill it in"
        case .awaitingDecimalMark: "\(field) \"\(text)\" depends on the file's decimal mark"
        case .notUTF8: "not valid UTF-8 text; save the file as UTF-8"
        case .nulByte: "contains a NUL byte; save the file as UTF-8 text"
        case .notANumber: "\(field) \"\(text)\" is not a number"
        case .negative: "\(field) \"\(text)\" is negative; it must be 0 or more"
        case let .fractional(mark):
            "\(field) \"\(text)\" is not a whole number (the file's decimal mark is \(mark.quoted)); round it"
        case let .otherDecimalMark(mark, toldBy):
            "\(field) \"\(text)\" is written with \(mark.other.quoted) as the decimal mark, but the file's is \(mark.quoted)"
                + (toldBy.map { " (as \($0) shows)" } ?? " (as given)") + "; write every number the same way"
        case .tooLarge: "\(field) \"\(text)\" is too large; the most is \(WholeNumber.maximum.groupedThousands)"
        case .notAMonth: "\(field) \"\(text)\" is not a month; write it like 2026-04 or Apr 2026"
        case let .unreadableMonth(reason): "\(field) \"\(text)\" is not readable: \(reason)"
        }
    }
}
