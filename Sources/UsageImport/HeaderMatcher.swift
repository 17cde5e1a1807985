import CSVStream
import CreditCore

/// Recognises the header row of an input file by its column names, for every kind of input
/// file, and words what is missing when no row qualifies.
package struct HeaderMatcher<Column: HeaderColumn> {
    /// The columns recognised in one row.
    package struct Match {
        /// The row's line.
        var line: Int
        /// The row's cells, trimmed.
        package var cells: [String]
        /// Where each recognised column is; the first cell wins when several name one column.
        package var indices: [Column: Int] = [:]
        /// Messages for cells that name a column already named by an earlier cell.
        package var duplicates: [String] = []
        /// The cells that name no column.
        package var unrecognised: [Int] = []

        /// Whether `index` holds a recognised column.
        func isRecognised(_ index: Int) -> Bool { indices.values.contains(index) }
    }

    /// The most headers a message lists.
    static var listedHeaders: Int { 20 }

    private let columnsByName: [String: Column]
    private let fallbackColumnsByName: [String: Column]
    /// The header a user gave for some columns, which then match that header alone.
    private let givenNames: [Column: String]
    /// The row most like a header so far: the most columns recognised, then the most cells.
    private(set) var closest: Match?

    /// A matcher of every column's accepted names, except that a column in `givenNames` is
    /// matched by the name given instead.
    package init(givenNames: [Column: String] = [:]) {
        var columnsByName: [String: Column] = [:]
        var fallbackColumnsByName: [String: Column] = [:]
        for column in Column.allCases where givenNames[column] == nil {
            for name in column.acceptedNames { columnsByName[Self.normalized(name)] = column }
            for name in column.fallbackNames { fallbackColumnsByName[Self.normalized(name)] = column }
        }
        // A given name wins over any column's alias of that spelling.
        for (column, name) in givenNames { columnsByName[Self.normalized(name)] = column }
        self.columnsByName = columnsByName
        self.fallbackColumnsByName = fallbackColumnsByName
        self.givenNames = givenNames
    }

    /// Header names compare ignoring case, spaces and underscores.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "\t" })
    }

    /// The columns `record` names.
    package mutating func match(_ record: CSVRecord) -> Match {
        var match = Match(
            line: record.line, cells: (0..<record.count).map { String(decoding: record.bytes(at: $0).trimmed, as: UTF8.self) })
        var fallbacks: [(index: Int, column: Column)] = []
        for (index, cell) in match.cells.enumerated() {
            guard let column = columnsByName[Self.normalized(cell)] else {
                if let column = fallbackColumnsByName[Self.normalized(cell)] {
                    fallbacks.append((index, column))
                } else {
                    match.unrecognised.append(index)
                }
                continue
            }
            if let first = match.indices[column] {
                match.duplicates.append(
                    "columns \"\(match.cells[first].messageExcerpt)\" and \"\(cell.messageExcerpt)\" both name the \(column.role) column; keep one"
                )
            } else {
                match.indices[column] = index
            }
        }
        for (index, column) in fallbacks {
            if match.indices[column] == nil {
                match.indices[column] = index
            } else {
                match.unrecognised.append(index)
            }
        }
        match.unrecognised.sort()
        if closest.map({ ($0.indices.count, $0.cells.count) < (match.indices.count, match.cells.count) }) ?? true {
            closest = match
        }
        return match
    }

    /// Why the closest row is not a header: the required columns it lacks, the names accepted
    /// for them and the headers it has; `hint` follows when given.
    func missingColumnsMessage(required: [Column], hint: String? = nil) -> String {
        let missing = required.filter { closest?.indices[$0] == nil }
        let wanted = missing.map { column in
            if let given = givenNames[column] { return "\(column.role) (given as \"\(given.messageExcerpt)\")" }
            return "\(column.role) (accepted names: \((column.acceptedNames + column.fallbackNames).joined(separator: ", ")))"
        }
        let cells = closest?.cells.filter { !$0.isEmpty } ?? []
        var found = cells.prefix(Self.listedHeaders).map { "\"\($0.messageExcerpt)\"" }.joined(separator: ", ")
        if cells.count > Self.listedHeaders { found += " and \(cells.count - Self.listedHeaders) more" }
        var message =
            "no header row with the required columns in the first \(TableReader.headerSearchRows) rows; "
            + "missing \(wanted.joined(separator: " and ")); headers found: \(found.isEmpty ? "none" : found)"
        if let hint { message += "; \(hint)" }
        return message
    }
}
