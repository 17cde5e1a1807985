/// Guesses a file's field separator from its first lines.
enum DelimiterSniffer {
    /// The separators exports use, the first winning ties.
    static let candidates: [UInt8] = [.comma, .semicolon, .tab]
    /// How many non-blank lines to look at.
    static let sampleLines = 20

    /// The delimiter as a message names it: `","`, `";"` or `tabs`.
    static func name(of delimiter: UInt8) -> String {
        delimiter == .tab ? "tabs" : "\"\(String(UnicodeScalar(delimiter)))\""
    }

    /// The candidate that splits the most sampled lines into the same number of fields.
    ///
    /// Title lines above the header hold no separators and quoted values (`"1,200"`) hide
    /// theirs, so only the separator that is regular across the table scores well.
    static func sniff(_ bytes: [UInt8]) -> UInt8 {
        var counts: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasText = false
        for byte in bytes {
            if byte == .quote { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == .newline {
                if lineHasText { counts.append(current) }
                if counts.count == sampleLines { break }
                current = [Int](repeating: 0, count: candidates.count)
                lineHasText = false
                continue
            }
            if let index = candidates.firstIndex(of: byte) { current[index] += 1 }
            if byte != .space, byte != UInt8(ascii: "\r") { lineHasText = true }
        }
        if lineHasText, counts.count < sampleLines { counts.append(current) }

        var best = (delimiter: candidates[0], lines: 0, fields: 0)
        for (index, delimiter) in candidates.enumerated() {
            let perLine = counts.map { $0[index] }.filter { $0 > 0 }
            let frequency = Dictionary(perLine.map { ($0, 1) }, uniquingKeysWith: +)
            guard let (fields, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if (lines, fields) > (best.lines, best.fields) { best = (delimiter, lines, fields) }
        }
        return best.delimiter
    }
}
