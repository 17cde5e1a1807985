import CLibXLSXWriter

/// The only code that calls libxlsxwriter: writes sheets to an `.xlsx` file.
///
/// Every header row is bold and frozen with an autofilter over the table; every number cell
/// carries its column's `NumberStyle`; input columns are shaded; a chart is a native line chart
/// whose series are ranges of the sheet, so it follows the cells.
enum XLSXWriter {
    /// What libxlsxwriter said when it refused.
    struct Failure: Error {
        var reason: String
    }

    /// Writes `sheets` to the file at `path`, replacing it.
    static func write(_ sheets: [WorkbookSheet], to path: String) throws(Failure) {
        guard let book = workbook_new(path) else { throw Failure(reason: "libxlsxwriter cannot create the file") }
        var formats = Formats(book: book)
        var failure: Failure?
        for sheet in sheets where failure == nil {
            failure = add(sheet, to: book, formats: &formats)
        }
        // Closing writes the file, and frees the workbook whether or not a sheet failed.
        let closed = workbook_close(book)
        if let failure { throw failure }
        guard closed == LXW_NO_ERROR else { throw Failure(reason: String(cString: lxw_strerror(closed))) }
    }

    /// One format per number style and shading, made once per workbook.
    private struct Formats {
        let book: UnsafeMutablePointer<lxw_workbook>
        let header: UnsafeMutablePointer<lxw_format>
        private var made: [String: UnsafeMutablePointer<lxw_format>] = [:]

        init(book: UnsafeMutablePointer<lxw_workbook>) {
            self.book = book
            header = workbook_add_format(book)
            format_set_bold(header)
            format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
        }

        mutating func cell(_ column: WorkbookColumn) -> UnsafeMutablePointer<lxw_format>? {
            guard column.style.excelFormat != nil || column.isInput else { return nil }
            let key = "\(column.style.rawValue)/\(column.isInput)"
            if let format = made[key] { return format }
            let format = workbook_add_format(book)!
            if let excel = column.style.excelFormat { format_set_num_format(format, excel) }
            // A light yellow: the cells a reader may change.
            if column.isInput { format_set_bg_color(format, 0xFFF2CC) }
            made[key] = format
            return format
        }
    }

    private static func add(
        _ sheet: WorkbookSheet, to book: UnsafeMutablePointer<lxw_workbook>, formats: inout Formats
    ) -> Failure? {
        guard let worksheet = workbook_add_worksheet(book, sheet.name) else {
            return Failure(reason: "libxlsxwriter refused the sheet name '\(sheet.name)'")
        }
        for (row, line) in sheet.lines.enumerated() {
            if let failure = check(worksheet_write_string(worksheet, lxw_row_t(row), 0, line, nil)) { return failure }
        }
        guard !sheet.columns.isEmpty else {
            worksheet_set_column(worksheet, 0, 0, 120, nil)
            return nil
        }
        let cellFormats = sheet.columns.map { formats.cell($0) }
        for (column, heading) in sheet.columns.enumerated() {
            if let failure = check(worksheet_write_string(worksheet, 0, lxw_col_t(column), heading.title, formats.header)) {
                return failure
            }
            worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width(of: column, in: sheet), nil)
        }
        for (index, cells) in sheet.rows.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, cell) in cells.enumerated() {
                let col = lxw_col_t(column)
                let format = cellFormats[column]
                let status: lxw_error
                switch cell {
                case let .text(text): status = worksheet_write_string(worksheet, row, col, text, format)
                case let .number(value): status = worksheet_write_number(worksheet, row, col, value, format)
                case let .formula(formula, value): status = worksheet_write_formula_num(worksheet, row, col, "=" + formula, format, value)
                case .empty: status = format == nil ? LXW_NO_ERROR : worksheet_write_blank(worksheet, row, col, format)
                }
                if let failure = check(status) { return failure }
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.columns.count - 1))
        if let chart = sheet.chart, !sheet.rows.isEmpty {
            insert(chart, into: worksheet, of: sheet, book: book)
        }
        return nil
    }

    private static func insert(
        _ chart: WorkbookChart, into worksheet: UnsafeMutablePointer<lxw_worksheet>, of sheet: WorkbookSheet,
        book: UnsafeMutablePointer<lxw_workbook>
    ) {
        guard let line = workbook_add_chart(book, UInt8(LXW_CHART_LINE.rawValue)) else { return }
        let last = lxw_row_t(sheet.rows.count)
        for (name, column) in chart.series {
            guard let series = chart_add_series(line, nil, nil) else { continue }
            chart_series_set_categories(series, sheet.name, 1, lxw_col_t(chart.categoryColumn), last, lxw_col_t(chart.categoryColumn))
            chart_series_set_values(series, sheet.name, 1, lxw_col_t(column), last, lxw_col_t(column))
            chart_series_set_name(series, name)
        }
        chart_title_set_name(line, chart.title)
        var titleFont = lxw_chart_font()
        titleFont.size = 12
        titleFont.bold = 1
        chart_title_set_name_font(line, &titleFont)
        chart_axis_set_name(line.pointee.y_axis, chart.valueAxisTitle)
        chart_axis_set_num_format(line.pointee.y_axis, NumberStyle.whole.excelFormat)
        chart_legend_set_position(line, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        var placement = lxw_chart_options()
        placement.x_scale = 1.6
        placement.y_scale = 1.4
        worksheet_insert_chart_opt(worksheet, 1, lxw_col_t(sheet.columns.count + 1), line, &placement)
    }

    /// A column as wide as its heading or its longest text, within 8 and 40 characters.
    private static func width(of column: Int, in sheet: WorkbookSheet) -> Double {
        var longest = sheet.columns[column].title.count
        for row in sheet.rows.prefix(1_000) {
            if column < row.count, case let .text(text) = row[column] { longest = max(longest, text.count) }
        }
        return Double(min(40, max(8, longest + 2)))
    }

    private static func check(_ status: lxw_error) -> Failure? {
        status == LXW_NO_ERROR ? nil : Failure(reason: String(cString: lxw_strerror(status)))
    }
}
