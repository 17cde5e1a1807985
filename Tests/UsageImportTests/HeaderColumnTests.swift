import Testing

@testable import UsageImport

/// The header row: more names, `Name` only as a last resort, headers the user gives, never a
/// data row, and a header repeated below reported.
@Suite struct HeaderColumnTests {
    private func seats(_ text: String, _ options: UsageImportOptions = .init()) throws -> [String: [Int]] {
        let history = try UsageImporter.load(fileAt: temporaryFile(text), options: options).history
        return Dictionary(
            uniqueKeysWithValues: history.workspaces.flatMap { workspace in
                workspace.seats.map { ("\(workspace.name)/\($0.id)", Array($0.usage)) }
            })
    }

    @Test(arguments: [
        "Workspace name,Email,billing_period_start,credits_consumed",
        "Team name,User Email,Period start,Credits Consumed",
        "Team,Name,Usage date,Credits",
    ])
    func readsTheExportsNames(header: String) throws {
        #expect(try seats("\(header)\nacme,ana,2026-04,5\n") == ["acme/ana": [5]])
    }

    @Test func nameIsTheSeatOnlyWithoutABetterColumn() throws {
        let text = "Name,Email,Month,Credits\nAna Lima,ana@acme.com,2026-04,5\n"
        #expect(try seats(text) == ["workspace/ana@acme.com": [5]])
    }

    @Test func columnsGivenByTheUser() throws {
        let text = "Login,Billing cycle,Spend,Org,User\nana,2026-04,5,acme,x\n"
        let options = UsageImportOptions(
            seatColumn: "Login", monthColumn: "billing cycle", creditsColumn: "Spend", workspaceColumn: "Org")
        #expect(try seats(text, options) == ["acme/ana": [5]])
        let missing = loadError(temporaryFile(text), options: UsageImportOptions(seatColumn: "Login", creditsColumn: "Amount"))
        #expect(
            lineMessages(missing?.errors ?? []) == [
                "1: no header row with the required columns in the first 20 rows; missing month (accepted names: Month, "
                    + "Period, Date, Period start, billing_period_start, Usage date) and credits (given as \"Amount\"); headers "
                    + "found: \"Login\", \"Billing cycle\", \"Spend\", \"Org\", \"User\"; or give one column per month, headed like 2026-04"
            ])
    }

    @Test func aDataRowIsNeverTheHeader() {
        // `user` names the seat column and `2026-04` looks like a month column of a wide file.
        let path = temporaryFile("user,2026-04,100\nana,2026-05,7\n")
        #expect(
            lineMessages(loadError(path)?.errors ?? []) == [
                "1: no header row with the required columns in the first 20 rows; missing month (accepted names: Month, "
                    + "Period, Date, Period start, billing_period_start, Usage date) and credits (accepted names: Credits, "
                    + "Credits used, Credits consumed, Usage); headers found: \"user\", \"2026-04\", \"100\"; or give one "
                    + "column per month, headed like 2026-04"
            ])
    }

    @Test func aRepeatedHeaderIsReportedAndSkipped() throws {
        let path = temporaryFile("seat,month,credits\nana,2026-04,5\nseat,month,credits\nana,2026-05,7\n")
        let imported = try UsageImporter.load(fileAt: path)
        #expect(imported.history.workspaces[0].seats[0].usage == [5, 7])
        #expect(
            lineMessages(imported.warnings) == [
                "3: the header of line 1 is repeated here, as where two exports were joined; the line is skipped"
            ])
    }
}

/// A file with a row per day is summed into months with one warning for the whole file.
@Suite struct DailyRowsTests {
    @Test func daysAreSummedWithOneWarning() throws {
        let text =
            "seat,date,credits\nana,2026-04-01,1\nben,2026-04-01,10\nana,2026-04-02,2\nben,2026-04-02,20\n"
            + "ana,03/04/2026,4\nana,13/05/2026,8\n"
        let imported = try UsageImporter.load(fileAt: temporaryFile(text))
        #expect(imported.history.workspaces[0].seats.map(\.usage) == [[7, 8], [30, 0]])
        #expect(
            lineMessages(imported.warnings) == [
                "4: the file has a row per day (line 4 is a seat's second day of a month); each seat's credits are summed per month"
            ])
    }

    @Test func twoSpellingsOfOneDayAreStillReported() throws {
        let imported = try UsageImporter.load(fileAt: temporaryFile("seat,date,credits\nana,2026-04-15,1\nana,15 Apr 2026,2\n"))
        #expect(imported.history.workspaces[0].seats[0].usage == [3])
        #expect(
            lineMessages(imported.warnings) == [
                "3: seat \"ana\" has another row for 2026-04 (first on line 2); their credits were summed"
            ])
    }
}
