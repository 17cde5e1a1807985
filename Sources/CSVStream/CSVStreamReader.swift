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
/// messages need; libcsv itself keeps no line count. A file can also be read in parts, each on
/// its own parser (`CSVFileSplitter` finds where to cut it).
public struct CSVStreamReader: Sendable {
    /// The field separator byte: `,`, `;` or a tab.
    public var delimiter: UInt8
    /// How many bytes to read from the file at once.
    public var chunkSize: Int
    /// The longest field read, in bytes; a longer one is `CSVStreamError.fieldTooLarge`. It keeps
    /// memory bounded whatever the file holds: without a closing quote, the rest of a file is
    /// one field.
    public var maxFieldBytes: Int
    /// The most bytes all fields of one record may hold together; more is
    /// `CSVStreamError.recordTooLarge`.
    public var maxRecordBytes: Int

    /// The default `maxFieldBytes`: 1 MiB, far beyond any name, month or number.
    public static let defaultMaxFieldBytes = 1 << 20
    /// The default `maxRecordBytes`: 16 MiB, room for tens of thousands of columns.
    public static let defaultMaxRecordBytes = 16 << 20

    /// A reader that splits fields at `delimiter`.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 18,
        maxFieldBytes: Int = CSVStreamReader.defaultMaxFieldBytes,
        maxRecordBytes: Int = CSVStreamReader.defaultMaxRecordBytes
    ) {
        self.delimiter = delimiter
        self.chunkSize = chunkSize
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
    }

    /// The most bytes handed to libcsv at once, so that a field's size is checked while it grows.
    private static let pieceSize = 1 << 16

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
        try parse(path: path, firstLine: 1, atFileStart: true, body) { feed in
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

    /// Reads bytes `range` of the file at `path` as CSV text of their own, numbering lines from
    /// `firstLine`, and calls `body` with each non-empty record, in order.
    ///
    /// The range must start at the start of a line and hold whole records, as a
    /// `CSVFilePart` does: libcsv starts it outside any record, and a byte order mark at its start
    /// is read as text. The file must be a regular file: the bytes are read at their offsets.
    public func read(fileAt path: String, bytes range: Range<Int>, firstLine: Int, _ body: (CSVRecord) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVStreamError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 4))
        try parse(path: path, firstLine: firstLine, atFileStart: false, body) { feed in
            var offset = range.lowerBound
            while offset < range.upperBound {
                let count = try buffer.withUnsafeMutableBytes { buffer in
                    let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, range.upperBound - offset)])
                    return try CSVStreamReader.readFully(descriptor, into: wanted, at: offset, path: path)
                }
                try buffer.withUnsafeBufferPointer { try feed(UnsafeBufferPointer(rebasing: $0[..<count])) }
                offset += count
            }
        }
    }

    /// Fills `buffer` from `offset` of `descriptor`, a regular file; fewer bytes only at its end.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVStreamError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled > 0 || buffer.isEmpty else {
            throw CSVStreamError.unreadable(path: path, reason: "the file ended before byte \(offset); it changed while it was read")
        }
        return filled
    }

    /// Parses CSV text held in memory, calling `body` with each non-empty record.
    public func read(bytes: some Collection<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
        let contiguous = Array(bytes)
        try parse(path: "<memory>", firstLine: 1, atFileStart: true, body) { feed in
            try contiguous.withUnsafeBufferPointer { try feed($0) }
        }
    }

    /// Runs libcsv over the chunks `source` feeds, numbering lines from `firstLine`; a byte order
    /// mark is skipped only `atFileStart`.
    private func parse(
        path: String, firstLine: Int, atFileStart: Bool,
        _ body: (CSVRecord) throws -> Void,
        source: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
    ) throws {
        try withoutActuallyEscaping(body) { body in
            // The state lives behind a raw pointer rather than in a class: libcsv calls back once
            // per field, and class properties would pay a dynamic exclusivity check on each call.
            let state = UnsafeMutablePointer<ParserState>.allocate(capacity: 1)
            state.initialize(to: ParserState(body: body, maxRecordBytes: maxRecordBytes, firstLine: firstLine))
            defer {
                state.pointee.release()
                state.deinitialize(count: 1)
                state.deallocate()
            }
            var parser = csv_parser()
            guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
                throw CSVStreamError.unreadable(path: path, reason: "libcsv could not start")
            }
            defer { csv_free(&parser) }
            csv_set_delim(&parser, delimiter)
            if delimiter == UInt8(ascii: "\t") { csv_set_space_func(&parser, creditcast_csv_is_blank) }
            var atFileStart = atFileStart
            try source { chunk in
                var chunk = chunk
                if atFileStart {
                    atFileStart = false
                    if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = UnsafeBufferPointer(rebasing: chunk[3...]) }
                }
                try feed(chunk, to: &parser, state: state)
            }
            if csv_fini(&parser, fieldCallback, recordCallback, state) != 0 {
                if let error = state.pointee.error { throw error }
                throw CSVStreamError.unclosedQuote(line: state.pointee.recordStartLine)
            }
            if let error = state.pointee.error { throw error }
        }
    }

    /// Feeds `chunk` to libcsv one physical line at a time, so that each record knows the line
    /// it starts on, and at most `pieceSize` bytes at a time, so that a field's size is checked
    /// as it grows.
    private func feed(_ chunk: UnsafeBufferPointer<UInt8>, to parser: inout csv_parser, state: UnsafeMutablePointer<ParserState>) throws {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            let remaining = UnsafeRawPointer(base + start)
            let span = min(chunk.count - start, Self.pieceSize)
            let newline = memchr(remaining, Int32(UInt8(ascii: "\n")), span)
            let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? start + span
            // A record starts on this line unless libcsv is still inside one from an earlier line.
            if parser.pstate == 0 && !state.pointee.lineContinues { state.pointee.recordStartLine = state.pointee.line }
            // libcsv grows a field's buffer by a fixed block; growing the block with the buffer
            // makes the growth geometric, so a long field costs linear rather than quadratic time.
            if parser.entry_size > parser.blk_size { csv_set_blk_size(&parser, parser.entry_size) }
            let length = end - start
            let parsed = csv_parse(&parser, remaining, length, fieldCallback, recordCallback, state)
            if let error = state.pointee.error { throw error }
            if parsed != length {
                switch Int32(csv_error(&parser)) {
                case CSV_ENOMEM, CSV_ETOOBIG:
                    throw CSVStreamError.fieldTooLarge(line: state.pointee.recordStartLine, limit: maxFieldBytes)
                default: throw CSVStreamError.malformedQuoting(line: state.pointee.line)
                }
            }
            if parser.entry_pos > maxFieldBytes {
                throw CSVStreamError.fieldTooLarge(line: state.pointee.recordStartLine, limit: maxFieldBytes)
            }
            state.pointee.lineContinues = newline == nil
            if newline != nil { state.pointee.line += 1 }
            start = end
        }
    }
}

