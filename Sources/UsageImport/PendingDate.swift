/// A full date as first met in a file, kept until the file's date order is known. A file holds
/// few distinct dates, so keeping one per distinct text costs little memory.
struct PendingDate: Equatable {
    /// The date's numbers.
    var date: FullDate
    /// The text as written, for messages.
    var text: String
    /// The first line it is on.
    var line: Int
}
