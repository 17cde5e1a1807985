import CreditReports

extension WorkbookSheet {
    /// A sheet of one of the reports' CSV tables: the same columns, in the same units, with
    /// numbers stored as numbers and each column formatted by its `NumberStyle`; `order`, if
    /// given, the rows to keep, in that order.
    init(name: String, table: CSVTable, order: [Int]? = nil) {
        let rows = order.map { $0.map { table.rows[$0] } } ?? table.rows
        self.init(
            name: name,
            columns: table.header.map { WorkbookColumn($0, NumberStyle.ofColumn($0) ?? .general) },
            rows: rows.map { $0.map(WorkbookCell.init) }
        )
    }
}

extension WorkbookCell {
    /// The cell of a CSV field: the reports write numbers as plain decimal digits, which read
    /// back as the same number.
    init(_ cell: CSVCell) {
        switch cell {
        case let .text(text): self = .text(text)
        case let .number(digits): self = Double(digits).map(WorkbookCell.number) ?? .text(digits)
        case .empty: self = .empty
        }
    }
}
