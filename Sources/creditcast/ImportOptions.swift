import ArgumentParser
import UsageImport

/// How to read a usage file, for every command that reads one.
struct ImportOptions: ParsableArguments {
    @Option(help: "Field delimiter: comma, semicolon or tab (detected when left out).")
    var delimiter: Delimiter?

    @Option(name: .customLong("date-order"), help: "How to read dates like 04/01/2026: mdy or dmy (inferred when the file tells).")
    var dateOrder: DateOrder?

    @Option(
        name: .customLong("decimal-mark"),
        help: "The mark before a number's decimals: comma (1.234,5) or point (1,234.5) (inferred when the file tells).")
    var decimalMark: DecimalMark?

    @Option(help: "Text encoding: utf-8, utf-16le, utf-16be or windows-1252 (detected when left out).")
    var encoding: TextEncoding?

    @Option(name: .customLong("seat-column"), help: "The header of the seat column, when it is none of the names accepted.")
    var seatColumn: String?

    @Option(name: .customLong("month-column"), help: "The header of the month column, when it is none of the names accepted.")
    var monthColumn: String?

    @Option(name: .customLong("credits-column"), help: "The header of the credits column, when it is none of the names accepted.")
    var creditsColumn: String?

    @Option(
        name: .customLong("workspace-column"), help: "The header of the workspace column, when it is none of the names accepted.")
    var workspaceColumn: String?

    var importOptions: UsageImportOptions {
        var options = UsageImportOptions()
        options.delimiter = delimiter?.byte
        options.dateOrder = dateOrder
        options.decimalMark = decimalMark
        options.encoding = encoding
        options.seatColumn = seatColumn
        options.monthColumn = monthColumn
        options.creditsColumn = creditsColumn
        options.workspaceColumn = workspaceColumn
        return options
    }

    /// A delimiter as a user names it.
    enum Delimiter: String, ExpressibleByArgument, CaseIterable {
        case comma, semicolon, tab

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            }
        }
    }
}
