import CreditTestSupport
import Foundation
import Testing

@testable import CSVStream

@Suite struct CSVFileSplitterTests {
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = try TestFiles.directory() + "/split.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The parts as `cut` should make them: each ends after the first newline at or past
    /// `partSize` bytes from its start, and starts on the line after the newlines before it.
    private func expectedParts(_ bytes: [UInt8], from start: Int, firstLine: Int, partSize: Int) -> [CSVFilePart] {
        var parts: [CSVFilePart] = []
        var partStart = start
        while true {
            let search = partStart + partSize
            guard search < bytes.count, let newline = bytes[search...].firstIndex(of: UInt8(ascii: "\n")),
                newline + 1 < bytes.count
            else { break }
            parts.append(CSVFilePart(bytes: partStart..<(newline + 1), firstLine: 0))
            partStart = newline + 1
        }
        parts.append(CSVFilePart(bytes: partStart..<bytes.count, firstLine: 0))
        return parts.map { part in
            let line = firstLine + bytes[start..<part.bytes.lowerBound].count { $0 == UInt8(ascii: "\n") }
            return CSVFilePart(bytes: part.bytes, firstLine: line)
        }
    }

    @Test func cutsAfterNewlinesAndNumbersTheLines() throws {
        let text = "header\n" + (0..<500).map { "r\($0),\(String(repeating: "x", count: $0 % 13))\n" }.joined()
        let bytes = Array(text.utf8)
        let path = try file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for partSize in [1, 2, 10, 99, 1_000, bytes.count / 2, bytes.count] {
            let parts = CSVFileSplitter.parts(ofFileAt: path, from: 7, firstLine: 2, partSize: partSize)
            #expect(parts == expectedParts(bytes, from: 7, firstLine: 2, partSize: partSize), "part size \(partSize)")
        }
        #expect(CSVFileSplitter.parts(ofFileAt: path, from: 7, firstLine: 2, partSize: 1)?.count == 500)
    }

    @Test func scansPastItsReadSize() throws {
        // Lines that cross the scan's reads, and a cut that is found in the next read.
        let line = String(repeating: "y", count: 300_000) + "\n"
        let bytes = Array(String(repeating: line, count: 5).utf8) + Array("z".utf8)
        let path = try file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for partSize in [1, 250_000, 700_000, 1 << 20, Int.max] {
            let parts = CSVFileSplitter.parts(ofFileAt: path, from: 0, firstLine: 1, partSize: partSize)
            #expect(parts == expectedParts(bytes, from: 0, firstLine: 1, partSize: partSize), "part size \(partSize)")
        }
    }

    @Test func aQuoteAnywhereInTheRangeMeansNoParts() throws {
        let path = try file(Array("\"quoted\",header\na,b\nc,\"d\"\ne,f\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(CSVFileSplitter.parts(ofFileAt: path, from: 16, firstLine: 2, partSize: 1) == nil)
        // Past the last quote the text can be cut.
        #expect(
            CSVFileSplitter.parts(ofFileAt: path, from: 26, firstLine: 4, partSize: 1)
                == [CSVFilePart(bytes: 26..<30, firstLine: 4)])
    }

    @Test func textWithoutANewlineIsOnePart() throws {
        let path = try file(Array("a,b,c".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(CSVFileSplitter.parts(ofFileAt: path, from: 0, firstLine: 1, partSize: 1) == [CSVFilePart(bytes: 0..<5, firstLine: 1)])
    }

    @Test func aFileThatIsNotRegularOrMissingHasNoParts() {
        #expect(CSVFileSplitter.parts(ofFileAt: "/dev/null", from: 0, firstLine: 1, partSize: 1) == nil)
        #expect(CSVFileSplitter.parts(ofFileAt: "/nonexistent.csv", from: 0, firstLine: 1, partSize: 1) == nil)
    }

    @Test func countsNewlinesEightBytesAtATime() {
        var state: UInt64 = 7
        let bytes = (0..<10_003).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            // Bytes near a newline's value and with the top bit set, where a carry would show.
            return [UInt8(ascii: "\n"), 0x0B, 0x09, 0x8A, 0xFF, 0x00, 0x7F][Int(state >> 61) % 7]
        }
        for length in [0, 1, 7, 8, 9, 63, 10_003] {
            let expected = bytes[..<length].count { $0 == UInt8(ascii: "\n") }
            #expect(
                bytes.withUnsafeBufferPointer { CSVFileSplitter.newlines(in: UnsafeBufferPointer(rebasing: $0[..<length])) } == expected)
        }
    }
}
