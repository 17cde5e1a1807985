import Testing

@testable import UsageImport

/// A total row is skipped only at the end of the table, and checked against the rows above;
/// notes below the table are skipped; the same words in the middle of the file are data.
@Suite struct TotalRowTests {
    private func imported(_ text: String) throws -> ImportedUsage {
        try UsageImporter.load(fileAt: temporaryFile(text))
    }

    @Test func aTotalThatDiffersFromTheRowsIsReported() throws {
        let usage = try imported("seat,month,credits\nana,2026-04,10\nben,2026-04,20\nTotal,,35\n")
        #expect(usage.history.workspaces[0].seats.map(\.usage) == [[10], [20]])
        #expect(
            lineMessages(usage.warnings) == [
                "4: skipped the \"Total\" row, which gives 35 credits where the rows above add up to 30; "
                    + "check that every value was read as meant"
            ])
    }

    @Test func aTotalInTheWorkspaceColumnIsATotal() throws {
        let usage = try imported("Team,Seat,Month,Credits\nacme,ana,2026-04,10\nacme,ben,2026-05,20\nGrand total,,,30\n")
        #expect(usage.rowCount == 2)
        #expect(lineMessages(usage.warnings) == ["4: skipped the \"Grand total\" row; totals are computed from the seat rows"])
    }

    @Test func aGermanTotalIsATotal() throws {
        let usage = try imported("Seat;Month;Credits\nana;2026-04;1.000,00\nben;2026-04;2.500,00\nSumme;;3.500,00\n")
        #expect(usage.history.workspaces[0].seats.map(\.usage) == [[1000], [2500]])
        #expect(lineMessages(usage.warnings) == ["4: skipped the \"Summe\" row; totals are computed from the seat rows"])
    }

    @Test func aSeatNamedTotalInTheMiddleIsData() throws {
        let usage = try imported("seat,month,credits\nTotal,2026-04,5\nana,2026-04,10\n")
        #expect(usage.history.workspaces[0].seats.map(\.id) == ["Total", "ana"])
        #expect(usage.rowCount == 2)
        #expect(usage.warnings.isEmpty)
    }

    @Test func notesBelowTheTableAreSkipped() throws {
        let usage = try imported(
            "seat,month,credits\nana,2026-04,10\nTotal,,10\n\n* Source: admin console,,\n\"Figures in credits, not dollars\"\n")
        #expect(usage.rowCount == 1)
        #expect(
            lineMessages(usage.warnings) == [
                "3: skipped the \"Total\" row; totals are computed from the seat rows",
                "5: skipped the note \"* Source: admin console\" below the table",
                "6: skipped the note \"Figures in credits, not dollars\" below the table",
            ])
    }

    @Test func aNoteAboveDataIsARow() {
        let path = temporaryFile("seat,month,credits\nana,2026-04,10\nsee below,,\nben,2026-04,5\n")
        #expect(lineMessages(loadError(path)?.errors ?? []) == ["3: month is empty; fill it in", "3: credits is empty; fill it in"])
    }

    @Test func aWideTotalIsCheckedPerMonth() throws {
        let usage = try imported("Seat,Plan,Jan 2026,Feb 2026\nana,Pro,100,200\nben,Pro,5,50\nTotal,,105,300\n")
        #expect(
            lineMessages(usage.warnings) == [
                "4: skipped the \"Total\" row, which gives 300 credits for Feb 2026 where the rows above add up to 250; "
                    + "check that every value was read as meant"
            ])
    }

    @Test func aWorkspacesTotalIsCheckedAgainstTheSeats() throws {
        var log = DiagnosticLog(file: "w.csv", limit: 50)
        let path = temporaryFile("workspace,plan,seats\nacme,pro,10\nglobex,pro,5\nTotal,,16\n")
        #expect(try WorkspaceListImporter.load(fileAt: path).map(\.name) == ["acme", "globex"])
        var reader = WorkspaceListReader(decimalMark: nil)
        _ = TableReader.read(fileAt: path, options: .init(), into: &reader, log: &log)
        #expect(
            lineMessages(log.warnings) == [
                "4: skipped the \"Total\" row, which gives 16 seats where the rows above add up to 15; "
                    + "check that every value was read as meant"
            ])
    }
}
