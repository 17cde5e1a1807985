import CreditCore
import Testing

@testable import UsageImport

/// Exports as finance sends them, each read to its exact values and warnings.
@Suite struct ExportFixtureTests {
    @Test func excelUnicodeTextInUTF16() throws {
        let path = Fixture.path("unicode-text-utf16")
        let imported = try UsageImporter.load(fileAt: path)
        #expect(imported.history.months == Month(year: 2026, month: 3)!...Month(year: 2026, month: 4)!)
        #expect(
            imported.history.workspaces == [
                WorkspaceHistory(
                    name: "Acme",
                    seats: [
                        SeatHistory(id: "josé@acme.com", firstOffset: 1, usage: [0, 1500]),
                        SeatHistory(id: "müller@acme.com", firstOffset: 0, usage: [2500, 0]),
                    ])
            ])
        #expect(
            lineMessages(imported.warnings) == [
                "3: the file has a row per day (line 3 is a seat's second day of a month); each seat's credits are summed per month",
                "5: skipped the \"Summe\" row; totals are computed from the seat rows",
            ])
    }

    @Test func aGermanWindows1252Export() throws {
        let path = Fixture.path("windows-1252-de")
        let options = UsageImportOptions(seatColumn: "Benutzer", monthColumn: "Monat")
        let imported = try UsageImporter.load(fileAt: path, options: options)
        #expect(
            imported.history.workspaces == [
                WorkspaceHistory(
                    name: "Acme",
                    seats: [
                        SeatHistory(id: "José", firstOffset: 0, usage: [1_218_000, 0]),
                        SeatHistory(id: "Müller", firstOffset: 1, usage: [0, 18000]),
                    ])
            ])
        #expect(
            lineMessages(imported.warnings) == [
                "2: the file is not UTF-8 text (line 2 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows",
                "4: skipped the \"Gesamt\" row; totals are computed from the seat rows",
                "5: skipped the note \"* Quelle: Admin-Konsole\" below the table",
            ])
    }
}
