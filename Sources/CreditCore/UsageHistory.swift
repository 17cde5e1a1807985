/// Monthly credit usage per seat, per workspace, as read from a usage export.
///
/// Months run from `firstMonth` to `lastMonth` (the as-of month) with no gaps; a month in which
/// a seat has no row is zero usage for it.
public struct UsageHistory: Sendable, Equatable {
    /// Every workspace, sorted by name. A file without a workspace column holds one workspace
    /// named `UsageHistory.defaultWorkspaceName`.
    public var workspaces: [WorkspaceHistory]
    /// The first month with data anywhere in the file.
    public var firstMonth: Month
    /// The last month with data anywhere in the file: the as-of month.
    public var lastMonth: Month
    /// Whether the file named its workspaces (reports then carry a `workspace` column).
    public var hasWorkspaceColumn: Bool

    /// The most credits a file may give one value, or one workspace's month: a trillion. Far
    /// beyond any seat's month, pool or seat count, and small enough that the ledger's sums and
    /// prices of such values stay within 64 bits. Usage given another way (`--usage`) should be
    /// held to it too.
    public static let maximumCredits = 1_000_000_000_000

    /// The most seats a workspace may have, from any source (a workspaces file, a scenario, an
    /// option): ten million. At the largest allowance a pricing file may set (100,000 credits a
    /// seat) that is a month's accrual of `maximumCredits`, so a pool's accrual, cap and balance
    /// stay as far inside 64 bits as its usage does.
    public static let maximumSeats = 10_000_000

    /// The name of the single workspace of a file that has no workspace column.
    public static let defaultWorkspaceName = "workspace"

    /// Creates a history; the importer is the usual source.
    public init(workspaces: [WorkspaceHistory], firstMonth: Month, lastMonth: Month, hasWorkspaceColumn: Bool) {
        self.workspaces = workspaces
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.hasWorkspaceColumn = hasWorkspaceColumn
    }

    /// The months of the history, first to last.
    public var months: ClosedRange<Month> { firstMonth...lastMonth }

    /// The number of months of the history.
    public var monthCount: Int { firstMonth.distance(to: lastMonth) + 1 }
}
