import CSVStream

/// Reads the header and rows of one kind of input file, as `TableReader` hands them over.
protocol TableConsumer {
    /// Learns the file's delimiter, before any record is read.
    mutating func begin(delimiter: UInt8)
    /// Reads `record` as the header if it is one, reporting what is wrong with it; `false`
    /// leaves it as a title line above the header.
    mutating func readHeader(_ record: CSVRecord, log: inout DiagnosticLog) -> Bool
    /// The fields every data row must have: one past the last column read.
    var requiredFieldCount: Int { get }
    /// The number of cells of the header.
    var headerFieldCount: Int { get }
    /// Reads one data row, reporting what is wrong with it.
    mutating func readRow(_ record: CSVRecord, log: inout DiagnosticLog)
    /// The label of `record` when one of its name columns holds a total (`Total`, `Summe`),
    /// or `nil`: a candidate total row, which only the end of the table shows to be one.
    func totalLabel(_ record: CSVRecord) -> String?
    /// Whether `record` could be a note below the table (text in the first cell, the rest
    /// empty) rather than a data row: only the end of the table shows it is one.
    func mayBeNote(_ record: CSVRecord) -> Bool
    /// Compares `record`, a total row below every data row, with the sum of the rows above,
    /// and reports that it was skipped and whether it agrees.
    mutating func checkTotal(_ record: CSVRecord, label: String, log: inout DiagnosticLog)
    /// Reports why none of the first rows is a header.
    func reportMissingHeader(log: inout DiagnosticLog)
}
