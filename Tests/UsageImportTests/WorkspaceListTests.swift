import CreditCore
import Testing

@testable import UsageImport

@Suite struct WorkspaceListTests {
    @Test func rowsAreCheckedByLineAgainstTheUsageFileAndThePlans() throws {
        let path = temporaryFile("workspace,plan,seats\n\nAcme Corp,pro,3\nAcme Crop,pro,2\nBeta,gold,1\n", name: "workspaces.csv")
        let list = try WorkspaceListImporter.list(fileAt: path)
        #expect(list.file == path && list.lines == [3, 4, 5])
        #expect(list.settings.map(\.name) == ["Acme Corp", "Acme Crop", "Beta"])
        let planProblem = { (plan: String) in plan == "pro" ? nil : "unknown plan \"\(plan)\"" }
        #expect(
            throws: UsageImportError(errors: [
                ImportDiagnostic(
                    file: path, line: 4,
                    message:
                        "workspace \"Acme Crop\" is not in the usage file; did you mean \"Acme Corp\"?; check its spelling, or remove the row"
                ),
                ImportDiagnostic(file: path, line: 5, message: "unknown plan \"gold\""),
            ])
        ) { try list.check(workspaces: ["Acme Corp", "Beta"], planProblem: planProblem) }
        try WorkspaceList(file: path, settings: Array(list.settings.prefix(1)), lines: [3])
            .check(workspaces: ["Acme Corp"], planProblem: planProblem)
    }

    @Test func twoSpellingsOfOneNameAreOneWorkspaceListedTwice() throws {
        // Merging two rows' settings would be a guess: the second is an error.
        let path = temporaryFile("workspace,plan,seats\nCaf\u{E9},pro,3\nCafe\u{301},pro,2\n", name: "workspaces.csv")
        #expect(
            throws: UsageImportError(errors: [
                ImportDiagnostic(
                    file: path, line: 3, message: "workspace \"Café\" is listed twice (first on line 2); keep one row per workspace")
            ])
        ) { try WorkspaceListImporter.list(fileAt: path) }
        let list = try WorkspaceListImporter.list(fileAt: temporaryFile("workspace,plan,seats\nCafe\u{301},Pr\u{F3},3\n"))
        #expect(list.settings.map { Array($0.name.unicodeScalars) } == [["C", "a", "f", "\u{E9}"]])
        #expect(list.settings.map { Array($0.plan.unicodeScalars) } == [["p", "r", "\u{F3}"]])
    }
}
