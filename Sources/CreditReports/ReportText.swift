/// Text clean-up shared by every human-facing writer (Markdown, plain-text tables, SVG).
///
/// Workspace, seat and scenario names come from users' files. A line break inside one would split
/// a table row or a heading, and XML 1.0 forbids most control characters outright, so every
/// writer that puts a name on one line passes it through here first.
enum ReportText {
    /// `text` with every line break and control character (CR, LF, tab, NEL, U+2028, U+2029, C0
    /// and C1 controls) replaced by a single space.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBreakOrControl) else { return text }
        var scalars = String.UnicodeScalarView()
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            if isBreakOrControl(scalar) {
                // CR LF is one line break; collapse runs so `a\r\nb` reads `a b`, not `a  b`.
                if !lastWasBreak { scalars.append(" ") }
                lastWasBreak = true
            } else {
                scalars.append(scalar)
                lastWasBreak = false
            }
        }
        return String(scalars)
    }

    private static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}
