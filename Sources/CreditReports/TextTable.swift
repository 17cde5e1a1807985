/// A plain-text table for a terminal: columns separated by two spaces and padded to line up,
/// numbers to the right, as in the vendor's walk-through.
struct TextTable: Sendable, Equatable {
    /// The column headings.
    var headings: [String]
    /// How each column lines up.
    var alignments: [ColumnAlignment]
    /// Rows of cell text, one entry per column.
    var rows: [[String]]

    /// A table with the given headings, alignments (one per heading) and rows.
    init(headings: [String], alignments: [ColumnAlignment], rows: [[String]] = []) {
        precondition(headings.count == alignments.count, "one alignment per column")
        self.headings = headings
        self.alignments = alignments
        self.rows = rows
    }

    /// The table, each line ending in LF, with no trailing spaces.
    var text: String {
        // A name with a line break would break the layout, so cells are kept to one line.
        let all = ([headings] + rows).map { $0.map(ReportText.singleLine) }
        var widths = [Int](repeating: 0, count: headings.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            var line = widths.indices.map { index in
                alignments[index].pad(index < row.count ? row[index] : "", to: widths[index])
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }
}
