import CreditTestSupport
import Foundation
import Testing

@testable import CSVStream

private func records(_ text: String, delimiter: Character = ",") throws -> [(line: Int, fields: [String])] {
    var result: [(Int, [String])] = []
    try CSVStreamReader(delimiter: UInt8(ascii: delimiter.unicodeScalars.first!), chunkSize: 7)
        .read(bytes: Array(text.utf8)) { record in
            result.append((record.line, (0..<record.count).map { record.string(at: $0)! }))
        }
    return result
}

@Suite struct CSVStreamReaderTests {
    @Test func splitsFieldsAndNumbersLines() throws {
        let rows = try records("a,b\n\n1,\"x, y\"\r\n2,3")
        #expect(rows.map(\.line) == [1, 3, 4])
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "x, y"], ["2", "3"]])
    }

    @Test func recordWithQuotedNewlineReportsItsFirstLine() throws {
        let rows = try records("h\n\"two\nlines\"\nnext\n")
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["two\nlines"])
    }

    @Test func keepsEmptyTabSeparatedFields() throws {
        let rows = try records("a\t\tc\n", delimiter: "\t")
        #expect(rows[0].fields == ["a", "", "c"])
    }

    @Test func skipsByteOrderMark() throws {
        let rows = try records("\u{FEFF}seat,month\n")
        #expect(rows[0].fields == ["seat", "month"])
    }

    @Test func unclosedQuoteNamesTheLineItStarts() {
        #expect(throws: CSVStreamError.unclosedQuote(line: 2)) { try records("a,b\n1,\"open\n2,3\n") }
    }

    @Test func strayQuoteInUnquotedFieldIsAnError() {
        #expect(throws: CSVStreamError.malformedQuoting(line: 2)) { try records("a,b\n1,x\"y\n") }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: CSVStreamError.unreadable(path: "/nonexistent.csv", reason: "No such file or directory")) {
            try CSVStreamReader().read(fileAt: "/nonexistent.csv") { _ in }
        }
    }

    @Test func bodyErrorsStopTheReadUnchanged() {
        struct Stop: Error, Equatable {}
        var seen = 0
        #expect(throws: Stop()) {
            try CSVStreamReader().read(bytes: Array("1\n2\n3\n".utf8)) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}

@Suite struct CSVStreamReaderLimitTests {
    private func read(_ text: String, maxFieldBytes: Int, maxRecordBytes: Int = 1 << 20) throws -> [[String]] {
        var result: [[String]] = []
        try CSVStreamReader(maxFieldBytes: maxFieldBytes, maxRecordBytes: maxRecordBytes)
            .read(bytes: Array(text.utf8)) { record in
                result.append((0..<record.count).map { record.string(at: $0)! })
            }
        return result
    }

    @Test func aFieldAtTheLimitIsRead() throws {
        let field = String(repeating: "x", count: 100_000)
        #expect(try read("a,\(field)\n", maxFieldBytes: 100_000) == [["a", field]])
    }

