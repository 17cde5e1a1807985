/// How a full date written with slashes (`04/01/2026`) orders its day and month.
///
/// A file uses one order throughout. The importer infers it where the file shows it and
/// otherwise asks for `--date-order` rather than guess.
public enum DateOrder: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `04/01/2026` is April 1 (`--date-order mdy`).
    case monthFirst = "mdy"
    /// `04/01/2026` is January 4 (`--date-order dmy`).
    case dayFirst = "dmy"

    /// The option value: `mdy` or `dmy`.
    public var description: String { rawValue }

    /// The order spelled out for messages.
    var pattern: String { self == .monthFirst ? "month/day/year" : "day/month/year" }
}
