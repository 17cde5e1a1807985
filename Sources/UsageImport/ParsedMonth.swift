import CreditCore

/// A month as written in a file, before the file's date order is known.
package enum ParsedMonth: Equatable {
    /// A month that reads the same in any date order: `2026-04`, `Apr 2026`.
    case month(Month)
    /// A day that reads the same in any date order: `2026-04-15`, `15 Apr 2026`.
    case day(Month, day: Int)
    /// A full date whose day and month depend on the file's date order: `04/01/2026`.
    case fullDate(FullDate)
}
