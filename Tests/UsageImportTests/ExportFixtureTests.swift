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

    // The three below are LibreOffice Calc's own CSV exports of small spreadsheets, remade by
    // Fixtures/make-libreoffice.sh: the month cells are dates shown with the locale's month
    // names and the credits numbers shown with its thousands mark, as Calc writes them.

    @Test func aGermanLibreOfficeExport() throws {
        // `;`, `1.218.000`, `März 2026`, and a Summe row Calc computed.
        let options = UsageImportOptions(seatColumn: "Benutzer", monthColumn: "Monat")
        let imported = try UsageImporter.load(fileAt: Fixture.path("libreoffice-de"), options: options)
        #expect(imported.history.months == Month(year: 2026, month: 3)!...Month(year: 2026, month: 4)!)
        #expect(
            imported.history.workspaces == [
                WorkspaceHistory(
                    name: "Vertrieb",
                    seats: [
                        SeatHistory(id: "Jürgen", firstOffset: 0, usage: [1_218_000, 18_000]),
                        SeatHistory(id: "Änne", firstOffset: 1, usage: [0, 2_500]),
                    ])
            ])
        #expect(lineMessages(imported.warnings) == ["5: skipped the \"Summe\" row; totals are computed from the seat rows"])
    }

    @Test func aFrenchLibreOfficeExport() throws {
        // `;`, `1 234 567` grouped with no-break spaces, `février 2026`.
        let options = UsageImportOptions(
            seatColumn: "Utilisateur", monthColumn: "Mois", creditsColumn: "Crédits", workspaceColumn: "Équipe")
        let imported = try UsageImporter.load(fileAt: Fixture.path("libreoffice-fr"), options: options)
        #expect(imported.history.months == Month(year: 2026, month: 2)!...Month(year: 2026, month: 3)!)
        #expect(
            imported.history.workspaces == [
                WorkspaceHistory(
                    name: "Ventes",
                    seats: [
                        SeatHistory(id: "François", firstOffset: 1, usage: [0, 800]),
                        SeatHistory(id: "Hélène", firstOffset: 0, usage: [12_500, 1_234_567]),
                    ])
            ])
        #expect(imported.warnings.isEmpty)
    }

    @Test func aWindows1252LibreOfficeExport() throws {
        // Windows-1252 bytes, `,` with quoted `"23,456"`, `Mar-26`.
        let imported = try UsageImporter.load(fileAt: Fixture.path("libreoffice-windows-1252"))
        #expect(imported.history.months == Month(year: 2026, month: 3)!...Month(year: 2026, month: 4)!)
        #expect(
            imported.history.workspaces == [
                WorkspaceHistory(
                    name: "Café",
                    seats: [
                        SeatHistory(id: "José", firstOffset: 0, usage: [1_500, 23_456]),
                        SeatHistory(id: "Zoë", firstOffset: 1, usage: [0, 7]),
                    ])
            ])
        #expect(
            lineMessages(imported.warnings) == [
                "2: the file is not UTF-8 text (line 2 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ])
    }
}
