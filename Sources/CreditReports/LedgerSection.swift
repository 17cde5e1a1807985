import CreditLedger

/// One workspace's ledger rows, as the ledger report prints them.
public struct LedgerSection: Sendable, Equatable {
    /// The workspace's name, or `nil` when the usage file had no workspace column.
    public var workspace: String?
    /// Its months, in order.
    public var rows: [LedgerMonth]

    /// A section for `workspace` holding `rows`.
    public init(workspace: String?, rows: [LedgerMonth]) {
        self.workspace = workspace
        self.rows = rows
    }
}
