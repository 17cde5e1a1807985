/// Why an input file could not be imported: every error found in it, in line order.
public struct UsageImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors, in line order, the last possibly "… and N more errors".
    public var errors: [ImportDiagnostic]
    /// The warnings collected before the import failed.
    public var warnings: [ImportDiagnostic]

    /// Creates an import error.
    public init(errors: [ImportDiagnostic], warnings: [ImportDiagnostic] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// Each error as `file:line: message`, one per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
