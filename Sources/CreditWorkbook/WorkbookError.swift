/// Why a workbook could not be written.
public enum WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A sheet would hold more rows than Excel allows.
    case tooManyRows(sheet: String, rows: Int)
    /// libxlsxwriter refused: what it said, and the workbook's path.
    case writerFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .tooManyRows(sheet, rows):
            "the workbook's sheet '\(sheet)' would need \(rows) rows, more than Excel's \(WorkbookSheet.maximumRows) a sheet"
        case let .writerFailed(path, reason):
            "cannot write the workbook \(path): \(reason)"
        }
    }
}
