/// A full date as first met in a file, kept until the file's date order is known. A file holds
/// few distinct dates, so keeping one per distinct text costs little memory.
package struct PendingDate: Equatable {
    /// The date's numbers.
    package var date: FullDate
    /// The text as written, for messages.
    package var text: String
    /// The first line it is on.
    package var line: Int

    package init(date: FullDate, text: String, line: Int) {
        self.date = date
        self.text = text
        self.line = line
    }
}
