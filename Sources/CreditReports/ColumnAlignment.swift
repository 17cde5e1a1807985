/// How a column of a text or Markdown table lines up: text to the left, numbers to the right so
/// that their digits line up.
enum ColumnAlignment: Sendable, Equatable {
    /// Text columns (names, months).
    case left
    /// Numeric columns.
    case right

    /// `text` padded with spaces to `width` characters on the side this alignment leaves open.
    ///
    /// Both table writers pad through this one function, so their columns line up the same way.
    func pad(_ text: String, to width: Int) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return self == .left ? text + padding : padding + text
    }
}
