import CreditCore

/// One CSV field, typed by where its text came from; the one place CSV fields are encoded.
///
/// The type decides the escaping. Every text cell, whether a name out of a user's file
/// (workspaces, seats, scenarios, the plans of a pricing file, which reach strategy names and
/// sensitivity settings) or a header the tool chose, is `text`: a spreadsheet would evaluate
/// text beginning with `=`, `+`, `-`, `@`, tab or CR as a formula ("CSV injection"), so it gets
/// a leading `'`. There is no unescaped text kind, so no cell can be routed around it (a plan
/// name in `sensitivity.csv` once was). Numbers are written as plain numbers, so a negative
/// number stays `-12` and sums in a spreadsheet; this is why the cell's kind, not its text,
/// decides.
package enum CSVCell: Hashable, Sendable {
    /// Any text (names from user input, headers, ISO months, model names): neutralised against
    /// formula evaluation, then quoted if needed. The tool's own text never starts with a
    /// formula character, so it is never altered.
    case text(String)
    /// A number already formatted as plain digits (`-12`, `0.1235`): written as is.
    case number(String)
    /// An empty field, for a value that does not exist (no month by which a cap hit is likely).
    case empty

    /// A whole number without thousands separators.
    static func integer(_ value: Int) -> CSVCell { .number(String(value)) }

    /// An amount with two decimals and no currency sign or separators (`2500.00`).
    static func money(_ value: Money) -> CSVCell { .number(value.description) }

    /// An ISO month (`2026-04`).
    static func month(_ value: Month) -> CSVCell { .text(value.description) }

    /// `value` with `places` decimals (see `FixedDecimal`); empty if it is not finite.
    static func decimal(_ value: Double, places: Int) -> CSVCell {
        let text = FixedDecimal.text(value, places: places)
        return text.isEmpty ? .empty : .number(text)
    }

    /// The characters that make a spreadsheet treat a cell as a formula.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The field as it appears in the file (RFC 4180): quoted when it holds a comma, a quote, CR
    /// or LF, with quotes doubled.
    var encoded: String {
        switch self {
        case .empty:
            return ""
        case let .number(text):
            return text
        case let .text(text):
            // `"\r\n"` is a single Character in Swift, so test the first scalar, not Character.
            let first = text.unicodeScalars.first.map(Character.init)
            let neutral = first.map(Self.formulaTriggers.contains) == true ? "'" + text : text
            return Self.quoted(neutral)
        }
    }

    private static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
