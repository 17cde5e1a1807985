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
