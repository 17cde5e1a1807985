/// Why a CSV stream could not be read to its end.
public enum CSVStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// Quoting is broken: a quote inside an unquoted field, or text after a closing quote.
    case malformedQuoting(line: Int)
    /// A quoted field is still open at the end of the file.
    case unclosedQuote(line: Int)
    /// libcsv ran out of memory growing a field.
    case fieldTooLarge(line: Int)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .malformedQuoting(line):
            return "\(line): malformed quoting (a quote inside an unquoted field, or text after a closing quote); quote the whole field and double any quote inside it"
        case let .unclosedQuote(line):
            return "\(line): a quoted field is never closed; add the closing quote"
        case let .fieldTooLarge(line):
            return "\(line): a field is too large to hold in memory"
        }
    }

    /// The line the error is on, where there is one.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case let .malformedQuoting(line), let .unclosedQuote(line), let .fieldTooLarge(line): line
        }
    }
}
