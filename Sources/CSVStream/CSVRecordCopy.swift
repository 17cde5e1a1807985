/// A record copied out of the reader's buffers, to be read again after its closure returns:
/// rows held until later rows show what they are.
public struct CSVRecordCopy: Sendable, Equatable {
    /// The line the record starts on.
    public let line: Int
    private let bytes: [UInt8]
    private let fieldEnds: [Int]

    /// A copy of `record`.
    public init(_ record: CSVRecord) {
        line = record.line
        var bytes: [UInt8] = []
        var fieldEnds: [Int] = []
        for index in 0..<record.count {
            bytes.append(contentsOf: record.bytes(at: index))
            fieldEnds.append(bytes.count)
        }
        self.bytes = bytes
        self.fieldEnds = fieldEnds
    }

    /// Whether `record` holds the same fields, byte for byte. The first field's length is
    /// compared first, so that a record that differs costs little.
    public func hasSameFields(as record: CSVRecord) -> Bool {
        guard record.count == fieldEnds.count, record.bytes(at: 0).count == fieldEnds[0] else { return false }
        return withRecord { copy in
            (0..<copy.count).allSatisfy { copy.bytes(at: $0).elementsEqual(record.bytes(at: $0)) }
        }
    }

    /// `body` applied to the copy as a record.
    public func withRecord<Result>(_ body: (CSVRecord) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try body(CSVRecord(line: line, bytes: bytes, fieldEnds: ends))
            }
        }
    }
}
