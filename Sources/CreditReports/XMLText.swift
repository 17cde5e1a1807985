/// Text made safe for XML (SVG) character data and attribute values.
enum XMLText {
    /// `text` on one line (XML 1.0 forbids most control characters) with `&`, `<`, `>`, `"` and
    /// `'` replaced by entities, so a workspace name can never end an element or an attribute;
    /// U+FFFE and U+FFFF, which no XML document may hold, become U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in ReportText.singleLine(text) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            // The two non-characters XML 1.0 forbids even as character references.
            case "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
