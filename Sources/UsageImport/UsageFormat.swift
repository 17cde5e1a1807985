/// The layout of a usage export.
public enum UsageFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// One row per seat and month, with a month column and a credits column.
    case long
    /// One row per seat and one column per month, as finance keeps it in a spreadsheet.
    case wide

    /// `long` or `wide`.
    public var description: String { rawValue }
}
