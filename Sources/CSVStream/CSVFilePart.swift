/// A stretch of a CSV file that libcsv can parse on its own: it starts at the start of a line,
/// outside any record, and ends after a newline or at the end of the file.
public struct CSVFilePart: Sendable, Equatable {
    /// The part's bytes, as offsets into the file.
    public var bytes: Range<Int>
    /// The line of the file on which the part starts.
    public var firstLine: Int

    /// A part holding `bytes`, starting on line `firstLine`.
    public init(bytes: Range<Int>, firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
    }
}
