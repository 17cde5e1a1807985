#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first bytes of a file: enough to sniff its delimiter and to tell a file that is not
/// UTF-8 text before reading it as CSV.
struct FilePrefix {
    /// The bytes, without a UTF-8 byte order mark; empty when the file cannot be read (reading
    /// it as CSV then reports why).
    let bytes: [UInt8]

    init(path: String, limit: Int = 1 << 16) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            bytes = []
            return
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, limit - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        buffer.removeSubrange(filled...)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        bytes = buffer
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
