/// An assumption behind a workspace's renewal forecast that a sensitivity analysis moves to its
/// P10 and P90, one at a time, to see how much it matters. See `SensitivityAnalysis.ranges` for
/// how each one's P10 and P90 are defined.
public enum SensitivityDriver: String, Sendable, CaseIterable, Comparable {
    /// How much the workspace uses in a typical month.
    case usageLevel = "usage-level"
    /// Whether usage grows or shrinks from month to month.
    case trend
    /// How much the heaviest users use.
    case heaviestSeats = "heaviest-seats"
    /// How many seats the workspace has.
    case seatCount = "seat-count"
    /// Which plan the seats are on (accrual and cap follow).
    case plan

    /// The driver in a reader's words.
    public var title: String {
        switch self {
        case .usageLevel: "usage level"
        case .trend: "trend"
        case .heaviestSeats: "heaviest seats"
        case .seatCount: "seat count"
        case .plan: "plan"
        }
    }

    /// Report order when two drivers move a result equally: the order of the cases.
    public static func < (lhs: SensitivityDriver, rhs: SensitivityDriver) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
