import CreditCore

/// A CSV file: a header and rows of typed cells.
///
/// The format is RFC 4180 with one deliberate choice: records end with LF, not CRLF. Every
/// spreadsheet, pandas and R read LF, LF files diff cleanly in git, and a text cell that itself
/// holds a line break is quoted either way. There are no comment or title lines: those break
/// spreadsheets and `pandas.read_csv`, so provenance travels in a sidecar (`ReportProvenance`).
package struct CSVTable: Sendable, Equatable {
    /// Column names, written as the first record.
    package var header: [String]
    /// Data records; each should have as many cells as the header.
    package var rows: [[CSVCell]]

    /// A table with the given header and rows.
    init(header: [String], rows: [[CSVCell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// A table of the rows `produce` hands to its `emit`, gathered in memory: for readers that
    /// want a table whole (a workbook's sheet, standard output's JSON), never for a report file.
    init(header: [String], gathering produce: (_ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) -> Void) {
        var rows: [[CSVCell]] = []
        // Gathering never fails, so neither can `produce`.
        try? produce { rows.append($0) }
        self.init(header: header, rows: rows)
    }

    /// The whole file: header, then every row, each record ending in LF.
    var text: String {
        var text = Self.record(header.map(CSVCell.text))
        for row in rows { text += Self.record(row) }
        return text
    }

    /// A file of `header` and the records `rows` hands to its `emit`, each written to the sink as
    /// it is made: a table of a million workspaces never exists whole, as cells or as text.
    static func file(
        path: String, header: [String],
        rows: @escaping @Sendable (_ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) -> Void
    ) -> ReportFile {
        ReportFile(path: path) { sink throws(ReportWriteError) in
            try sink.write(record(header.map(CSVCell.text)))
            try rows { cells throws(ReportWriteError) in try sink.write(record(cells)) }
        }
    }

    /// One record with its LF terminator; writers that stream rows (the trials file) use this
    /// so that every CSV the tool writes goes through the same encoding.
    static func record(_ cells: [CSVCell]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line += "," }
            line += cell.encoded
        }
        line += "\n"
        return line
    }
}

extension CSVTable {
    /// The rows at `order` (all rows, in file order, when `nil`) as JSON objects keyed by the
    /// header: text as strings, numbers as JSON numbers with the CSV's own digits (so a reader
    /// with decimal numbers gets the exact amount), empty cells as `null`.
    package func jsonRows(order: [Int]? = nil) -> JSONValue {
        let rows = order.map { $0.map { self.rows[$0] } } ?? self.rows
        return .array(
            rows.map { row in
                .object(
                    zip(header, row).map { name, cell in
                        switch cell {
                        case let .text(text): (name, .string(text))
                        case let .number(digits): (name, .number(digits))
                        case .empty: (name, .null)
                        }
                    })
            })
    }
}
