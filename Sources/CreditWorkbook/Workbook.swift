import CreditCore
import CreditReports
import Foundation

/// An Excel workbook: sheets of typed cells, written through libxlsxwriter (`XLSXWriter`).
///
/// A workbook is written as one more file of a report set (`file(at:)`), so it is staged and
/// put in place with the run's other reports, all or nothing.
public struct Workbook: Hashable, Sendable {
    /// The sheets, in tab order.
    public var sheets: [WorkbookSheet]

    /// A workbook of `sheets`; refuses a sheet longer than Excel allows before anything is
    /// written.
    public init(sheets: [WorkbookSheet]) throws(WorkbookError) {
        for sheet in sheets where sheet.rows.count > WorkbookSheet.maximumRows {
            throw .tooManyRows(sheet: sheet.name, rows: sheet.rows.count)
        }
        self.sheets = sheets
    }

    /// The workbook as a report file at `path` (a path of its own, outside any report
    /// directory, as a trials file is).
    public func file(at path: String) -> ReportFile {
        let sheets = sheets
        return ReportFile(path: path) { sink throws(ReportWriteError) in
            let data: Data
            do throws(XLSXWriter.Failure) {
                data = try Self.bytes(of: sheets)
            } catch {
                throw .writeFailed(path: path, reason: error.reason)
            }
            try sink.write(data)
        }
    }

    /// The `.xlsx` bytes of `sheets`. libxlsxwriter writes only to a named file, so the
    /// workbook passes through a private temporary file that is removed at once.
    static func bytes(of sheets: [WorkbookSheet]) throws(XLSXWriter.Failure) -> Data {
        let temporary: String
        do {
            let file = try TemporaryFile.create(prefix: "creditcast-workbook")
            close(file.descriptor)
            temporary = file.path
        } catch {
            throw XLSXWriter.Failure(reason: "cannot create a temporary file")
        }
        defer { unlink(temporary) }
        try XLSXWriter.write(sheets, to: temporary)
        guard let data = FileManager.default.contents(atPath: temporary) else {
            throw XLSXWriter.Failure(reason: "cannot read back the temporary file")
        }
        return data
    }
}
