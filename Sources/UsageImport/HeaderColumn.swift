/// A column an input file may have, recognised by any of several header names.
package protocol HeaderColumn: CaseIterable, Hashable, Sendable {
    /// What the column holds, in messages: `seat`, `credits`.
    var role: String { get }
    /// The header names accepted, as shown in messages. They match ignoring case, spaces and
    /// underscores, so `Seat ID` also accepts `seat_id`.
    var acceptedNames: [String] { get }
    /// Names accepted only when no cell of the row has one of `acceptedNames`: `Name` is a
    /// seat column only where there is no better one.
    var fallbackNames: [String] { get }
}

extension HeaderColumn {
    package var fallbackNames: [String] { [] }
}
