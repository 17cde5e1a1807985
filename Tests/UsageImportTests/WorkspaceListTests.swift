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
}
