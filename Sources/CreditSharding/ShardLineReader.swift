import Foundation

/// The lines of a shard file, read a chunk at a time so that memory holds one line (at most
/// `ShardLimits.lineBytes`) and one chunk, however long the file.
final class ShardLineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    private var atEnd = false
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0

    /// 64 KiB: a merge holds one chunk per open file, 32 MiB for 512 files.
    private static let chunkBytes = 1 << 16

    /// Opens `path`.
    /// - Throws: `MergeError.unreadable` when it cannot be opened.
    init(path: String) throws(MergeError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = errno == EMFILE || errno == ENFILE ? "too many files are open at once" : String(cString: strerror(errno))
            throw .unreadable(path: path, line: nil, reason: "it cannot be opened (\(reason))")
        }
        self.handle = handle
        self.path = path
    }

    deinit { try? handle.close() }

    /// The next line without its line break, and whether a line break ended it (only the last
    /// line of a cut-off file lacks one); `nil` at the end of the file.
    /// - Throws: `MergeError.unreadable` when reading fails or a line is longer than
    ///   `ShardLimits.lineBytes`.
    func next() throws(MergeError) -> (bytes: [UInt8], terminated: Bool)? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                lineNumber += 1
                return (line, true)
            }
            guard buffer.count - start <= ShardLimits.lineBytes else {
                throw .unreadable(
                    path: path, line: lineNumber + 1, reason: "the line is longer than \(ShardLimits.lineBytes >> 20) MiB; it was damaged")
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return (line, false)
            }
            // Drop the lines already returned before reading on, so the buffer holds one line
            // and one chunk at most.
            buffer.removeSubrange(0..<start)
            start = 0
            searchFrom = buffer.count
            let chunk: Data?
            do { chunk = try handle.read(upToCount: Self.chunkBytes) } catch {
                throw .unreadable(path: path, line: nil, reason: "it cannot be read (\(error.localizedDescription))")
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
    }
}
