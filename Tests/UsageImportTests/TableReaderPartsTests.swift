import Testing

@testable import UsageImport

/// A long usage file made up for the tests: `workspaces` × `seats` seats over `months` months of
/// 2024, in a fixed pseudo-random order, with gaps, a plan that changes, and months spelt
/// several ways (full dates on many days too, so that the file has more month texts than a seat
/// keeps densely). No two rows share a seat and a month.
private func longFile(
    workspaces: Int = 4, seats: Int = 6, months: Int = 6, shuffled: Bool = true, seed: UInt64 = 1,
    header: String = "workspace,seat,month,credits,plan", lineEnd: String = "\n"
) -> String {
    var state = seed
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    var rows: [String] = []
    for workspace in 0..<workspaces {
        for seat in 0..<seats {
            for month in 1...months where next(5) != 0 {
                let spelling =
                    switch next(4) {
                    case 0: "2024-\(month < 10 ? "0" : "")\(month)"
                    case 1: "\(names[month - 1]) 2024"
                    case 2: "2024/\(month < 10 ? "0" : "")\(month)"
                    default: "2024-\(month < 10 ? "0" : "")\(month)-\(10 + next(18))"
                    }
                let plan = next(3) == 0 ? "" : ["pro", "team"][next(2)]
                rows.append("ws\(workspace),user\(seat)@ws\(workspace).example.com,\(spelling),\(10 * next(500)),\(plan)")
            }
        }
    }
    if shuffled {
        for index in rows.indices.reversed() { rows.swapAt(index, next(index + 1)) }
    }
    return ([header] + rows).joined(separator: lineEnd) + lineEnd
}

/// Whether `path` is read in parts of `partSize` bytes, rather than falling back to one reading.
private func readsInParts(_ path: String, partSize: Int) -> Bool {
    let prefix = FilePrefix(path: path)
    return TableReader.readParts(
        fileAt: path, prefix: prefix, partSize: partSize, delimiter: DelimiterSniffer.sniff(prefix.bytes),
        consumer: UsageTableReader(options: .init()), log: DiagnosticLog(file: path, limit: 50)
    ) != nil
}

/// `UsageImporter.load` of `path`, as a value to compare.
private func loaded(_ path: String, options: UsageImportOptions) -> Result<ImportedUsage, UsageImportError> {
    do {
        return .success(try UsageImporter.load(fileAt: path, options: options))
    } catch {
        return .failure(error)
    }
}

/// Expects `path` read in parts of `partSize` bytes to give exactly what one reading gives (the
/// test files are far below the size that is read in parts unless asked), and the parts to be
/// merged (`inParts`) or thrown away for a reading of the whole file.
private func expectSameAsWhole(_ path: String, partSize: Int, inParts: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    var options = UsageImportOptions()
    options.partSize = partSize
    #expect(readsInParts(path, partSize: partSize) == inParts, "part size \(partSize)", sourceLocation: sourceLocation)
    #expect(
        UsageImporter.check(fileAt: path, options: options) == UsageImporter.check(fileAt: path), "part size \(partSize)",
        sourceLocation: sourceLocation)
    #expect(
        loaded(path, options: options) == loaded(path, options: UsageImportOptions()), "part size \(partSize)",
        sourceLocation: sourceLocation)
}

@Suite struct TableReaderPartsTests {
    @Test(arguments: [true, false])
    func cleanFilesReadInPartsAsInOneGo(shuffled: Bool) throws {
        let text = longFile(shuffled: shuffled)
        let path = temporaryFile(text)
        // The file holds many month texts (a day each), so a later part's cells land between an
        // earlier part's as its tokens are renumbered.
        let check = UsageImporter.check(fileAt: path)
        #expect(check.errors.isEmpty)
        #expect(check.rows == text.split(separator: "\n").count - 1)
        #expect(Set(text.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }).count > 36)
        for partSize in [1, 2, 45, 64, 100, 250, 1_000, text.utf8.count / 3, text.utf8.count / 2] {
            expectSameAsWhole(path, partSize: partSize, inParts: true)
        }
    }

    @Test func aPartMayStartOnASeatsFirstRow() throws {
        // Sorted by seat: each part's first row is some seat's first row when the cut falls
        // just before it.
        let text = longFile(shuffled: false)
        let path = temporaryFile(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.utf8.count + 1 }
        let dataStart = lines[0]
        let seatOf = { (line: Substring) in line.split(separator: ",")[1] }
        let rows = text.split(separator: "\n").dropFirst()
        var offset = dataStart
        var cuts: [Int] = []
        var previous: Substring?
        for row in rows {
            if let previous, seatOf(row) != previous { cuts.append(offset) }
            previous = seatOf(row)
            offset += row.utf8.count + 1
        }
        #expect(cuts.count > 10)
        for cut in cuts.prefix(8) {
            // A part ends after the first newline at or past `partSize` bytes: the one just
            // before the seat's first row.
            expectSameAsWhole(path, partSize: cut - dataStart - 1, inParts: true)
        }
    }

    @Test func aByteOrderMarkTitleLinesBlankLinesAndCRLFAreReadInParts() {
        let text =
            "\u{FEFF}Usage export\r\n\r\n"
            + longFile(seats: 3, lineEnd: "\r\n").replacingOccurrences(of: "\r\nws1,", with: "\r\n\r\n  \r\nws1,")
        let path = temporaryFile(text)
        for partSize in [1, 30, 200, 700] { expectSameAsWhole(path, partSize: partSize, inParts: true) }
    }

