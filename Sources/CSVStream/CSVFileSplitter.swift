import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts the text of a CSV file into parts that separate parsers can read at once
/// (`CSVStreamReader.read(fileAt:bytes:firstLine:_:)`), each knowing the line it starts on.
///
/// A newline ends a record unless it lies inside a quoted field, and which quote opens a field
/// can only be told by reading from the start. Text without any quote character has no quoted
/// field, so there every newline ends a record (or a blank line) and the text can be cut after
/// any of them; text with a quote is not cut at all.
public enum CSVFileSplitter {
    /// How many bytes one read scans.
    static let scanSize = 1 << 20

    /// The parts of the file at `path` from byte `start` (the start of line `firstLine`) to its
    /// end: each ends after the first newline at or past `partSize` bytes from its start, and the
    /// last at the end of the file.
    ///
    /// The parts are scanned for quotes and newlines concurrently, one per core at a time.
    ///
    /// - Returns: the parts in file order, one part when the text has no newline to cut at;
    ///   `nil` when the text holds a quote character, the file is not a regular file (its bytes
    ///   cannot be read at their offsets), or it cannot be read.
    public static func parts(ofFileAt path: String, from start: Int, firstLine: Int, partSize: Int) -> [CSVFilePart]? {
        precondition(partSize > 0, "a part holds at least one byte")
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var bounds = [start]
        while bounds.last! < size - partSize {
            guard let cut = lineStart(atOrAfter: bounds.last! + partSize, in: descriptor, size: size) else { return nil }
            if cut >= size { break }
            bounds.append(cut)
        }
        bounds.append(max(start, size))
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        // Per part, its newlines, or -1 when it holds a quote or cannot be read.
        let newlines = UnsafeMutableBufferPointer<Int>.allocate(capacity: ranges.count)
        defer { newlines.deallocate() }
        newlines.initialize(repeating: -1)
        // Each part writes only its own slot.
        nonisolated(unsafe) let counts = newlines
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            counts[index] = scan(ranges[index], of: descriptor) ?? -1
        }
        var parts: [CSVFilePart] = []
        var line = firstLine
        for (range, count) in zip(ranges, newlines) {
            guard count >= 0 else { return nil }
            parts.append(CSVFilePart(bytes: range, firstLine: line))
            line += count
        }
        return parts
    }

    /// The offset just past the first newline at or after `offset`: `size` when there is none.
    private static func lineStart(atOrAfter offset: Int, in descriptor: Int32, size: Int) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 12, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while position < size {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - position)])
            guard let count = try? CSVStreamReader.readFully(descriptor, into: wanted, at: position, path: "") else { return nil }
            if let newline = memchr(buffer.baseAddress!, Int32(UInt8(ascii: "\n")), count) {
                return position + (UnsafeRawPointer(newline) - UnsafeRawPointer(buffer.baseAddress!)) + 1
            }
            position += count
        }
        return size
    }

    /// The newlines in bytes `range` of `descriptor`; `nil` when they hold a quote or cannot be read.
    private static func scan(_ range: Range<Int>, of descriptor: Int32) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(scanSize, range.count)), alignment: 16)
        defer { buffer.deallocate() }
        var newlines = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, range.upperBound - offset)])
            guard let count = try? CSVStreamReader.readFully(descriptor, into: wanted, at: offset, path: "") else { return nil }
            if memchr(buffer.baseAddress!, Int32(UInt8(ascii: "\"")), count) != nil { return nil }
            newlines += self.newlines(in: UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            offset += count
        }
        return newlines
    }

    /// The newlines in `bytes`, eight bytes at a time: a byte-by-byte loop compiles to a branch
    /// per byte, and this count runs over every byte of a large file before any is parsed.
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = 0x7F * ones
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            // Bytes equal to a newline become zero; a byte's top bit is then set exactly when it is
            // zero (no carry crosses bytes: each low-7-bit sum stays below 0x100).
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (0x0A * ones)
            let zeros = ~((word & low7) &+ low7 | word | low7)
            // The top bits moved to the bottom of each byte and summed into the top byte by a
            // multiply: the baseline x86-64 target has no population count instruction.
            count &+= Int(truncatingIfNeeded: ((zeros >> 7) &* ones) >> 56)
            index += 8
        }
        while index < bytes.count {
            count &+= bytes[index] == UInt8(ascii: "\n") ? 1 : 0
            index += 1
        }
        return count
    }
}
