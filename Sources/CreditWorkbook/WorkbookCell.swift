/// One cell of a workbook sheet, typed as Excel stores it.
///
/// Text is stored as a string cell, which Excel never evaluates, so names from users' files need
/// none of the CSV files' formula escaping; numbers are stored as numbers, so they sum, sort and
/// chart; a formula is stored with the value it had when written, so a reader that does not
/// recalculate still shows the right figure.
public enum WorkbookCell: Hashable, Sendable {
    /// A string.
    case text(String)
    /// A number.
    case number(Double)
    /// A formula (without the leading `=`) and the value it evaluates to.
    case formula(String, value: Double)
    /// Nothing: a value that does not exist (no month by which a cap hit is likely).
    case empty

    /// A whole number of credits.
    static func credits(_ value: Int) -> WorkbookCell { .number(Double(value)) }
}
