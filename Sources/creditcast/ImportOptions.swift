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

    var importOptions: UsageImportOptions {
        var options = UsageImportOptions()
        options.delimiter = delimiter?.byte
        options.dateOrder = dateOrder
        options.decimalMark = decimalMark
        options.encoding = encoding
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
