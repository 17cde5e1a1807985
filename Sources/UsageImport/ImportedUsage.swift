import CreditCore

/// A usage history as read from a file, with what only the import knows: the file, the rows it
/// held and what looked doubtful in them.
public struct ImportedUsage: Sendable, Equatable {
    /// The usage history.
    public var history: UsageHistory
    /// The file the history was read from, as given.
    public var file: String
    /// Data rows read (not counting the header, title lines, blank lines or a total row).
    public var rowCount: Int
    /// What was read but looked doubtful: a skipped total row, summed duplicate rows.
    public var warnings: [ImportDiagnostic]

    /// Creates an import result; `UsageImporter.load` is the usual source.
    public init(history: UsageHistory, file: String, rowCount: Int, warnings: [ImportDiagnostic] = []) {
        self.history = history
        self.file = file
        self.rowCount = rowCount
        self.warnings = warnings
    }
}
