extension String {
    /// The most Unicode scalars of a file's text quoted in a message.
    package static let excerptLimit = 60

    /// The text as quoted in a message, by every reader of an input file (usage, workspaces,
    /// pricing, scenario, shard): at most `excerptLimit` Unicode scalars, then `…`, with control
    /// characters and bidirectional overrides written out (`\t`, `\x1B`, `\u{85}`, `\u{202E}`),
    /// so that a file's bytes can neither flood the terminal the message is printed on, drive
    /// it, nor reorder what the message says.
    package var messageExcerpt: String {
        var result = ""
        var count = 0
        for scalar in unicodeScalars {
            if count == Self.excerptLimit {
                result += "…"
                break
            }
            count += 1
            switch scalar.value {
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x00..<0x20, 0x7F: result += "\\x" + Self.hex(scalar.value, digits: 2)
            case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + Self.hex(scalar.value, digits: 2) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}
