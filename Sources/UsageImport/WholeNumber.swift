import CreditCore

/// Reads the whole, non-negative numbers of spreadsheet exports straight from a field's bytes:
/// credits, seats, balances, caps.
///
/// Accepts `1200`, `1,200` (a quoted field in a comma file), `1 200`, surrounding spaces, a
/// currency sign before or after (`$`, `€`, `£`) and a zero fraction (`1200.00`); anything else
/// is a problem the caller words, so a value is never silently misread.
enum WholeNumber {
    /// The largest value read (`UsageHistory.maximumCredits`).
    static let maximum = UsageHistory.maximumCredits

    /// The number in `field`, or what is wrong with it.
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Result<Int, FieldProblem> {
        // Exports nearly always hold plain digits; read those without the general path.
        if !field.isEmpty, field.count <= 18, field.allSatisfy(\.isDigit) {
            var value = 0
            for byte in field { value = value &* 10 &+ Int(byte &- UInt8(ascii: "0")) }
            return value > maximum ? .failure(.tooLarge) : .success(value)
        }
        return parseDecorated(Array(field)).flatMap { $0 > maximum ? .failure(.tooLarge) : .success($0) }
    }

    private static let currencySigns: [[UInt8]] = [Array("$".utf8), Array("€".utf8), Array("£".utf8)]
    /// Spaces that group thousands: ASCII, no-break and narrow no-break (French exports).
    private static let groupSpaces: [[UInt8]] = [[.space], [0xC2, 0xA0], [0xE2, 0x80, 0xAF]]

    private static func parseDecorated(_ bytes: [UInt8]) -> Result<Int, FieldProblem> {
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
        if let sign = currencySigns.first(where: { text.starts(with: $0) }) {
            text = text.dropFirst(sign.count)
        } else if let sign = currencySigns.first(where: { text.reversed().starts(with: $0.reversed()) }) {
            text = text.dropLast(sign.count)
        }
        trimSpaces(&text)
        if !negative, text.first == UInt8(ascii: "-") {
            negative = true
            text = text.dropFirst()
        }
        let digits: [UInt8]
        switch groupedDigits(text) {
        case let .success(found): digits = found
        case let .failure(problem): return .failure(problem)
        }
        var value = 0
        for digit in digits {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { return .failure(.tooLarge) }
            value = sum
        }
        if negative, value != 0 { return .failure(.negative) }
        return .success(value)
    }

    /// The digits of `text`, checking that separators group them by thousands and that any
    /// fraction is zero.
    private static func groupedDigits(_ text: ArraySlice<UInt8>) -> Result<[UInt8], FieldProblem> {
        var rest = text
        var fraction: ArraySlice<UInt8> = []
        if let point = rest.firstIndex(of: UInt8(ascii: ".")) {
            fraction = rest[(point + 1)...]
            rest = rest[..<point]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isDigit), !rest.isEmpty else { return .failure(.notANumber) }
        }
        var groups: [ArraySlice<UInt8>] = []
        var separator: [UInt8]?
        var start = rest.startIndex
        var index = rest.startIndex
        while index < rest.endIndex {
            if rest[index].isDigit {
                index += 1
                continue
            }
            let found: [UInt8]? = rest[index] == .comma
                ? [.comma] : groupSpaces.first { rest[index...].starts(with: $0) }
            guard let found, separator == nil || separator == found else { return .failure(.notANumber) }
            separator = found
            groups.append(rest[start..<index])
            index += found.count
            start = index
        }
        groups.append(rest[start..<rest.endIndex])
        guard groups.allSatisfy({ !$0.isEmpty }) else { return .failure(.notANumber) }
        if groups.count > 1 {
            let last = groups[groups.count - 1]
            // `12,5` is a decimal comma: say it is fractional rather than not a number.
            if groups.count == 2, separator == [.comma], last.count < 3, fraction.isEmpty {
                return .failure(.fractional)
            }
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.notANumber)
            }
        }
        if fraction.contains(where: { $0 != UInt8(ascii: "0") }) { return .failure(.fractional) }
        return .success(groups.flatMap { $0 })
    }

    private static func trimSpaces(_ text: inout ArraySlice<UInt8>) {
        while let space = groupSpaces.first(where: { text.starts(with: $0) }) ?? (text.first == .tab ? [.tab] : nil) {
            text = text.dropFirst(space.count)
        }
        while let space = groupSpaces.first(where: { text.reversed().starts(with: $0.reversed()) })
            ?? (text.last == .tab ? [.tab] : nil) {
            text = text.dropLast(space.count)
        }
    }
}
