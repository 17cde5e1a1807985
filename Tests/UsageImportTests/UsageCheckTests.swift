import CreditCore
import Foundation
import Testing

@testable import UsageImport

@Suite struct UsageCheckTests {
    @Test func summarisesTheWalkthroughAsJSON() {
        let path = Fixture.path("walkthrough")
        let check = UsageImporter.check(fileAt: path)
        #expect(
            check.jsonText() == """
                {
                  "file": "\(path)",
                  "format": "long",
                  "delimiter": ",",
                  "rows": 4,
                  "seats": 1,
                  "workspaces": 1,
                  "months": [
                    "2026-04",
                    "2026-05",
                    "2026-06",
                    "2026-07"
                  ],
                  "total_credits": 81000,
                  "credits_by_month": {
                    "2026-04": 18000,
                    "2026-05": 5000,
                    "2026-06": 8000,
                    "2026-07": 50000
                  },
                  "credits_by_seat": {
                    "team": 81000
                  },
                  "errors": [],
                  "warnings": []
                }

                """)
    }

    @Test func summarisesTheWalkthroughAsText() {
        let path = Fixture.path("walkthrough")
        #expect(
            UsageImporter.check(fileAt: path).text() == """
                file: \(path)
                format: long, comma-separated
                rows: 4
                seats: 1 in 1 workspace
                months: 2026-04 to 2026-07 (4 months)
                total credits: 81,000
                no errors

                """)
    }

    @Test func keysSeatsByWorkspaceAndListsOnlyMonthsWithRows() {
        let check = UsageImporter.check(fileAt: Fixture.path("long-tidy"))
        #expect(check.seats == 3)
        #expect(check.workspaces == 2)
        #expect(check.months == (1...4).map { Month(year: 2026, month: $0)! })
        #expect(check.creditsBySeat == ["acme/ana@acme.com": 250, "acme/ben@acme.com": 100, "globex/cara@globex.com": 500])
        #expect(
            check.creditsByMonth == [
                Month(year: 2026, month: 1)!: 100, Month(year: 2026, month: 2)!: 190,
                Month(year: 2026, month: 3)!: 0, Month(year: 2026, month: 4)!: 560,
            ])
        #expect(check.totalCredits == 850)
        let gappy = UsageImporter.check(fileAt: temporaryFile("seat,month,credits\nana,2026-01,1\nana,2026-03,2\n"))
        #expect(gappy.months == [Month(year: 2026, month: 1)!, Month(year: 2026, month: 3)!])
        #expect(gappy.creditsByMonth.keys.sorted() == gappy.months)
    }

    @Test func reportsErrorsAndWarningsInJSONAndText() throws {
        let path = temporaryFile("seat,month,credits\nana,2026-04,5\nana,2026-04,\"a\"\"b\"\nTotal,,5\n")
        let check = UsageImporter.check(fileAt: path)
        #expect(check.errors.map(\.description) == ["\(path):3: credits \"a\"b\" is not a number"])
        let json = check.jsonText()
        #expect(
            json.contains(
                """
                  "errors": [
                    {
                      "line": 3,
                      "message": "credits \\"a\\"b\\" is not a number"
                    }
                  ],
                """))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["warnings"] as? [[String: Any]])?.first?["line"] as? Int == 4)
        #expect(
            check.text().hasSuffix(
                """
                total credits: 5
                1 warning:
                \(path):4: skipped the "Total" row; totals are computed from the seat rows
                1 error:
                \(path):3: credits "a"b" is not a number

                """))
    }

    @Test func reportsAFileThatCannotBeReadAsJSONNulls() {
        let check = UsageImporter.check(fileAt: temporaryFile(""))
        let json = check.jsonText()
        #expect(check.format == nil)
        #expect(json.contains("\"format\": null,"))
        #expect(json.contains("\"months\": [],"))
        #expect(json.contains("\"credits_by_seat\": {},"))
        #expect(json.contains("\"line\": null,\n      \"message\": \"the file is empty\""))
    }

    @Test func writesThousandsSeparatorsAndDateOrderInText() {
        let check = UsageImporter.check(fileAt: Fixture.path("slash-dmy"))
        let text = check.text()
        #expect(text.contains("format: long, semicolon-separated\n"))
        #expect(text.contains("dates read as day/month/year (--date-order dmy)\n"))
        let big = UsageImporter.check(fileAt: temporaryFile("seat,month,credits\nana,2026-04,1234567\n"))
        #expect(big.text().contains("total credits: 1,234,567\n"))
    }
}
