/// Why a CSV stream could not be read to its end.
public enum CSVStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// Quoting is broken: a quote inside an unquoted field, or text after a closing quote.
    case malformedQuoting(line: Int)
    /// A quoted field is still open at the end of the file.
    case unclosedQuote(line: Int)
    /// A field of the record starting on `line` is longer than `limit` bytes
    /// (`CSVStreamReader.maxFieldBytes`), or libcsv ran out of memory growing it.
    case fieldTooLarge(line: Int, limit: Int)
    /// The fields of the record starting on `line` hold more than `limit` bytes together
    /// (`CSVStreamReader.maxRecordBytes`).
    case recordTooLarge(line: Int, limit: Int)

    /// The error as `line: message`, or `cannot read PATH: reason`.
    public var description: String {
        if case let .unreadable(path, reason) = self { return "cannot read \(path): \(reason)" }
        return line.map { "\($0): \(message)" } ?? message
    }

    /// What is wrong and what to do, without the line or the path, for a `file:line: message`
    /// diagnostic.
    public var message: String {
        switch self {
        case let .unreadable(_, reason):
            "cannot read the file: \(reason)"
        case .malformedQuoting:
            "a quote is out of place (inside an unquoted field, or text after a closing quote); "
                + "quote the whole field and double any quote inside it"
        case .unclosedQuote:
            "a quoted field is never closed; add the closing quote"
        case let .fieldTooLarge(_, limit):
            "a field is longer than \(Self.size(limit)); check for a missing closing quote"
        case let .recordTooLarge(_, limit):
            "the row holds more than \(Self.size(limit)); check the delimiter and the quotes"
        }
    }

    /// The line the error is on, where there is one.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case let .malformedQuoting(line), let .unclosedQuote(line), let .fieldTooLarge(line, _),
            let .recordTooLarge(line, _):
            line
        }
    }

    /// `limit` bytes for a message: `1 MiB`, `16 MiB`, or bytes when below a KiB or uneven.
    public static func size(_ limit: Int) -> String {
        if limit >= 1 << 20, limit % (1 << 20) == 0 { return "\(limit >> 20) MiB" }
        if limit >= 1 << 10, limit % (1 << 10) == 0 { return "\(limit >> 10) KiB" }
        return "\(limit) bytes"
    }
}
