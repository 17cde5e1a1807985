import CreditCore

/// Reads the spellings of a month found in exports, straight from a field's bytes.
///
/// `2026-04`, `2026-04-01`, `2026/04`, `2026/04/01`, `04/2026`, `Apr 2026`, `April 2026`,
/// `Apr-26`, `1 Apr 2026`, `Apr 1 2026` read as months; `04/01/2026` reads as a full date whose
/// order the file decides. Years have four digits except in `Apr-26`. Month names are those of
/// English, German, French, Spanish, Italian, Dutch and Portuguese, full or abbreviated, with or
/// without a dot (`März 2026`, `janv. 2026`, `Mai-26`), in any case; no name means two months.
/// Any other word (`Floréal 2026`) is an error, never a skipped row.
package enum MonthParser {
    /// English month names, lower-case, as messages spell months.
    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// Every spelling of each month, lower-case, by language: full names, then abbreviations
    /// (a dot after one is a separator), then spellings without their accents.
    static let namesByMonth: [[String]] = [
        [
            "january", "januar", "jänner", "janvier", "enero", "gennaio", "januari", "janeiro",
            "jan", "jän", "janv", "ene", "gen",
        ],
        [
            "february", "februar", "février", "febrero", "febbraio", "februari", "fevereiro",
            "feb", "févr", "fév", "fev", "fevrier", "fevr",
        ],
        [
            "march", "märz", "mars", "marzo", "maart", "março",
            "mar", "mär", "mrz", "mrt", "marco",
        ],
        [
            "april", "avril", "abril", "aprile",
            "apr", "avr", "abr",
        ],
        [
            "may", "mai", "mayo", "maggio", "mei", "maio",
            "mag",
        ],
        [
            "june", "juni", "juin", "junio", "giugno", "junho",
            "jun", "giu",
        ],
        [
            "july", "juli", "juillet", "julio", "luglio", "julho",
            "jul", "juil", "lug",
        ],
        [
            "august", "août", "agosto", "augustus",
            "aug", "ago", "aout",
        ],
        [
            "september", "septembre", "septiembre", "setiembre", "settembre", "setembro",
            "sep", "sept", "set",
        ],
        [
            "october", "oktober", "octobre", "octubre", "ottobre", "outubro",
            "oct", "okt", "ott", "out",
        ],
        [
            "november", "novembre", "noviembre", "novembro",
            "nov",
        ],
        [
            "december", "dezember", "décembre", "diciembre", "dicembre", "dezembro",
            "dec", "dez", "déc", "dic", "decembre",
        ],
    ]

    /// The month (1 to 12) of each spelling. `String` keys compare by canonical equivalence,
    /// so `März` matches whether its `ä` is one scalar or two.
    private static let monthsByName: [String: Int] = {
        var months: [String: Int] = [:]
        for (index, names) in namesByMonth.enumerated() {
            for name in names { months[name] = index + 1 }
        }
        return months
    }()

    private static let writeLike = "write months like 2026-04 or Apr 2026"

    /// The month in `field`, or why it is not one.
    package static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Result<ParsedMonth, FieldProblem> {
        // `2026-04`, the common case, without splitting into parts.
        if field.count == 7, field[4] == UInt8(ascii: "-"),
            field[0].isDigit, field[1].isDigit, field[2].isDigit, field[3].isDigit, field[5].isDigit, field[6].isDigit
        {
            return yearMonth(year: number(field[0..<4]), month: number(field[5..<7]))
        }
        guard let parts = split(field) else { return .failure(.notAMonth) }
        return read(parts)
    }

    /// A run of digits or of letters, and the separator before it.
    private struct Part {
        var text: Slice<UnsafeBufferPointer<UInt8>>
        var separator: UInt8?
        var isNumber: Bool { text.first?.isDigit ?? false }
        var digits: Int { isNumber ? text.count : 0 }
        var value: Int { number(text) }
    }

    /// Splits at `-`, `/`, `.`, `,` and spaces; `nil` for any other punctuation or too many parts.
    private static func split(_ field: UnsafeBufferPointer<UInt8>) -> [Part]? {
        var parts: [Part] = []
        var separator: UInt8?
        var index = field.startIndex
        while index < field.endIndex {
            let byte = field[index]
            if "-/., ".utf8.contains(byte) {
                // A run of spaces, or `, ` in `Apr 1, 2026`, separates like one character.
                if separator == nil || separator == .space || separator == .comma { separator = byte }
                index += 1
                continue
            }
            let isDigit = byte.isDigit
            // Letters include non-ASCII bytes so that `février 2026` is an unknown month name.
            guard isDigit || byte.asciiLowercased.isLowercaseLetter || byte >= 0x80 else { return nil }
            var end = index
            while end < field.endIndex, field[end].isDigit == isDigit,
                isDigit || field[end].asciiLowercased.isLowercaseLetter || field[end] >= 0x80
            {
                end += 1
            }
            guard parts.count < 3 else { return nil }
            parts.append(Part(text: field[index..<end], separator: parts.isEmpty ? nil : separator))
            separator = nil
            index = end
        }
        return parts.isEmpty ? nil : parts
    }

    private static func read(_ parts: [Part]) -> Result<ParsedMonth, FieldProblem> {
        // `Q1 2026` or `2026Q1` run letters into digits: a label, not a month.
        guard parts.dropFirst().allSatisfy({ $0.separator != nil }) else { return .failure(.notAMonth) }
        let digits = parts.map(\.digits)
        let separators = parts.dropFirst().map { $0.separator ?? 0 }
        let numeric = parts.allSatisfy(\.isNumber)
        let dateSeparators = separators.allSatisfy { "-/.".utf8.contains($0) } && Set(separators).count == 1
        if numeric, parts.count >= 2, dateSeparators {
            return readNumeric(parts, digits: digits)
        }
        if !parts[0].isNumber, parts.count >= 2 {
            return readNamed(name: parts[0], day: parts.count == 3 ? parts[1] : nil, year: parts[parts.count - 1])
        }
        if parts.count == 3, parts[0].isNumber, !parts[1].isNumber, parts[2].isNumber {
            return readNamed(name: parts[1], day: parts[0], year: parts[2])
        }
        return .failure(.notAMonth)
    }

    private static func readNumeric(_ parts: [Part], digits: [Int]) -> Result<ParsedMonth, FieldProblem> {
        switch digits {
        case [4, 1], [4, 2]:
            return yearMonth(year: parts[0].value, month: parts[1].value)
        case [4, 1, 1], [4, 1, 2], [4, 2, 1], [4, 2, 2]:
            return date(year: parts[0].value, month: parts[1].value, day: parts[2].value)
        case [1, 4], [2, 4]:
            return yearMonth(year: parts[1].value, month: parts[0].value)
        case [1, 1, 4], [1, 2, 4], [2, 1, 4], [2, 2, 4]:
            let date = FullDate(first: parts[0].value, second: parts[1].value, year: parts[2].value)
            guard date.month(in: .monthFirst) != nil || date.month(in: .dayFirst) != nil else {
                return .failure(.unreadableMonth(reason: "it is not a date as month/day/year nor as day/month/year"))
            }
            return .success(.fullDate(date))
        case _ where digits.last! < 4 && digits.allSatisfy({ $0 <= 2 }):
            return .failure(.unreadableMonth(reason: "the year must have 4 digits, as in 2026"))
        default:
            return .failure(.unreadableMonth(reason: writeLike))
        }
    }

    private static func readNamed(name: Part, day: Part?, year: Part) -> Result<ParsedMonth, FieldProblem> {
        guard year.isNumber, day?.isNumber ?? true else { return .failure(.notAMonth) }
        let word = String(decoding: name.text, as: UTF8.self)
        guard let number = monthsByName[word.lowercased()] else {
            return .failure(
                .unreadableMonth(
                    reason: "\"\(word.messageExcerpt)\" is not a month name in English, German, French, Spanish, Italian, "
                        + "Dutch or Portuguese; \(writeLike)"))
        }
        let yearValue: Int
        switch year.digits {
        case 4: yearValue = year.value
        case 2 where year.separator == UInt8(ascii: "-") && day == nil: yearValue = 2000 + year.value
        default: return .failure(.unreadableMonth(reason: "the year must have 4 digits, as in Apr 2026 (or Apr-26)"))
        }
        guard let day else { return yearMonth(year: yearValue, month: number) }
        return date(year: yearValue, month: number, day: day.value)
    }

    private static func yearMonth(year: Int, month: Int) -> Result<ParsedMonth, FieldProblem> {
        validMonth(year: year, month: month).map(ParsedMonth.month)
    }

    /// The month, or which of its numbers is out of range.
    private static func validMonth(year: Int, month: Int) -> Result<Month, FieldProblem> {
        if let result = Month(year: year, month: month) { return .success(result) }
        guard (1...12).contains(month) else {
            return .failure(.unreadableMonth(reason: "\(month) is not a month number (1 to 12)"))
        }
        return .failure(.unreadableMonth(reason: "year \(year) is out of range (1 to 9999)"))
    }

    private static func date(year: Int, month: Int, day: Int) -> Result<ParsedMonth, FieldProblem> {
        let result: Month
        switch validMonth(year: year, month: month) {
        case let .success(found): result = found
        case let .failure(problem): return .failure(problem)
        }
        guard (1...FullDate.days(in: result)).contains(day) else {
            return .failure(.unreadableMonth(reason: "\(result) has no day \(day)"))
        }
        return .success(.day(result, day: day))
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int {
        digits.reduce(0) { $0 &* 10 &+ Int($1 &- UInt8(ascii: "0")) }
    }
}
