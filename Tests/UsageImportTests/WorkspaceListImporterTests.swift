import CreditCore
import Testing

@testable import UsageImport

@Suite struct WorkspaceListImporterTests {
    @Test func readsAGoodFile() throws {
        let settings = try WorkspaceListImporter.load(fileAt: Fixture.path("workspaces-good"))
        #expect(
            settings == [
                WorkspaceSettings(name: "acme", plan: "pro", seats: 10, balance: 50000, asOf: Month(year: 2026, month: 4)),
                WorkspaceSettings(name: "globex", plan: "team", seats: 1000, cap: 20000),
            ])
    }

    @Test func reportsEveryErrorOfABadFile() throws {
        let path = Fixture.path("workspaces-bad")
        let error = try #require(workspaceLoadError(path))
        #expect(
            error.errors.map(\.description) == [
                "\(path):3: workspace \"acme\" is listed twice (first on line 2); keep one row per workspace",
                "\(path):4: workspace is empty; fill it in",
                "\(path):5: plan is empty; fill it in",
                "\(path):5: as_of \"Maj 2026\" is not readable: \"Maj\" is not a month name in English, German, French, "
                    + "Spanish, Italian, Dutch or Portuguese; write months like 2026-04 or Apr 2026",
                "\(path):6: seats \"ten\" is not a number",
            ])
    }

    @Test func reportsMissingColumns() {
        let path = temporaryFile("workspace,plan,balance\nacme,pro,5\n", name: "workspaces.csv")
        #expect(
            throws: UsageImportError(errors: [
                ImportDiagnostic(
                    file: path, line: 1,
                    message: "no header row with the required columns in the first 20 rows; missing seats "
                        + "(accepted names: Seats, Seat count); headers found: \"workspace\", \"plan\", \"balance\"")
            ])
        ) {
            try WorkspaceListImporter.load(fileAt: path)
        }
    }

    @Test func readsFullDatesInTheFilesOrder() throws {
        let path = temporaryFile("workspace;plan;seats;as_of\nacme;pro;3;30/04/2026\nglobex;pro;4;01/05/2026\n")
        let settings = try WorkspaceListImporter.load(fileAt: path)
        #expect(settings.map(\.asOf) == [Month(year: 2026, month: 4), Month(year: 2026, month: 5)])
    }

    @Test func reportsAnEmptyFile() {
        let path = temporaryFile("", name: "workspaces.csv")
        #expect(throws: UsageImportError(errors: [ImportDiagnostic(file: path, line: nil, message: "the file is empty")])) {
            try WorkspaceListImporter.load(fileAt: path)
        }
    }
}

/// The error `WorkspaceListImporter.load` throws for the file at `path`, or `nil` when it loads.
private func workspaceLoadError(_ path: String) -> UsageImportError? {
    do {
        _ = try WorkspaceListImporter.load(fileAt: path)
        return nil
    } catch {
        return error
    }
}
