import CreditCore

/// Reads the whole, non-negative numbers of spreadsheet exports straight from a field's bytes:
/// credits, seats, balances, caps.
///
/// Accepts `1200`, `1,200` or `1.200` (grouped by the mark that is not the file's decimal mark),
/// `1 200` (a normal, no-break or narrow no-break space), `1'200`, surrounding spaces, a currency
/// sign or code before or after (`$1,200.00`, `€ 1.000`, `1.000 EUR`) and a zero fraction
/// (`1200.00`, `1.200,00`); anything else is a problem the caller words, so a value is never
/// silently misread. Which mark is the decimal one is the file's (`NumberConvention`).
enum WholeNumber {
    /// The largest value read (`UsageHistory.maximumCredits`).
    static let maximum = UsageHistory.maximumCredits

    /// What a value's marks say about the file's decimal mark.
    enum MarkEvidence: Equatable {
        /// Neither `.` nor `,`: the value reads the same whichever the decimal mark is.
        case none
        /// Only one decimal mark makes sense of it: `1.234,5`, `1.218.000`, `18000,00`, `0.500`.
        case tells(DecimalMark)
        /// One mark between a group of one to three digits and exactly three more, `18.000` or
        /// `1,234`: thousands with one decimal mark, decimals with the other.
        case ambiguous
    }

    /// The value of a field of plain digits, the common case, read without the general path;
    /// `nil` for any other field.
    @inline(__always)
    static func plainDigits(_ field: UnsafeBufferPointer<UInt8>) -> Result<Int, FieldProblem>? {
        guard !field.isEmpty, field.count <= 18, field.allSatisfy(\.isDigit) else { return nil }
        var value = 0
        for byte in field { value = value &* 10 &+ Int(byte &- UInt8(ascii: "0")) }
        return value > maximum ? .failure(.tooLarge) : .success(value)
    }

    /// The number in `field` read with `decimalMark` as the decimal mark, or what is wrong with it.
    static func parse(_ field: UnsafeBufferPointer<UInt8>, decimalMark: DecimalMark) -> Result<Int, FieldProblem> {
        if let plain = plainDigits(field) { return plain }
        return core(Array(field)).flatMap { negative, text in
            value(of: text, negative: negative, decimalMark: decimalMark)
        }
    }

    /// What the marks in `field` say about the file's decimal mark; `.none` for a field that
    /// is not a number at all (parsing it says why).
    static func evidence(_ field: UnsafeBufferPointer<UInt8>) -> MarkEvidence {
        guard case let .success((_, text)) = core(Array(field)) else { return .none }
        let lastPoint = text.lastIndex(of: .point)
        let lastComma = text.lastIndex(of: .comma)
        switch (lastPoint, lastComma) {
        case (nil, nil):
            return .none
        case let (point?, comma?):
            // The mark written last is the decimal one: `1.234,5`, `1,234.5`.
            return .tells(point > comma ? .point : .comma)
        case let (point?, nil):
            return single(.point, at: point, in: text)
        case let (nil, comma?):
            return single(.comma, at: comma, in: text)
        }
    }

    /// The evidence of a value holding only `mark`, last at `index`.
    private static func single(_ mark: DecimalMark, at index: Int, in text: ArraySlice<UInt8>) -> MarkEvidence {
        // Written more than once, it groups thousands: `1.218.000`.
        if text[..<index].contains(mark.byte) { return .tells(mark.other) }
        let whole = text[..<index]
        let fraction = text[(index + 1)...]
        let groupsThousands =
            (1...3).contains(whole.count) && whole.allSatisfy(\.isDigit) && whole.first != UInt8(ascii: "0")
            && fraction.count == 3 && fraction.allSatisfy(\.isDigit)
        return groupsThousands ? .ambiguous : .tells(mark)
    }

    private static let currencySigns: [[UInt8]] = [Array("$".utf8), Array("€".utf8), Array("£".utf8), Array("¥".utf8)]
    /// Spaces that group thousands: ASCII, no-break and narrow no-break (French exports).
    private static let groupSpaces: [[UInt8]] = [[.space], [0xC2, 0xA0], [0xE2, 0x80, 0xAF]]
    /// Apostrophes that group thousands (Swiss exports): ASCII and right single quotation mark.
    private static let groupApostrophes: [[UInt8]] = [[UInt8(ascii: "'")], [0xE2, 0x80, 0x99]]