/// Everything libcsv's callbacks need, behind the opaque context pointer: the fields of the
/// record being built, in two growable buffers that are reused for every record.
private struct ParserState {
    let body: (CSVRecord) throws -> Void
    let maxRecordBytes: Int
    var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    var byteCapacity = 256
    var byteCount = 0
    var ends = UnsafeMutablePointer<Int>.allocate(capacity: 16)
    var endCapacity = 16
    var fieldCount = 0
    /// The line now being fed to libcsv.
    var line: Int
    /// Whether the last chunk ended inside a physical line that the next chunk continues.
    var lineContinues = false
    /// The line on which the record libcsv is now building started.
    var recordStartLine: Int
    var error: (any Error)?

    init(body: @escaping (CSVRecord) throws -> Void, maxRecordBytes: Int, firstLine: Int) {
        self.body = body
        self.maxRecordBytes = maxRecordBytes
        line = firstLine
        recordStartLine = firstLine
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
    }

    mutating func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
        guard error == nil else { return }
        // Each field also costs its end offset, so ten million empty fields count too.
        if byteCount + length + (fieldCount + 1) * MemoryLayout<Int>.size > maxRecordBytes {
            error = CSVStreamError.recordTooLarge(line: recordStartLine, limit: maxRecordBytes)
            return
        }
        if byteCount + length > byteCapacity {
            byteCapacity = max(byteCapacity * 2, byteCount + length)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
        }
        if let data, length > 0 {
            (bytes + byteCount).update(from: data.assumingMemoryBound(to: UInt8.self), count: length)
            byteCount += length
        }
        if fieldCount == endCapacity {
            endCapacity *= 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
            grown.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = grown
        }
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    mutating func endRecord() {
        defer {
            byteCount = 0
            fieldCount = 0
        }
        guard error == nil else { return }
        do {
            try body(
                CSVRecord(
                    line: recordStartLine, bytes: UnsafeBufferPointer(start: bytes, count: byteCount),
                    fieldEnds: UnsafeBufferPointer(start: ends, count: fieldCount)
                ))
        } catch {
            self.error = error
        }
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: ParserState.self).pointee.appendField(data, length)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: ParserState.self).pointee.endRecord()
}

/// `read(2)`, named apart from `CSVStreamReader.read` so the global is reachable inside it.
private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
