/// A column of a workbook sheet: its heading, how its numbers read, and whether it is an
/// input a reader may change (shaded, in a ledger whose other columns are formulas over it).
public struct WorkbookColumn: Hashable, Sendable {
    /// The heading in the sheet's first row.
    public var title: String
    /// How its numbers are shown.
    public var style: NumberStyle
    /// Whether the reader is meant to edit it.
    public var isInput: Bool

    /// A column headed `title`.
    public init(_ title: String, _ style: NumberStyle, isInput: Bool = false) {
        self.title = title
        self.style = style
        self.isInput = isInput
    }
}
