/// A GitHub-flavoured Markdown table; the one writer for every Markdown table the tool emits.
///
/// Every cell goes through `escape`, so a workspace named `a|b` or `<script>` stays inside its
/// cell and shows as written instead of splitting the row or injecting HTML. Cells are padded to
/// the column width so that the source also reads as a table.
struct MarkdownTable: Sendable, Equatable {
    /// A column: its heading and which side its cells line up on.
    struct Column: Sendable, Equatable {
        /// The heading text (escaped like any cell).
        var title: String
        /// Left for text, right for numbers.
        var alignment: ColumnAlignment

        /// A column headed `title`.
        init(_ title: String, _ alignment: ColumnAlignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, in order.
    var columns: [Column]
    /// Rows of raw (unescaped) cell text, one entry per column.
    var rows: [[String]]

    /// A table with the given columns and rows.
    init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table, each line ending in LF.
    var text: String {
        let rows = rows
        return Self.text(columns: columns, count: rows.count) { rows[$0] }
    }

    /// The table of `columns` and `count` rows of raw cell text that `row` makes one at a time:
    /// each row is made twice, once for the column widths and once for its line, so a table of
    /// every workspace of a large portfolio never holds more than its text.
    static func text(columns: [Column], count: Int, row: (Int) -> [String]) -> String {
        let header = columns.map { escape($0.title) }
        var widths = header.map { max(3, $0.count) }
        for index in 0..<count {
            for (column, cell) in row(index).enumerated() where column < widths.count {
                widths[column] = max(widths[column], escape(cell).count)
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = columns.indices.map { index in
                columns[index].alignment.pad(index < cells.count ? cells[index] : "", to: widths[index])
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        let rule = columns.indices.map { index in
            columns[index].alignment == .right
                ? String(repeating: "-", count: widths[index] - 1) + ":"
                : String(repeating: "-", count: widths[index])
        }
        var text = line(header) + "| " + rule.joined(separator: " | ") + " |\n"
        for index in 0..<count { text += line(row(index).map(escape)) }
        return text
    }

    /// `text` made safe for a table cell, a heading or image alt text.
    ///
    /// Line breaks become spaces (a cell cannot hold one). `<`, `>` and `&` become entities so no
    /// HTML or entity is ever interpreted. `|` is escaped so it cannot end the cell, and `\`,
    /// `` ` ``, `*`, `_`, `~`, `[`, `]` are escaped so a name cannot open a code span, emphasis,
    /// strike-through or a link, nor swallow the escape of the pipe that follows it. `$` is
    /// escaped because GitHub reads text between two dollar amounts as a math formula.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in ReportText.singleLine(text) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\\", "|", "`", "*", "_", "~", "[", "]", "$": escaped += "\\" + String(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
