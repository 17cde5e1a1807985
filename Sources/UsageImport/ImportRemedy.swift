/// A choice about reading a file that the file itself does not settle, named by a diagnostic
/// it would fix, so that a caller can word it as its own option (`UsageImportOptions`).
public enum ImportRemedy: Sendable, Equatable {
    /// Say which mark is the file's decimal mark (`UsageImportOptions.decimalMark`).
    case decimalMark
    /// Say which text encoding the file is in (`UsageImportOptions.encoding`).
    case encoding
}
