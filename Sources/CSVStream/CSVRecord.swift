/// One record of a CSV file, as libcsv split it: its fields' raw bytes and the line it starts on.
///
/// A record is a view into the reader's buffers and is valid only inside the closure it is
/// passed to; copy out what you keep (`string(at:)` makes a `String`).
///
/// `count` and `bytes(at:)` are inlinable: importers call them on several fields of every row,
/// and as calls into this module they cost more than the reads they make.
public struct CSVRecord {
    /// The 1-based line of the file on which the record starts.
    public let line: Int
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let fieldEnds: UnsafeBufferPointer<Int>

    init(line: Int, bytes: UnsafeBufferPointer<UInt8>, fieldEnds: UnsafeBufferPointer<Int>) {
        self.line = line
        self.bytes = bytes
        self.fieldEnds = fieldEnds
    }

    /// The number of fields.
    @inlinable public var count: Int { fieldEnds.count }

    /// The raw bytes of field `index`, unquoted by libcsv.
    @inlinable public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<fieldEnds[index]])
    }

    /// Field `index` as text, or `nil` when its bytes are not valid UTF-8.
    public func string(at index: Int) -> String? {
        String(validating: bytes(at: index), as: UTF8.self)
    }

    /// Whether every field is empty or only spaces: a blank row in a spreadsheet export.
    public var isBlank: Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
