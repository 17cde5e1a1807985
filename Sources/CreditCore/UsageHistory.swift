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

/// One workspace's seats and their monthly usage.
public struct WorkspaceHistory: Sendable, Equatable {
    /// The workspace's name (team, account).
    public var name: String
    /// Its seats, sorted by id.
    public var seats: [SeatHistory]

    /// Creates a workspace history.
    public init(name: String, seats: [SeatHistory]) {
        self.name = name
        self.seats = seats
    }

    /// The workspace's total usage in each month of the history (index 0 is the history's
    /// first month).
    public var monthlyUsage: [Int] {
        guard let length = seats.first?.usage.count else { return [] }
        var totals = [Int](repeating: 0, count: length)
        for seat in seats {
            for (index, credits) in seat.usage.enumerated() { totals[index] += credits }
        }
        return totals
    }

    /// The number of seats that count in month `offset` of the history: a seat counts from its
    /// first month with data to the end of the history.
    public func seatCount(atOffset offset: Int) -> Int {
        seats.count { $0.firstOffset <= offset }
    }
}

/// One seat's usage.
public struct SeatHistory: Sendable, Equatable {
    /// The seat's identifier as in the file (a user, an email address).
    public var id: String
    /// The seat's plan, when the file has a plan column.
    public var plan: String?
    /// The offset, from the history's first month, of the seat's first month with a row.
    public var firstOffset: Int
    /// Credits used in each month of the history (index 0 is the history's first month); zero
    /// before the seat's first month and in months without a row.
    public var usage: [Int]

    /// Creates a seat history.
    public init(id: String, plan: String? = nil, firstOffset: Int, usage: [Int]) {
        self.id = id
        self.plan = plan
        self.firstOffset = firstOffset
        self.usage = usage
    }
}
