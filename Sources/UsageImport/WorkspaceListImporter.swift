import CreditCore

/// Reads a workspaces file: CSV with `workspace`, `plan` and `seats` columns and optional
/// `balance`, `as_of` (a month) and `cap` columns, headers matched like a usage export's.
public enum WorkspaceListImporter {
    /// The workspaces in the file at `path`, in file order.
    ///
    /// - Throws: every error found in the file, each naming its line.
    public static func load(
        fileAt path: String, options: UsageImportOptions = .init()
    ) throws(UsageImportError) -> [WorkspaceSettings] {
        try list(fileAt: path, options: options).settings
    }

    /// The workspaces in the file at `path`, in file order, with their lines, to be checked
    /// against the usage file and the pricing (`WorkspaceList.check`).
    ///
    /// - Throws: every error found in the file, each naming its line.
    public static func list(fileAt path: String, options: UsageImportOptions = .init()) throws(UsageImportError) -> WorkspaceList {
        var log = DiagnosticLog(file: InputText.displayName(of: path), limit: options.maxErrors)
        guard let input = InputText.prepare(path: path, encoding: options.encoding, log: &log) else {
            throw UsageImportError(errors: log.errors, warnings: log.warnings)
        }
        defer { input.remove() }
        let start = log
        var reader = WorkspaceListReader(decimalMark: options.decimalMark)
        _ = TableReader.read(fileAt: input.path, options: options, into: &reader, log: &log)
        if let told = reader.needsSecondReading {
            log = start
            reader = WorkspaceListReader(decimalMark: options.decimalMark, told: told)
            _ = TableReader.read(fileAt: input.path, options: options, into: &reader, log: &log)
        }
        let read = reader.finish(options: options, log: &log)
        guard !log.hasErrors else { throw UsageImportError(errors: log.errors, warnings: log.warnings) }
        return WorkspaceList(file: log.file, settings: read.settings, lines: read.lines)
    }
}
