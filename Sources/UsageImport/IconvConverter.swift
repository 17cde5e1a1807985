#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a file's text to UTF-8 with the C library's iconv(3), streaming, in bounded memory.
enum IconvConverter {
    /// Why a file could not be converted.
    enum Failure: Error, Equatable {
        /// The bytes on `line` are not text in the encoding.
        case invalidBytes(line: Int)
        /// The file could not be read or the converted text written.
        case unreadable(reason: String)
    }

    private static let chunkSize = 1 << 16

    /// Converts the file at `path` from `encoding` (an iconv name) to UTF-8, written to
    /// `output`. A byte order mark at the start is dropped.
    static func convert(fileAt path: String, from encoding: String, into output: Int32) -> Result<Void, Failure> {
        let input = open(path, O_RDONLY)
        guard input >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        defer { close(input) }
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else {
            return .failure(.unreadable(reason: "iconv cannot convert from \(encoding)"))
        }
        defer { iconv_close(converter) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var outputBuffer = [UInt8](repeating: 0, count: chunkSize * 4)
        var line = 1
        var atStart = true
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
            pending += chunk[..<count]
            let atEnd = count == 0
            var consumed = 0
            var produced = 0
            let failed: Bool = pending.withUnsafeMutableBufferPointer { inBytes in
                outputBuffer.withUnsafeMutableBufferPointer { outBytes in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBytes.baseAddress!).assumingMemoryBound(
                        to: CChar.self)
                    var inLeft = inBytes.count
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBytes.baseAddress!).assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outBytes.count
                    var failed = false
                    while inLeft > 0 {
                        if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { continue }
                        // An incomplete sequence at the end of a chunk waits for the next one.
                        if errno == EINVAL, !atEnd { break }
                        if errno == E2BIG { break }
                        failed = true
                        break
                    }
                    consumed = inBytes.count - inLeft
                    produced = outBytes.count - outLeft
                    return failed
                }
            }
            var text = outputBuffer[..<produced]
            if atStart, text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
            atStart = atStart && produced == 0
            line += text.count { $0 == UInt8(ascii: "\n") }
            if failed {
                // The bad bytes sit on the line after the newlines converted so far.
                return .failure(.invalidBytes(line: line))
            }
            guard InputText.writeAll(text, to: output) else {
                return .failure(.unreadable(reason: "cannot write the converted text: \(String(cString: strerror(errno)))"))
            }
            pending.removeFirst(consumed)
            if atEnd {
                return pending.isEmpty ? .success(()) : .failure(.invalidBytes(line: line))
            }
        }
    }
}
