/// Choices the user can make about reading an input file, for what the file cannot tell.
public struct UsageImportOptions: Sendable, Equatable {
    /// The field separator (`,`, `;` or a tab); `nil` sniffs it from the first lines.
    public var delimiter: UInt8?
    /// How to read full dates such as `04/01/2026`; `nil` infers it from the file and reports
    /// an error when the file does not tell.
    public var dateOrder: DateOrder?
    /// The mark between a number's whole part and its decimals (`1.234,5` or `1,234.5`); `nil`
    /// infers it from the file and reports an error when the file does not tell.
    public var decimalMark: DecimalMark?
    /// The file's text encoding; `nil` reads UTF-8, UTF-16 after a byte order mark, and
    /// Windows-1252 when the bytes are not UTF-8 but read as it (with a warning).
    public var encoding: TextEncoding?
    /// The header of the seat column, when none of the names accepted for it is the file's.
    public var seatColumn: String?
    /// The header of the month column, when none of the names accepted for it is the file's.
    public var monthColumn: String?
    /// The header of the credits column, when none of the names accepted for it is the file's.
    public var creditsColumn: String?
    /// The header of the workspace column, when none of the names accepted for it is the file's.
    public var workspaceColumn: String?
    /// How many errors (and, separately, warnings) to report before summing up the rest.
    public var maxErrors: Int
    /// The most threads reading one file (a large one is read in parts, one per thread);
    /// 0 uses every active core.
    public var threads: Int
    /// Bytes per part when a usage file's rows are read in parts, concurrently; `nil` picks one
    /// part per thread for a large file and reads a small one whole. Tests set it to cut small
    /// files into many parts.
    var partSize: Int?

    /// Options that sniff the delimiter, infer the date order and the decimal mark, report up to 50 errors and read
    /// on every core.
    public init(
        delimiter: UInt8? = nil, dateOrder: DateOrder? = nil, decimalMark: DecimalMark? = nil,
        encoding: TextEncoding? = nil, seatColumn: String? = nil, monthColumn: String? = nil,
        creditsColumn: String? = nil, workspaceColumn: String? = nil, maxErrors: Int = 50, threads: Int = 0
    ) {
        self.encoding = encoding
        self.seatColumn = seatColumn
        self.monthColumn = monthColumn
        self.creditsColumn = creditsColumn
        self.workspaceColumn = workspaceColumn
        self.delimiter = delimiter
        self.dateOrder = dateOrder
        self.decimalMark = decimalMark
        self.maxErrors = maxErrors
        self.threads = threads
    }

    /// The headers given for usage columns.
    var givenColumns: [UsageColumn: String] {
        var columns: [UsageColumn: String] = [:]
        columns[.seat] = seatColumn
        columns[.month] = monthColumn
        columns[.credits] = creditsColumn
        columns[.workspace] = workspaceColumn
        return columns
    }
}
