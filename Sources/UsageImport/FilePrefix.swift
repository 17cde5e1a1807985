#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first bytes of a file: enough to sniff its delimiter, to tell a file that is not UTF-8
/// text before reading it as CSV, and to find where the rows below the header start.
package struct FilePrefix {
    /// The bytes, without a UTF-8 byte order mark; empty when the file cannot be read (reading
    /// it as CSV then reports why).
    package let bytes: [UInt8]
    /// Where `bytes` start in the file: past a byte order mark.
    package let start: Int
    /// The file's size in bytes when it is a regular file; `nil` for a pipe or a device, whose
    /// bytes cannot be read at their offsets.
    let regularFileSize: Int?

    /// The bytes read unless told otherwise.
    package static let defaultLimit = 1 << 16

    package init(path: String, limit: Int = FilePrefix.defaultLimit) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            bytes = []
            start = 0
            regularFileSize = nil
            return
        }
        defer { close(descriptor) }
        var status = stat()
        let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        regularFileSize = isRegular ? Int(status.st_size) : nil
        var buffer = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, limit - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        buffer.removeSubrange(filled...)
        start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        buffer.removeFirst(start)
        bytes = buffer
    }

    /// The file offset at which line `line` (1-based, as `CSVRecord.line` counts) starts, when
    /// that is within `bytes`.
    func offset(ofLine line: Int) -> Int? {
        var newlines = 0
        var index = 0
        while newlines < line - 1 {
            guard let newline = bytes[index...].firstIndex(of: .newline) else { return nil }
            newlines += 1
            index = newline + 1
        }
        return start + index
    }

    /// Whether the file starts with a UTF-16 byte order mark, as Excel's "Unicode text" does.
    var isUTF16: Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// The line of the first NUL byte: a binary file, or UTF-16 without a byte order mark.
    var nulLine: Int? {
        guard let index = bytes.firstIndex(of: 0) else { return nil }
        return bytes[..<index].count { $0 == .newline } + 1
    }
}
