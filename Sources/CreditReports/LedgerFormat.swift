/// The output formats of `creditcast ledger --format`.
public enum LedgerFormat: String, Sendable, CaseIterable {
    /// Aligned columns with thousands separators, for a terminal.
    case table
    /// One row per workspace and month, for spreadsheets.
    case csv
    /// A GitHub-flavoured table per workspace.
    case markdown
    /// Deterministic JSON for programs.
    case json
}
