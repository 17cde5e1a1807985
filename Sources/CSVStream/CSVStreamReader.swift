import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a CSV file through libcsv, one record at a time, in bounded memory.
///
/// This is the only place in creditcast that touches libcsv's C API. The reader feeds libcsv one
/// physical line at a time so that every record knows the line it starts on, which error
/// messages need; libcsv itself keeps no line count.
public struct CSVStreamReader: Sendable {
    /// The field separator byte: `,`, `;` or a tab.
    public var delimiter: UInt8
    /// How many bytes to read from the file at once.
    public var chunkSize: Int

    /// A reader that splits fields at `delimiter`.
    public init(delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 18) {
        self.delimiter = delimiter
        self.chunkSize = chunkSize
    }

    /// Reads the file at `path` and calls `body` with each non-empty record, in order.
    ///
    /// A UTF-8 byte order mark at the start is skipped. Errors thrown by `body` stop the read
    /// and are rethrown unchanged.
    public func read(fileAt path: String, _ body: (CSVRecord) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVStreamError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 4))
        try parse(path: path, body) { feed in
            while true {
                let count = buffer.withUnsafeMutableBytes { readSome(descriptor, into: $0) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CSVStreamError.unreadable(path: path, reason: String(cString: strerror(errno)))
                }
                if count == 0 { return }
                try buffer.withUnsafeBufferPointer { try feed(UnsafeBufferPointer(rebasing: $0[..<count])) }
            }
        }
    }

    /// Parses CSV text held in memory, calling `body` with each non-empty record.
    public func read(bytes: some Collection<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
        let contiguous = Array(bytes)
        try parse(path: "<memory>", body) { feed in
            try contiguous.withUnsafeBufferPointer { try feed($0) }
        }
    }

    private func parse(
        path: String,
        _ body: (CSVRecord) throws -> Void,
        source: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
    ) throws {
        try withoutActuallyEscaping(body) { body in
            let state = ParserState(body: body)
            var parser = csv_parser()
            guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
                throw CSVStreamError.unreadable(path: path, reason: "libcsv could not start")
            }
            defer { csv_free(&parser) }
            csv_set_delim(&parser, delimiter)
            // libcsv trims tabs as spaces by default, which would eat empty tab-separated fields.
            csv_set_space_func(&parser, isSpace)
            let context = Unmanaged.passUnretained(state).toOpaque()
            var atFileStart = true
            try source { chunk in
                var chunk = chunk
                if atFileStart {
                    atFileStart = false
                    if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = UnsafeBufferPointer(rebasing: chunk[3...]) }
                }
                try state.feed(chunk, to: &parser, context: context)
            }
            if csv_fini(&parser, fieldCallback, recordCallback, context) != 0 {
                if let error = state.error { throw error }
                throw CSVStreamError.unclosedQuote(line: state.recordStartLine)
            }
            if let error = state.error { throw error }
        }
    }
}

/// Everything libcsv's callbacks need, behind the opaque context pointer.
private final class ParserState {
    let body: (CSVRecord) throws -> Void
    var fieldBytes: [UInt8] = []
    var fieldEnds: [Int] = []
    /// The line now being fed to libcsv.
    var line = 1
    /// The line on which the record libcsv is now building started.
    var recordStartLine = 1
    var error: (any Error)?

    init(body: @escaping (CSVRecord) throws -> Void) {
        self.body = body
        fieldBytes.reserveCapacity(256)
        fieldEnds.reserveCapacity(16)
    }

    func feed(_ chunk: UnsafeBufferPointer<UInt8>, to parser: inout csv_parser, context: UnsafeMutableRawPointer) throws {
        var start = 0
        while start < chunk.count {
            let remaining = UnsafeRawPointer(chunk.baseAddress! + start)
            let newline = memchr(remaining, Int32(UInt8(ascii: "\n")), chunk.count - start)
            let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(chunk.baseAddress!) + 1 } ?? chunk.count
            // A record starts on this line unless libcsv is still inside one from an earlier line.
            if parser.pstate == 0 && !lineContinues { recordStartLine = line }
            let length = end - start
            let parsed = csv_parse(&parser, remaining, length, fieldCallback, recordCallback, context)
            if let error { throw error }
            if parsed != length {
                switch Int32(csv_error(&parser)) {
                case CSV_ENOMEM, CSV_ETOOBIG: throw CSVStreamError.fieldTooLarge(line: line)
                default: throw CSVStreamError.malformedQuoting(line: line)
                }
            }
            lineContinues = newline == nil
            if newline != nil { line += 1 }
            start = end
        }
    }

    /// Whether the last chunk ended inside a physical line that the next chunk continues.
    var lineContinues = false

    func endRecord() {
        guard error == nil else { return }
        do {
            try fieldBytes.withUnsafeBufferPointer { bytes in
                try fieldEnds.withUnsafeBufferPointer { ends in
                    try body(CSVRecord(line: recordStartLine, bytes: bytes, fieldEnds: ends))
                }
            }
        } catch {
            self.error = error
        }
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let state = Unmanaged<ParserState>.fromOpaque(context!).takeUnretainedValue()
    if let data, length > 0 {
        state.fieldBytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    state.fieldEnds.append(state.fieldBytes.count)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<ParserState>.fromOpaque(context!).takeUnretainedValue().endRecord()
}

private func isSpace(_ byte: UInt8) -> Int32 {
    byte == UInt8(ascii: " ") ? 1 : 0
}

/// `read(2)`, named apart from `CSVStreamReader.read` so the global is reachable inside it.
private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
