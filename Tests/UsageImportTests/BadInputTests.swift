import CreditCore
import Foundation
import Testing

@testable import UsageImport

/// Bad inputs, each with the exact errors and warnings it must give: every file under
/// `Fixtures/BadInputs/` (the hand-written corpus and the fuzzer's regression inputs), then the
/// inputs too large to commit, generated here. None may crash, hang or go unreported.
@Suite struct BadInputTests {
    /// A file of the corpus and what `check` must report for it, as `line: message`.
    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var errors: [String]
        var warnings: [String]
        var testDescription: String { name }

        init(_ name: String, errors: [String], warnings: [String]) {
            self.name = name
            self.errors = errors
            self.warnings = warnings
        }
    }

    static let corpus: [BadInput] = [
        BadInput(
            "credits-sum-beyond-a-trillion",
            errors: [
                "-: the credits of the file in 2026-04 add up to more than 1,000,000,000,000; check for a wrong value"
            ],
            warnings: [
                "3: seat \"ana\" has another row for 2026-04 (first on line 2); their credits were summed"
            ]
        ),
        BadInput(
            "dates-both-orders",
            errors: [
                "4: dates are written in both orders: \"01/13/2026\" (line 4) is month/day/year but \"13/01/2026\" (line 3) is day/month/year; write every date the same way"
            ],
            warnings: []
        ),
        BadInput(
            "dates-out-of-range",
            errors: [
                "2: month \"2026-13\" is not readable: 13 is not a month number (1 to 12)",
                "3: month \"2026-00\" is not readable: 0 is not a month number (1 to 12)",
                "4: month \"0000-04\" is not readable: year 0 is out of range (1 to 9999)",
                "5: month \"10000-04\" is not readable: write months like 2026-04 or Apr 2026",
                "6: month \"02/30/2026\" is not readable: it is not a date as month/day/year nor as day/month/year",
                "7: month \"2026-02-29\" is not readable: 2026-02 has no day 29",
                "8: month \"Apr 26\" is not readable: the year must have 4 digits, as in Apr 2026 (or Apr-26)",
            ],
            warnings: []
        ),
        BadInput(
            "duplicate-headers",
            errors: [
                "1: columns \"credits\" and \"Credits\" both name the credits column; keep one",
                "1: columns \"seat\" and \"User\" both name the seat column; keep one",
            ],
            warnings: []
        ),
        BadInput(
            "empty",
            errors: [
                "-: the file is empty"
            ],
            warnings: []
        ),
        BadInput(
            "header-only-blank-lines",
            errors: [
                "1: the header is not followed by any data rows"
            ],
            warnings: []
        ),
        BadInput(
            "header-only",
            errors: [
                "1: the header is not followed by any data rows"
            ],
            warnings: []
        ),
        BadInput(
            "invalid-utf8",
            errors: [
                "4: credits \"3ÿ0\" is not a number"
            ],
            warnings: [
                "3: the file is not UTF-8 text (line 3 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ]
        ),
        BadInput(
            "neither-utf8-nor-windows-1252",
            errors: [
                "3: not valid UTF-8 text; save the file as UTF-8",
                "4: not valid UTF-8 text; save the file as UTF-8",
            ],
            warnings: []
        ),
        BadInput(
            "mixed-delimiters",
            errors: [
                "3: the row has 1 field but the header has 3; it is separated by \",\" but the file by \";\"; use one delimiter throughout"
            ],
            warnings: []
        ),
        BadInput(
            "months-span-centuries",
            errors: [
                "3: the months run from 0001-01 (line 2) to 2026-04 (line 3), more than 20 years; check for a mistyped year"
            ],
            warnings: []
        ),
        BadInput(
            "months-two-formats",
            errors: [],
            warnings: [
                "4: seat \"ben\" has another row for 2026-04 (first on line 3); their credits were summed"
            ]
        ),
        BadInput(
            "negative-fractional-credits",
            errors: [
                "2: credits \"-5\" is negative; it must be 0 or more",
                "3: credits \"(300)\" is negative; it must be 0 or more",
                "4: credits \"12.5\" is not a whole number (the file's decimal mark is \".\"); round it",
                "5: credits \"12,5\" is written with \",\" as the decimal mark, but the file's is \".\" (as \"12.5\" on line 4 shows); write every number the same way",
                "6: credits \"1e3\" is not a number",
            ],
            warnings: []
        ),
        BadInput(
            "no-header",
            errors: [
                "1: no header row with the required columns in the first 20 rows; missing month (accepted names: Month, Period, Date, Period start, billing_period_start, Usage date) and credits (accepted names: Credits, Credits used, Credits consumed, Usage); headers found: \"name\", \"amount\"; or give one column per month, headed like 2026-04"
            ],
            warnings: []
        ),
        BadInput(
            "nul-byte",
            errors: [
                "3: contains a NUL byte; save the file as UTF-8 text"
            ],
            warnings: []
        ),
        BadInput(
            "numbers-beyond-64-bits",
            errors: [
                "2: credits \"9223372036854775807\" is too large; the most is 1,000,000,000,000",
                "3: credits \"9223372036854775808\" is too large; the most is 1,000,000,000,000",
                "4: credits \"99,999,999,999,999,999,999\" is too large; the most is 1,000,000,000,000",
                "5: credits \"123456789012345678901234567890\" is too large; the most is 1,000,000,000,000",
            ],
            warnings: []
        ),
        BadInput(
            "stray-quote",
            errors: [
                "3: a quote is out of place (inside an unquoted field, or text after a closing quote); quote the whole field and double any quote inside it"
            ],
            warnings: []
        ),
        BadInput(
            "text-after-closing-quote",
            errors: [
                "2: a quote is out of place (inside an unquoted field, or text after a closing quote); quote the whole field and double any quote inside it"
            ],
            warnings: []
        ),
        BadInput(
            "unclosed-quote",
            errors: [
                "3: a quoted field is never closed; add the closing quote"
            ],
            warnings: []
        ),
        BadInput(
            "utf16",
            errors: [
                "1: no header row with the required columns in the first 20 rows; missing month (accepted names: "
                    + "Month, Period, Date, Period start, billing_period_start, Usage date) and credits (accepted names: Credits, Credits used, Credits consumed, Usage); headers found: "
                    + "\"seat\"; or give one column per month, headed like 2026-04"
            ],
            warnings: []
        ),
        BadInput(
            "wide-duplicate-month-columns",
            errors: [
                "1: columns \"2026-04\" and \"Apr 2026\" are the same month, 2026-04; keep one"
            ],
            warnings: [
                "2: seat \"ana\" has another row for 2026-04 (first on line 2); their credits were summed"
            ]
        ),
        BadInput(
            "workspace-month-beyond-a-trillion",
            errors: [
                "-: the credits of workspace \"acme\" in 2026-04 add up to more than 1,000,000,000,000; check for a wrong value"
            ],
            warnings: []
        ),
        BadInput(
            "wrong-field-counts",
            errors: [
                "2: the row has 4 fields but the header has 3; quote values that contain the delimiter, as in \"1,200\"",
                "3: the row has 2 fields but the header has 3; fill in the missing fields",
            ],
            warnings: []
        ),
    ]

    static func path(_ name: String) -> String {
        Bundle.module.path(forResource: name, ofType: "csv", inDirectory: "Fixtures/BadInputs")!
    }

    @Test(arguments: corpus)
    func reportsExactly(_ input: BadInput) {
        let path = Self.path(input.name)
        let check = UsageImporter.check(fileAt: path)
        #expect(lineMessages(check.errors) == input.errors)
        #expect(lineMessages(check.warnings) == input.warnings)
        // `load` fails exactly when `check` finds errors, with the same errors.
        #expect(loadError(path)?.errors == (input.errors.isEmpty ? nil : check.errors))
    }

    @Test func everyFileOfTheCorpusHasItsExpectedErrors() throws {
        let directory = (Self.path("empty") as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".csv") }
            .map { String($0.dropLast(4)) }
        #expect(files.sorted() == Self.corpus.map(\.name).sorted())
    }

    @Test func errorsNameTheFileAndLine() throws {
        let path = Self.path("unclosed-quote")
        let error = try #require(loadError(path))
        #expect(error.description == "\(path):3: a quoted field is never closed; add the closing quote")
    }

    @Test func tenThousandColumnsAreRead() throws {
        let extra = (4...10_000).map { "extra \($0)" }
        let header = (["seat", "month", "credits"] + extra).joined(separator: ",")
        let row = (["ana", "2026-04", "1200"] + extra.map { _ in "x" }).joined(separator: ",")
        let history = try UsageImporter.load(fileAt: temporaryFile(header + "\n" + row + "\n")).history
        #expect(history.workspaces == [WorkspaceHistory(name: "workspace", seats: [SeatHistory(id: "ana", firstOffset: 0, usage: [1200])])])

        let long = row + ",one too many"
        #expect(
            lineMessages(loadError(temporaryFile(header + "\n" + long + "\n"))?.errors ?? []) == [
                "2: the row has 10001 fields but the header has 10000; quote values that contain the delimiter, as in \"1,200\""
            ])
    }

    @Test func tenThousandUnknownHeadersAreListedShort() throws {
        let header = (1...10_000).map { "column \($0)" }.joined(separator: ",")
        let errors = lineMessages(loadError(temporaryFile(header + "\n1,2,3\n"))?.errors ?? [])
        let listed = (1...20).map { "\"column \($0)\"" }.joined(separator: ", ")
        #expect(
            errors == [
                "1: no header row with the required columns in the first 20 rows; missing seat (accepted names: Seat, "
                    + "Seat ID, User, User email, Email, Member, Name) and month (accepted names: Month, Period, Date, Period start, billing_period_start, Usage date) and credits "
                    + "(accepted names: Credits, Credits used, Credits consumed, Usage); headers found: \(listed) and 9980 more; "
                    + "or give one column per month, headed like 2026-04"
            ])
    }

    @Test func aTenMegabyteQuotedFieldIsRefused() throws {
        let field = String(repeating: "x", count: 10_000_000)
        let text = "seat,month,credits\nana,2026-04,100\n\"\(field)\",2026-04,5\nben,2026-04,7\n"
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                "3: a field is longer than 1 MiB; check for a missing closing quote"
            ])
    }

    @Test func aTenMegabyteUnquotedFieldIsRefused() throws {
        let field = String(repeating: "7", count: 10_000_000)
        let text = "seat,month,credits\nana,2026-04,\(field)\n"
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                "2: a field is longer than 1 MiB; check for a missing closing quote"
            ])
    }

    @Test func anUnclosedQuoteBeforeManyLinesStopsAtTheFieldLimit() throws {
        let rows = (0..<200_000).map { "seat\($0),2026-04,\($0)\n" }.joined()
        let text = "seat,month,credits\nana,2026-04,100\nben,\"2026-04,5\n" + rows
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                "3: a field is longer than 1 MiB; check for a missing closing quote"
            ])
    }

    @Test func aLongValueIsQuotedShortInMessages() throws {
        let name = String(repeating: "n", count: 500_000)
        let text = "seat,month,credits\n\(name),2026-04,\(String(repeating: "9", count: 100))\n"
        let quoted = String(repeating: "9", count: 60) + "…"
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                "2: credits \"\(quoted)\" is too large; the most is 1,000,000,000,000"
            ])
    }

    @Test func controlCharactersAreWrittenOutInMessages() throws {
        let text = "seat,month,credits\nana,2026-04,\"1\u{1B}[31m\t\r\n2\"\n"
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                #"2: credits "1\x1B[31m\t\r\n2" is not a number"#
            ])
    }

    @Test func aNulByteBeyondTheSniffedPrefixIsReported() throws {
        let rows = (0..<5_000).map { "seat\($0),2026-04,\($0)\n" }.joined()
        var bytes = Array(("seat,month,credits\n" + rows).utf8)
        bytes += Array("b".utf8) + [0] + Array("en,2026-04,5\n".utf8)
        #expect(bytes.count > 1 << 16)
        #expect(
            lineMessages(loadError(temporaryFile(bytes))?.errors ?? []) == [
                "5002: contains a NUL byte; save the file as UTF-8 text"
            ])
    }

    @Test func aDifferentDateOnEveryRowKeepsMemoryToTheRows() throws {
        // 53,760 seats, each on a date spelled as no other row spells it: a table of seats by
        // month texts would need 1.4 billion cells; the importer keeps one per row.
        let names = MonthParser.monthNames
        var text = "seat,month,credits\n"
        var seat = 0
        for year in 2006..<2026 {
            for month in 1...12 {
                let (name, short) = (names[month - 1], String(names[month - 1].prefix(3)))
                let padded = month < 10 ? "0\(month)" : "\(month)"
                for day in 1...28 {
                    let paddedDay = day < 10 ? "0\(day)" : "\(day)"
                    for spelling in [
                        "\(year)-\(padded)-\(paddedDay)", "\(year)/\(padded)/\(paddedDay)", "\(year).\(padded).\(paddedDay)",
                        "\(day) \(short) \(year)", "\(short) \(day) \(year)", "\(short) \(day)\u{2C} \(year)",
                        "\(day) \(name) \(year)", "\(name) \(day) \(year)",
                    ] {
                        text += "s\(seat),\"\(spelling)\",1\n"
                        seat += 1
                    }
                }
            }
        }
        let history = try UsageImporter.load(fileAt: temporaryFile(text)).history
        #expect(history.months == Month(year: 2006, month: 1)!...Month(year: 2025, month: 12)!)
        #expect(history.workspaces[0].seats.count == 53_760)
        #expect(history.workspaces[0].monthlyUsage.count == 240)
        #expect(history.workspaces[0].monthlyUsage.allSatisfy { $0 == 28 * 8 })
    }

    @Test func manySpellingsOfTheMonthsOfOneSeatAreSummed() throws {
        // 28 days of January 2010 come first, so the later months' spellings are beyond the
        // dense cells of a seat.
        var text = "seat,month,credits\n"
        for day in 1...28 { text += "ana,2010-01-\(day < 10 ? "0" : "")\(day),1\nana,2010-01-\(day < 10 ? "0" : "")\(day),1\n" }
        for year in 2000..<2004 {
            for month in 1...12 {
                text +=
                    "ana,\(month)/1/\(year),5\nben,\(year)-\(month < 10 ? "0" : "")\(month),7\nana,\(year)-\(month < 10 ? "0" : "")\(month),1\n"
            }
        }
        let imported = try UsageImporter.load(fileAt: temporaryFile(text), options: UsageImportOptions(maxErrors: 1_000))
        let history = imported.history
        #expect(history.months == Month(year: 2000, month: 1)!...Month(year: 2010, month: 1)!)
        let seats = history.workspaces[0].seats
        #expect(seats.map(\.id) == ["ana", "ben"])
        #expect(Array(seats[0].usage.prefix(48)) == Array(repeating: 6, count: 48))
        #expect(seats[0].usage.last == 56)
        #expect(Array(seats[1].usage.prefix(48)) == Array(repeating: 7, count: 48))
        #expect(seats[1].usage.dropFirst(48).allSatisfy { $0 == 0 })
        // One warning per seat, month and spelling that repeats: 28 days of 2010-01 each twice,
        // one for the file's rows per day (27 further days of 2010-01), then a second spelling
        // for each of the 48 months.
        #expect(imported.warnings.count == 28 + 1 + 48)
    }
}