    @Test func aQuotedHeaderStillLetsTheRowsBeReadInParts() {
        let path = temporaryFile(longFile(header: "\"workspace\",\"seat\",\"month\",\"credits\",\"plan\""))
        expectSameAsWhole(path, partSize: 100, inParts: true)
    }

    @Test func aWideFileIsReadInPartsAsInOneGo() {
        var lines = ["workspace,seat,2024-01,Feb 2024,2024-03"]
        for seat in 0..<40 { lines.append("ws\(seat % 3),user\(seat),\(seat * 10),,\(seat % 4 == 0 ? "" : "5")") }
        lines.append("ws0,user40,,7,")
        let path = temporaryFile(lines.joined(separator: "\n") + "\n")
        for partSize in [1, 50, 300] { expectSameAsWhole(path, partSize: partSize, inParts: true) }
    }

    @Test func datesWhoseOrderALaterPartDecidesReadAsInOneGo() {
        // `13/02/2024` far down the file shows the dates are day first; two spellings of one
        // month for one seat are reported once the whole file is read, in parts or not.
        var lines = ["workspace,seat,month,credits"]
        for seat in 0..<30 { lines.append("acme,user\(seat),01/02/2024,\(seat)") }
        lines.append("acme,user0,2024-02,5")
        lines.append("acme,user99,13/02/2024,1")
        let path = temporaryFile(lines.joined(separator: "\n") + "\n")
        let check = UsageImporter.check(fileAt: path)
        #expect(check.dateOrder == .dayFirst)
        #expect(lineMessages(check.warnings).count == 1)
        for partSize in [1, 100, 400] { expectSameAsWhole(path, partSize: partSize, inParts: true) }
    }

    @Test func anErrorInALaterPartIsReportedAsInOneGo() {
        var text = longFile()
        let at = text.index(text.startIndex, offsetBy: text.utf8.count * 3 / 4)
        let lineEnd = text[at...].firstIndex(of: "\n")!
        text.insert(contentsOf: "\nws1,user1@ws1.example.com,2024-03,12x", at: lineEnd)
        let path = temporaryFile(text)
        #expect(lineMessages(UsageImporter.check(fileAt: path).errors).count == 1)
        for partSize in [1, 500, text.utf8.count / 2] { expectSameAsWhole(path, partSize: partSize, inParts: false) }
    }

    @Test func aDuplicateAcrossPartsIsReportedAsInOneGo() {
        let text =
            "workspace,seat,month,credits\n" + "acme,ana,2024-01,5\n"
            + (0..<50).map { "acme,user\($0),2024-01,1\n" }.joined() + "acme,ana,2024-01,7\n"
        let path = temporaryFile(text)
        #expect(UsageImporter.check(fileAt: path).warnings.count == 1)
        for partSize in [1, 300, text.utf8.count / 2] { expectSameAsWhole(path, partSize: partSize, inParts: false) }
    }

    @Test func aTotalRowIsReportedAsInOneGo() {
        // The last part holds the total row until the file ends, as one reading does.
        let path = temporaryFile(longFile() + "Total,,,12345,\n")
        expectSameAsWhole(path, partSize: 100, inParts: true)
    }

    @Test(arguments: [0, 1, 2])
    func aQuoteInTheRowsReadsTheFileInOneGo(place: Int) {
        var rows = longFile().split(separator: "\n").map(String.init)
        let row = [1, rows.count / 2, rows.count - 1][place]
        let fields = rows[row].split(separator: ",", omittingEmptySubsequences: false)
        rows[row] = "\"\(fields[0])\"," + fields.dropFirst().joined(separator: ",")
        let path = temporaryFile(rows.joined(separator: "\n") + "\n")
        #expect(UsageImporter.check(fileAt: path).errors.isEmpty)
        expectSameAsWhole(path, partSize: 100, inParts: false)
    }

    @Test func aQuotedNewlineThatAPartWouldCutIsReadInOneGo() {
        let path = temporaryFile(longFile() + "ws0,\"split\nseat\",2024-01,5,\n")
        expectSameAsWhole(path, partSize: 20, inParts: false)
    }

    @Test func everyFixtureReadsTheSameInParts() {
        for name in [
            "long-tidy", "long-messy", "wide", "bad-rows", "duplicates", "ambiguous-dates", "slash-dmy",
            "slash-mdy", "foreign-month", "total-row", "walkthrough", "not-utf8", "nul",
        ] {
            for partSize in [1, 40] {
                var options = UsageImportOptions()
                options.partSize = partSize
                let path = Fixture.path(name)
                #expect(UsageImporter.check(fileAt: path, options: options) == UsageImporter.check(fileAt: path), "\(name)")
            }
        }
    }
}

@Suite struct TableReaderPartSizeTests {
    @Test func aLargeFileIsCutIntoOnePartPerThreadAndASmallOneNot() {
        let large = 10 << 20
        // Two threads: two parts of half the file, rounded up.
        #expect(TableReader.partSize(fileSize: large + 1, options: UsageImportOptions(threads: 2)) == (large + 2) / 2)
        // One thread, a file below 4 MiB, or no regular file: read whole.
        #expect(TableReader.partSize(fileSize: large, options: UsageImportOptions(threads: 1)) == nil)
        #expect(TableReader.partSize(fileSize: TableReader.minimumSplitFileSize - 1, options: UsageImportOptions(threads: 2)) == nil)
        #expect(TableReader.partSize(fileSize: nil, options: UsageImportOptions(threads: 2)) == nil)
        // A size set for tests wins.
        var forced = UsageImportOptions(threads: 1)
        forced.partSize = 10
        #expect(TableReader.partSize(fileSize: 100, options: forced) == 10)
    }
}
