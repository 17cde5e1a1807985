/// Why one field of a row could not be read. `message(field:text:)` words it for the user.
enum FieldProblem: Error, Equatable {
    case empty
    case notUTF8
    case nulByte
    case notANumber
    case negative
    case fractional
    /// Above `WholeNumber.maximum`.
    case tooLarge
    /// Nothing like a month: in a wide header, a column that is not a month at all.
    case notAMonth
    /// Shaped like a month or a date but not readable as one, for `reason`.
    case unreadableMonth(reason: String)

    /// The message for `field` (`credits`, `month`) holding `text`: lower-case, quoting the
    /// value, saying what to do.
    func message(field: String, text: String) -> String {
        switch self {
        case .empty: "\(field) is empty; fill it in"
        case .notUTF8: "not valid UTF-8 text; save the file as UTF-8"
        case .nulByte: "contains a NUL byte; save the file as UTF-8 text"
        case .notANumber: "\(field) \"\(text)\" is not a number"
        case .negative: "\(field) \"\(text)\" is negative; it must be 0 or more"
        case .fractional: "\(field) \"\(text)\" is not a whole number; round it"
        case .tooLarge: "\(field) \"\(text)\" is too large; the most is \(WholeNumber.maximum.groupedThousands)"
        case .notAMonth: "\(field) \"\(text)\" is not a month; write it like 2026-04 or Apr 2026"
        case let .unreadableMonth(reason): "\(field) \"\(text)\" is not readable: \(reason)"
        }
    }
}
