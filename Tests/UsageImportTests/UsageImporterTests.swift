import CreditCore
import Testing

@testable import UsageImport

@Suite struct UsageImporterTests {
    @Test func readsTidyLongFile() throws {
        let imported = try UsageImporter.load(fileAt: Fixture.path("long-tidy"))
        let history = imported.history
        #expect(history.firstMonth == Month(year: 2026, month: 1))
        #expect(history.lastMonth == Month(year: 2026, month: 4))
        #expect(history.hasWorkspaceColumn)
        #expect(imported.rowCount == 6)
        #expect(imported.warnings.isEmpty)
        #expect(
            history.workspaces == [
                WorkspaceHistory(
                    name: "acme",
                    seats: [
                        SeatHistory(id: "ana@acme.com", firstOffset: 0, usage: [100, 150, 0, 0]),
                        SeatHistory(id: "ben@acme.com", firstOffset: 1, usage: [0, 40, 0, 60]),
                    ]),
                WorkspaceHistory(
                    name: "globex",
                    seats: [
                        SeatHistory(id: "cara@globex.com", firstOffset: 2, usage: [0, 0, 0, 500])
                    ]),
            ])
    }

    @Test func readsMessyExportWithTitleLinesBOMCRLFSemicolonsAndAliases() throws {
        let path = Fixture.path("long-messy")
        // `"1,200"` in a semicolon file is 1200 or 1.2, and no other value tells which.
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "5: credits \"1,200\" reads as 1200 if \",\" groups thousands or as a fraction, 1 and 200 thousandths, "
                    + "if it is the decimal mark, and no number in the file tells which; state the file's decimal mark"
            ])
        #expect(loadError(path)?.errors.map(\.remedy) == [.decimalMark])
        let imported = try UsageImporter.load(fileAt: path, options: UsageImportOptions(decimalMark: .point))
        let history = imported.history
        #expect(history.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 5)!)
        #expect(imported.rowCount == 4)
        #expect(
            history.workspaces == [
                WorkspaceHistory(
                    name: "Acme",
                    seats: [
                        SeatHistory(id: "ana@acme.com", plan: "pro", firstOffset: 0, usage: [1200, 1200]),
                        SeatHistory(id: "ben@acme.com", plan: "team", firstOffset: 0, usage: [300, 45]),
                    ])
            ])
        let check = UsageImporter.check(fileAt: path, options: UsageImportOptions(decimalMark: .point))
        #expect(check.delimiter == UInt8(ascii: ";"))
        #expect(check.format == .long)
    }

    @Test func readsWideFileWithEmptyCellsAsNoRow() throws {
        let imported = try UsageImporter.load(fileAt: Fixture.path("wide"))
        let history = imported.history
        #expect(history.months == Month(year: 2026, month: 1)!...Month(year: 2026, month: 3)!)
        #expect(imported.rowCount == 3)
        #expect(
            history.workspaces == [
                WorkspaceHistory(
                    name: "acme",
                    seats: [
                        SeatHistory(id: "ana", plan: "pro", firstOffset: 0, usage: [100, 200, 0]),
                        SeatHistory(id: "ben", plan: "pro", firstOffset: 1, usage: [0, 50, 70]),
                    ])
            ])
        #expect(
            lineMessages(imported.warnings) == [
                "2: column \"Total\" is neither a month nor a known column; it is ignored",
                "5: seat \"cid\" of workspace \"acme\" has no credits in any month; the row is skipped",
                "6: skipped the \"Total\" row; totals are computed from the seat rows",
            ])
        #expect(UsageImporter.check(fileAt: Fixture.path("wide")).format == .wide)
    }

    @Test func infersMonthFirstFromDatesOnTheSameDay() throws {
        let path = Fixture.path("slash-mdy")
        let history = try UsageImporter.load(fileAt: path).history
        #expect(history.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 6)!)
        #expect(!history.hasWorkspaceColumn)
        #expect(
            history.workspaces == [
                WorkspaceHistory(
                    name: UsageHistory.defaultWorkspaceName,
                    seats: [
                        SeatHistory(id: "ana", firstOffset: 0, usage: [10, 20, 30]),
                        SeatHistory(id: "ben", firstOffset: 1, usage: [0, 5, 0]),
                    ])
            ])
        #expect(UsageImporter.check(fileAt: path).dateOrder == .monthFirst)
    }

    @Test func infersDayFirstFromADayAboveTwelve() throws {
        let path = Fixture.path("slash-dmy")
        let history = try UsageImporter.load(fileAt: path).history
        #expect(history.months == Month(year: 2026, month: 2)!...Month(year: 2026, month: 4)!)
        #expect(history.workspaces.first?.seats == [SeatHistory(id: "ana", firstOffset: 0, usage: [10, 20, 30])])
        let check = UsageImporter.check(fileAt: path)
        #expect(check.dateOrder == .dayFirst)
        #expect(check.delimiter == UInt8(ascii: ";"))
    }

    @Test func reportsAmbiguousDatesAndNamesTheOption() throws {
        let path = Fixture.path("ambiguous-dates")
        let error = try #require(loadError(path))
        #expect(
            error.description == "\(path):2: date \"04/01/2026\" could be April 1, 2026 or January 4, 2026; "
                + "rerun with --date-order mdy (month first) or --date-order dmy (day first)")
        let dayFirst = try UsageImporter.load(fileAt: path, options: UsageImportOptions(dateOrder: .dayFirst)).history
        #expect(dayFirst.months == Month(year: 2026, month: 1)!...Month(year: 2026, month: 1)!)
        let monthFirst = try UsageImporter.load(fileAt: path, options: UsageImportOptions(dateOrder: .monthFirst)).history
        #expect(monthFirst.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 4)!)
        #expect(monthFirst.workspaces[0].seats.map(\.usage) == [[10], [20]])
    }

    @Test func rejectsADateOrderTheFileContradicts() {
        let path = Fixture.path("slash-dmy")
        let error = loadError(path, options: UsageImportOptions(dateOrder: .monthFirst))
        #expect(
            lineMessages(error?.errors ?? []) == [
                "2: date \"28/02/2026\" is not a date in month/day/year order (--date-order mdy)",
                "3: date \"31/03/2026\" is not a date in month/day/year order (--date-order mdy)",
                "4: date \"30/04/2026\" is not a date in month/day/year order (--date-order mdy)",
            ])
    }

    @Test func reportsForeignMonthNames() throws {
        let path = Fixture.path("foreign-month")
        let error = try #require(loadError(path))
        #expect(
            error.errors.map(\.description) == [
                "\(path):2: month \"Maj 2026\" is not readable: \"Maj\" is not a month name in English, German, French, "
                    + "Spanish, Italian, Dutch or Portuguese; write months like 2026-04 or Apr 2026",
                "\(path):3: month \"Floréal 2026\" is not readable: \"Floréal\" is not a month name in English, German, "
                    + "French, Spanish, Italian, Dutch or Portuguese; write months like 2026-04 or Apr 2026",
            ])
    }

    @Test func reportsEveryBadRowOfAFile() throws {
        let path = Fixture.path("bad-rows")
        let error = try #require(loadError(path))
        #expect(
            lineMessages(error.errors) == [
                "2: credits \"abc\" is not a number",
                "3: credits \"-5\" is negative; it must be 0 or more",
                "4: credits \"12.5\" is not a whole number (the file's decimal mark is \".\"); round it",
                "5: month \"2026-13\" is not readable: 13 is not a month number (1 to 12)",
                "6: the row has 3 fields but the header has 4; fill in the missing fields",
                "7: credits \"99999999999999999999\" is too large; the most is 1,000,000,000,000",
                "8: seat is empty; fill it in",
                "9: month \"4/1/26\" is not readable: the year must have 4 digits, as in 2026",
                "10: the row has 5 fields but the header has 4; quote values that contain the delimiter, as in \"1,200\"",
                "12: a quoted field is never closed; add the closing quote",
            ])
        #expect(error.description.hasPrefix("\(path):2: credits \"abc\" is not a number\n\(path):3: "))
        let check = UsageImporter.check(fileAt: path)
        #expect(check.rows == 10)
        #expect(check.totalCredits == 1200)
        #expect(check.months == [Month(year: 2026, month: 11)!])
    }

    @Test func capsTheErrorsReported() {
        let rows = (1...5).map { "ana,2026-0\($0),x\($0)" }.joined(separator: "\n")
        let error = loadError(temporaryFile("seat,month,credits\n\(rows)\n"), options: UsageImportOptions(maxErrors: 2))
        #expect(
            lineMessages(error?.errors ?? []) == [
                "2: credits \"x1\" is not a number",
                "3: credits \"x2\" is not a number",
                "-: … and 3 more errors",
            ])
    }

    @Test func readsTextThatIsNotUTF8AsWindows1252() throws {
        let path = Fixture.path("not-utf8")
        let error = try #require(loadError(path))
        #expect(error.errors.map(\.description) == ["\(path):4: credits \"ÿ\" is not a number"])
        #expect(
            error.warnings.map(\.description) == [
                "\(path):3: the file is not UTF-8 text (line 3 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ])
        #expect(error.warnings.map(\.remedy) == [.encoding])
    }

    @Test func reportsANulByte() throws {
        let path = Fixture.path("nul")
        #expect(loadError(path)?.description == "\(path):2: contains a NUL byte; save the file as UTF-8 text")
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n", ",,\n  \n"])
    func reportsAnEmptyFile(contents: String) {
        let path = temporaryFile(contents)
        #expect(loadError(path)?.description == "\(path): the file is empty")
    }

    @Test func reportsAHeaderWithoutRows() {
        let path = temporaryFile("Usage export\nseat,month,credits\nTotal,,0\n")
        #expect(lineMessages(loadError(path)?.errors ?? []) == ["2: the header is not followed by any data rows"])
    }

    @Test func reportsAMissingColumnWithTheHeadersFoundAndTheNamesAccepted() {
        let path = temporaryFile("Usage export\nseat,month,amount\nana,2026-04,5\n")
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "2: no header row with the required columns in the first 20 rows; missing credits (accepted names: "
                    + "Credits, Credits used, Credits consumed, Usage); headers found: \"seat\", \"month\", \"amount\"; "
                    + "or give one column per month, headed like 2026-04"
            ])
    }

    @Test func looksForTheHeaderInTheFirstTwentyRowsOnly() {
        let titles = (1...20).map { "title \($0)" }.joined(separator: "\n")
        let path = temporaryFile("\(titles)\nseat,month,credits\nana,2026-04,5\n")
        #expect(loadError(path)?.errors.first?.message.hasPrefix("no header row with the required columns") == true)
    }

    @Test func reportsDuplicateHeaderColumns() {
        let path = temporaryFile("Seat,User,Month,Credits\nana,x,2026-04,5\n")
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "1: columns \"Seat\" and \"User\" both name the seat column; keep one"
            ])
    }

    @Test func skipsATotalRowWithAWarning() throws {
        let imported = try UsageImporter.load(fileAt: Fixture.path("total-row"))
        let history = imported.history
        #expect(imported.rowCount == 2)
        #expect(history.workspaces[0].seats.map(\.usage) == [[10], [20]])
        #expect(
            lineMessages(imported.warnings) == [
                "4: skipped the \"Total\" row; totals are computed from the seat rows"
            ])
    }

    @Test func sumsDuplicateRowsWithOneWarningPerSeatAndMonth() throws {
        let imported = try UsageImporter.load(fileAt: Fixture.path("duplicates"))
        let history = imported.history
        #expect(
            history.workspaces[0].seats == [
                SeatHistory(id: "ana", firstOffset: 0, usage: [16]),
                SeatHistory(id: "ben", firstOffset: 0, usage: [10]),
            ])
        #expect(
            lineMessages(imported.warnings) == [
                "3: seat \"ana\" of workspace \"acme\" has another row for 2026-04 (first on line 2); their credits were summed",
                "6: seat \"ben\" of workspace \"acme\" has another row for 2026-04 (first on line 5); their credits were summed",
            ])
    }

    @Test func readsTheWalkthrough() throws {
        let history = try UsageImporter.load(fileAt: Fixture.path("walkthrough")).history
        #expect(history.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 7)!)
        #expect(
            history.workspaces == [
                WorkspaceHistory(
                    name: "workspace",
                    seats: [
                        SeatHistory(id: "team", firstOffset: 0, usage: [18000, 5000, 8000, 50000])
                    ])
            ])
    }

    @Test func readsTabsAndHonoursADelimiterOverride() throws {
        let tabbed = temporaryFile("seat\tmonth\tcredits\nana\t2026-04\t1,200\nana\t2026-05\t2,500.00\n")
        #expect(try UsageImporter.load(fileAt: tabbed).history.workspaces[0].seats[0].usage == [1200, 2500])
        let piped = temporaryFile("seat|month|credits\nana|2026-04|7\n")
        let history = try UsageImporter.load(fileAt: piped, options: UsageImportOptions(delimiter: UInt8(ascii: "|"))).history
        #expect(history.workspaces[0].seats[0].usage == [7])
    }

    @Test func readsEverySpellingOfAMonthInOneFile() throws {
        let rows = ["2026-04", "2026-04-15", "2026/04", "04/2026", "Apr 2026", "April 2026", "Apr-26", "APR 2026"]
            .enumerated().map { "seat\($0.offset),\($0.element),\($0.offset + 1)" }.joined(separator: "\n")
        let history = try UsageImporter.load(fileAt: temporaryFile("seat,month,credits\n\(rows)\n")).history
        #expect(history.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 4)!)
        #expect(history.workspaces[0].seats.map(\.usage) == (1...8).map { [$0] })
    }

    @Test func readsWideHeadersWrittenAsDates() throws {
        let path = temporaryFile("seat,04/01/2026,05/01/2026,06/01/2026\nana,1,2,3\n")
        let history = try UsageImporter.load(fileAt: path).history
        #expect(history.months == Month(year: 2026, month: 4)!...Month(year: 2026, month: 6)!)
        #expect(history.workspaces[0].seats[0].usage == [1, 2, 3])
    }

    @Test func reportsUnreadableAndRepeatedWideMonths() {
        let path = temporaryFile("seat,Apr 2026,2026-04,Maj 2026,Apr 2026\nana,1,2,3,4\n")
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "1: month column \"Maj 2026\" is not readable: \"Maj\" is not a month name in English, German, French, "
                    + "Spanish, Italian, Dutch or Portuguese; write months like 2026-04 or Apr 2026",
                "1: column \"Apr 2026\" appears twice; keep one",
                "1: columns \"Apr 2026\" and \"2026-04\" are the same month, 2026-04; keep one",
            ])
    }

    @Test func reportsAWideFileWithoutUsage() {
        let path = temporaryFile("seat,Apr 2026\nana,\n")
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "-: no seat has credits in any month; there is no usage to import"
            ])
    }

    @Test func reportsAnUnreadableFile() {
        let error = loadError("/nonexistent/usage.csv")
        #expect(error?.description == "/nonexistent/usage.csv: cannot read the file: No such file or directory")
    }
}