    @Test func aFieldBeyondTheLimitNamesTheLineItsRecordStarts() {
        let field = String(repeating: "x", count: 200_000)
        #expect(throws: CSVStreamError.fieldTooLarge(line: 2, limit: 100_000)) {
            try read("a,b\n1,\"\(field)\n\(field)\"\n", maxFieldBytes: 100_000)
        }
    }

    @Test func manyFieldsBeyondTheRecordLimitAreAnError() {
        let row = Array(repeating: "1234567", count: 20_000).joined(separator: ",")
        #expect(throws: CSVStreamError.recordTooLarge(line: 2, limit: 100_000)) {
            try read("a\n\(row)\nb\n", maxFieldBytes: 1_000, maxRecordBytes: 100_000)
        }
    }

    @Test func limitsAreWordedForPeople() {
        #expect(
            CSVStreamError.fieldTooLarge(line: 3, limit: 1 << 20).description
                == "3: a field is longer than 1 MiB; check for a missing closing quote")
        #expect(
            CSVStreamError.recordTooLarge(line: 4, limit: 16 << 20).description
                == "4: the row holds more than 16 MiB; check the delimiter and the quotes")
        #expect(CSVStreamError.size(1_500) == "1500 bytes")
        #expect(CSVStreamError.size(64 << 10) == "64 KiB")
    }

    @Test func recordsAreTheSameWhateverTheReadSize() throws {
        let text = "\u{FEFF}a,\"b\nc\",d\r\n" + String(repeating: "long,\"quoted \"\" text\",3\n", count: 5_000)
        let path = try TestFiles.directory() + "/stream.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        func records(chunkSize: Int) throws -> [[String]] {
            var result: [[String]] = []
            try CSVStreamReader(chunkSize: chunkSize).read(fileAt: path) { record in
                result.append([String(record.line)] + (0..<record.count).map { record.string(at: $0)! })
            }
            return result
        }
        let whole = try records(chunkSize: 1 << 20)
        #expect(whole.count == 5_001)
        #expect(whole[0] == ["1", "a", "b\nc", "d"])
        #expect(whole[5_000] == ["5002", "long", "quoted \" text", "3"])
        for size in [1, 2, 3, 7, 4_096] { #expect(try records(chunkSize: size) == whole) }
    }
}

@Suite struct CSVStreamReaderRangeTests {
    private func file(_ text: String) throws -> String {
        let path = try TestFiles.directory() + "/stream.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func records(_ path: String, bytes: Range<Int>, firstLine: Int, chunkSize: Int = 5) throws -> [[String]] {
        var result: [[String]] = []
        try CSVStreamReader(chunkSize: chunkSize).read(fileAt: path, bytes: bytes, firstLine: firstLine) { record in
            result.append([String(record.line)] + (0..<record.count).map { record.string(at: $0)! })
        }
        return result
    }

    @Test func numbersLinesFromTheFirstLineGiven() throws {
        let path = try file("h1,h2\na,b\n\nc,d\r\ne,f")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Byte 6 starts line 2, byte 10 the blank line 3.
        #expect(try records(path, bytes: 6..<19, firstLine: 2) == [["2", "a", "b"], ["4", "c", "d"], ["5", "e", "f"]])
        #expect(try records(path, bytes: 10..<16, firstLine: 3) == [["4", "c", "d"]])
        #expect(try records(path, bytes: 6..<6, firstLine: 2).isEmpty)
    }

    @Test func theRangesOfAFileReadAsTheWholeFile() throws {
        let lines = (0..<300).map { "row\($0),\($0 * 7)" + ($0 % 11 == 0 ? "\n" : "") }
        let text = lines.joined(separator: "\n") + "\n"
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var whole: [[String]] = []
        try CSVStreamReader().read(fileAt: path) { record in
            whole.append([String(record.line)] + (0..<record.count).map { record.string(at: $0)! })
        }
        let bytes = Array(text.utf8)
        for cuts in [[1_000], [7, 500, 2_222], Array(stride(from: 100, to: bytes.count, by: 97))] {
            // Each cut moved to just after a newline, with the line that starts there.
            var starts = [0] + cuts.map { cut in bytes[cut...].firstIndex(of: UInt8(ascii: "\n"))! + 1 }
            starts.append(bytes.count)
            var parts: [[String]] = []
            for (start, end) in zip(starts, starts.dropFirst()) {
                let line = bytes[..<start].count { $0 == UInt8(ascii: "\n") } + 1
                parts += try records(path, bytes: start..<end, firstLine: line, chunkSize: 64)
            }
            #expect(parts == whole)
        }
    }

    @Test func aByteOrderMarkInsideTheFileIsText() throws {
        let path = try file("a\n\u{FEFF}b\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try records(path, bytes: 2..<7, firstLine: 2) == [["2", "\u{FEFF}b"]])
    }

    @Test func aFileShorterThanTheRangeIsUnreadable() throws {
        let path = try file("a\nb\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVStreamError.self) { try records(path, bytes: 2..<40, firstLine: 2) }
    }
}
