/// One sheet: a header row (bold, frozen, with an autofilter) over rows of typed cells, and
/// optionally a chart beside them; or, with no columns, lines of text (an "About" sheet).
public struct WorkbookSheet: Hashable, Sendable {
    /// The sheet's tab name, at most 31 characters of Excel's allowed ones (see `SheetNames`).
    public var name: String
    /// The columns.
    public var columns: [WorkbookColumn]
    /// The rows below the header, each with one cell per column.
    public var rows: [[WorkbookCell]]
    /// A chart of some columns, beside the table.
    public var chart: WorkbookChart?
    /// Lines of text written from the first row down, for a sheet without columns.
    public var lines: [String]

    /// A sheet of a table.
    public init(name: String, columns: [WorkbookColumn], rows: [[WorkbookCell]], chart: WorkbookChart? = nil) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.chart = chart
        self.lines = []
    }

    /// A sheet of text lines.
    public init(name: String, lines: [String]) {
        self.name = name
        self.columns = []
        self.rows = []
        self.chart = nil
        self.lines = lines
    }

    /// The most rows below the header that a sheet can hold (Excel's limit, 1,048,576 rows,
    /// less the header).
    public static let maximumRows = 1_048_575
}