    /// The number's text without spaces, sign and currency, and whether it was negative.
    private static func core(_ bytes: [UInt8]) -> Result<(negative: Bool, text: ArraySlice<UInt8>), FieldProblem> {
        var text = ArraySlice(bytes)
        trimSpaces(&text)
        if text.isEmpty { return .failure(.empty) }
        var negative = false
        if text.first == UInt8(ascii: "("), text.last == UInt8(ascii: ")") {
            negative = true
            text = text.dropFirst().dropLast()
        }
        if text.first == UInt8(ascii: "-") {
            negative = true
            text = text.dropFirst()
        }
        dropCurrency(&text)
        trimSpaces(&text)
        if !negative, text.first == UInt8(ascii: "-") {
            negative = true
            text = text.dropFirst()
        }
        return text.isEmpty ? .failure(.notANumber) : .success((negative, text))
    }

    /// Drops one currency sign or three-letter code (`EUR`, `USD`) before or after the number.
    private static func dropCurrency(_ text: inout ArraySlice<UInt8>) {
        if let sign = currencySigns.first(where: { text.starts(with: $0) }) {
            text = text.dropFirst(sign.count)
        } else if let sign = currencySigns.first(where: { text.reversed().starts(with: $0.reversed()) }) {
            text = text.dropLast(sign.count)
        } else if text.count > 3, text.prefix(3).allSatisfy(isCapital), !isCapital(text[text.startIndex + 3]) {
            text = text.dropFirst(3)
        } else if text.count > 3, text.suffix(3).allSatisfy(isCapital), !isCapital(text[text.endIndex - 4]) {
            text = text.dropLast(3)
        }
    }

    private static func isCapital(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }

    /// The value of `text` (digits, marks and group spaces) read with `decimalMark`, checking
    /// that one separator groups the whole part by thousands and that any fraction is zero.
    private static func value(of text: ArraySlice<UInt8>, negative: Bool, decimalMark: DecimalMark) -> Result<Int, FieldProblem> {
        var whole = text
        var fraction: ArraySlice<UInt8> = []
        if let mark = text.firstIndex(of: decimalMark.byte) {
            whole = text[..<mark]
            fraction = text[(mark + 1)...]
            guard !whole.isEmpty, !fraction.isEmpty, fraction.allSatisfy(\.isDigit) else { return .failure(.notANumber) }
        }
        var groups: [ArraySlice<UInt8>] = []
        var separator: [UInt8]?
        var start = whole.startIndex
        var index = whole.startIndex
        while index < whole.endIndex {
            if whole[index].isDigit {
                index += 1
                continue
            }
            let found: [UInt8]? =
                whole[index] == decimalMark.other.byte
                ? [decimalMark.other.byte]
                : (groupSpaces + groupApostrophes).first { whole[index...].starts(with: $0) }
            guard let found, separator == nil || separator == found else { return .failure(.notANumber) }
            separator = found
            groups.append(whole[start..<index])
            index += found.count
            start = index
        }
        groups.append(whole[start..<whole.endIndex])
        guard groups.allSatisfy({ !$0.isEmpty }) else { return .failure(.notANumber) }
        if groups.count > 1, !(groups[0].count <= 3 && groups.dropFirst().allSatisfy({ $0.count == 3 })) {
            return .failure(.notANumber)
        }
        if fraction.contains(where: { $0 != UInt8(ascii: "0") }) { return .failure(.fractional(decimalMark: decimalMark)) }
        var value = 0
        for digit in groups.joined() {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { return .failure(.tooLarge) }
            value = sum
        }
        if negative, value != 0 { return .failure(.negative) }
        return value > maximum ? .failure(.tooLarge) : .success(value)
    }

    private static func trimSpaces(_ text: inout ArraySlice<UInt8>) {
        while let space = groupSpaces.first(where: { text.starts(with: $0) }) ?? (text.first == .tab ? [.tab] : nil) {
            text = text.dropFirst(space.count)
        }
        while let space = groupSpaces.first(where: { text.reversed().starts(with: $0.reversed()) })
            ?? (text.last == .tab ? [.tab] : nil)
        {
            text = text.dropLast(space.count)
        }
    }
}
