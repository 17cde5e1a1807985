import CreditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of an input file as the readers read it: a regular file of UTF-8, read as often
/// as they need, its lines where they were.
///
/// A path that is not a regular file (standard input as `-`, a pipe, a FIFO, a device) is read
/// once into a temporary file, so that it reads exactly as the same bytes in a regular file
/// would. Text in another encoding (a UTF-16 byte order mark, a requested encoding, or bytes
/// that are not UTF-8) is converted to UTF-8 by iconv into a temporary file. The temporary
/// files are removed by `remove()`.
struct InputText {
    /// The path given for standard input.
    static let standardInputPath = "-"
    /// Standard input as messages name it.
    static let standardInputName = "<stdin>"

    /// The file the readers read.
    private(set) var path: String
    /// The encoding the text was read from.
    private(set) var encoding: TextEncoding
    /// The user's bytes, as a regular file.
    private let original: String
    private var temporaries: [String] = []

    /// The name messages give the file at `path`.
    static func displayName(of path: String) -> String {
        path == standardInputPath ? standardInputName : path
    }

    /// The text at `path` in `encoding` (`nil`: UTF-8 unless a byte order mark says UTF-16);
    /// `nil` after reporting to `log` when it cannot be read or converted.
    static func prepare(path: String, encoding requested: TextEncoding?, log: inout DiagnosticLog) -> InputText? {
        var temporaries: [String] = []
        var original = path
        if let copied = copyIfNotRegular(path, log: &log) {
            guard case let .success(copy) = copied else { return nil }
            original = copy
            temporaries.append(copy)
        }
        let start = leadingBytes(of: original)
        var encoding = requested ?? .utf8
        if requested == nil {
            if start.starts(with: [0xFF, 0xFE]) { encoding = .utf16LittleEndian }
            if start.starts(with: [0xFE, 0xFF]) { encoding = .utf16BigEndian }
        }
        var input = InputText(path: original, encoding: .utf8, original: original, temporaries: temporaries)
        if requested == nil, encoding == .utf8, let line = firstNonUTF8Line(ofFileAt: original) {
            // Header names such as `Crédits` must be read right to find the header at all.
            // Bytes that do not read as Windows-1252 either are left for the readers to report.
            var attempt = log
            guard input.convert(from: .windows1252, log: &attempt) else { return input }
            log.warning(windows1252Message(line: line), line: line, remedy: .encoding)
            return input
        }
        guard encoding != .utf8 else { return input }
        guard input.convert(from: encoding, log: &log) else {
            input.remove()
            return nil
        }
        return input
    }

    /// Converts the user's bytes from `encoding` into a temporary UTF-8 file, which the readers
    /// then read; `false` after reporting to `log` when the bytes are not in that encoding.
    mutating func convert(from encoding: TextEncoding, log: inout DiagnosticLog) -> Bool {
        guard let converted = Self.temporaryFile(log: &log) else { return false }
        temporaries.append(converted.path)
        defer { close(converted.descriptor) }
        switch IconvConverter.convert(fileAt: original, from: encoding.iconvName, into: converted.descriptor) {
        case .success:
            path = converted.path
            self.encoding = encoding
            return true
        case let .failure(failure):
            switch failure {
            case let .invalidBytes(line):
                log.error(
                    "the file is not \(encoding.displayName) text: line \(line) holds bytes that are not; "
                        + "save the file as UTF-8 or state its encoding",
                    line: line, remedy: .encoding)
            case let .unreadable(reason):
                log.error("cannot read the file: \(reason)", line: nil)
            }
            return false
        }
    }

    /// The warning for a file read as Windows-1252, whose first bytes that are not UTF-8 are on `line`.
    static func windows1252Message(line: Int) -> String {
        "the file is not UTF-8 text (line \(line) is the first that is not); it was read as Windows-1252, "
            + "the encoding of Excel's CSV on Windows"
    }

    /// The first line of the first 64 KiB of the file at `path` that is not UTF-8 text, if any.
    private static func firstNonUTF8Line(ofFileAt path: String) -> Int? {
        let prefix = FilePrefix(path: path)
        let full = prefix.bytes.count + prefix.start >= FilePrefix.defaultLimit
        let lines = prefix.bytes.split(separator: .newline, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where String(validating: line, as: UTF8.self) == nil {
            // The prefix may end inside a character of its last line.
            if full, index == lines.count - 1, line.count > 3,
                String(validating: line.dropLast(3), as: UTF8.self) != nil || String(validating: line.dropLast(2), as: UTF8.self) != nil
                    || String(validating: line.dropLast(1), as: UTF8.self) != nil
            {
                return nil
            }
            return index + 1
        }
        return nil
    }

    /// Removes the temporary files.
    func remove() {
        for file in temporaries { unlink(file) }
    }

    /// A temporary copy of `path` when it is not a regular file, read to its end once; `nil`
    /// for a regular file, or one that cannot be opened (reading it reports why).
    private static func copyIfNotRegular(_ path: String, log: inout DiagnosticLog) -> Result<String, CopyFailed>? {
        let descriptor = path == standardInputPath ? dup(STDIN_FILENO) : open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFREG || path == standardInputPath else {
            return nil
        }
        guard let copy = temporaryFile(log: &log) else { return .failure(CopyFailed()) }
        defer { close(copy.descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                log.error("cannot read the file: \(String(cString: strerror(errno)))", line: nil)
                unlink(copy.path)
                return .failure(CopyFailed())
            }
            if count == 0 { return .success(copy.path) }
            guard writeAll(buffer[..<count], to: copy.descriptor) else {
                log.error("cannot copy the input to a temporary file: \(String(cString: strerror(errno)))", line: nil)
                unlink(copy.path)
                return .failure(CopyFailed())
            }
        }
    }

    /// Why standard input or a pipe could not be copied, once reported.
    private struct CopyFailed: Error {}

    /// Writes every byte of `bytes` to `descriptor`.
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                written += count
            }
            return true
        }
    }

    /// A new, empty temporary file, open for writing.
    private static func temporaryFile(log: inout DiagnosticLog) -> (path: String, descriptor: Int32)? {
        do {
            return try TemporaryFile.create(prefix: "creditcast-input")
        } catch {
            log.error("cannot make a temporary file in \(error.directory): \(error.reason)", line: nil)
            return nil
        }
    }

    /// The first bytes of the file at `path`, for its byte order mark.
    private static func leadingBytes(of path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4) }
        return Array(bytes.prefix(max(count, 0)))
    }
}
