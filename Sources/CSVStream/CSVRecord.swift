/// One record of a CSV file, as libcsv split it: its fields' raw bytes and the line it starts on.
///
/// A record is a view into the reader's buffers and is valid only inside the closure it is
/// passed to; copy out what you keep (`string(at:)` makes a `String`).
public struct CSVRecord {
    /// The 1-based line of the file on which the record starts.
    public let line: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let fieldEnds: UnsafeBufferPointer<Int>

    init(line: Int, bytes: UnsafeBufferPointer<UInt8>, fieldEnds: UnsafeBufferPointer<Int>) {
        self.line = line
        self.bytes = bytes
        self.fieldEnds = fieldEnds
    }

    /// The number of fields.
    public var count: Int { fieldEnds.count }

    /// The raw bytes of field `index`, unquoted by libcsv.
    public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
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
