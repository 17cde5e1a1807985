/// Why a history could not be cut at an as-of month: the month comes before the history's
/// first, so nothing would be left.
public struct HistoryTruncationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The month the history was to be cut at.
    public var asOf: Month
    /// The history's first month.
    public var firstMonth: Month

    /// Creates the error.
    public init(asOf: Month, firstMonth: Month) {
        self.asOf = asOf
        self.firstMonth = firstMonth
    }

    /// `2025-01 is before the history's first month, 2025-03`.
    public var description: String { "\(asOf) is before the history's first month, \(firstMonth)" }
}
