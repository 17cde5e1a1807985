import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report's bytes go: an open temporary file, or memory (for tests and for callers that
/// want the text).
///
/// Writers append text as they produce it and the sink flushes in blocks, so a large file such
/// as a trials CSV never has to be held in memory whole.
package final class FileSink {
    private let descriptor: Int32?
    private let path: String
    private var buffer: [UInt8] = []
    private var memory: [UInt8] = []
    private static let blockSize = 1 << 16

    /// A sink that keeps everything in memory.
    package init() {
        self.descriptor = nil
        self.path = ""
    }

    /// A sink writing to the open file `descriptor`; `path` names it in errors.
    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Appends `text` as UTF-8.
    package func write(_ text: String) throws(ReportWriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Appends `data`.
    package func write(_ data: Data) throws(ReportWriteError) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Everything written so far, for a memory sink.
    package var bytes: Data {
        Data(memory + buffer)
    }

    /// Hands buffered bytes to the file (or memory).
    func flush() throws(ReportWriteError) {
        guard let descriptor else {
            memory.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: lastErrorReason())
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
