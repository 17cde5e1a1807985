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
    /// Reports why none of the first rows is a header.
    func reportMissingHeader(log: inout DiagnosticLog)
}
