import Testing

@testable import UsageImport

/// `Café` with a precomposed é (U+00E9) and with e and a combining acute (U+0301).
private let composed = "Caf\u{E9}"
private let decomposed = "Cafe\u{301}"

@Suite struct NameTableTests {
    @Test func twoSpellingsOfANameAreOneNameInNFCReportedOnce() {
        var table = NameTable()
        #expect(withField(decomposed) { table.id(of: $0, line: 2) } == .success(0))
        #expect(withField("Cafe") { table.id(of: $0, line: 3) } == .success(1))
        #expect(withField(decomposed) { table.id(of: $0, line: 4) } == .success(0))
        #expect(table.collapsed.isEmpty)
        #expect(withField(composed) { table.id(of: $0, line: 5) } == .success(0))
        #expect(withField(composed) { table.id(of: $0, line: 6) } == .success(0))
        #expect(withField(decomposed) { table.id(of: $0, line: 7) } == .success(0))
        #expect(table.names == [composed, "Cafe"])
        #expect(Array(table.names[0].unicodeScalars) == ["C", "a", "f", "\u{E9}"])
        #expect(table.collapsed == [NameTable.Collapse(id: 0, firstLine: 2, line: 5)])
    }

    @Test func caseAndScopeKeepNamesApart() {
        var table = NameTable()
        #expect(withField("ana") { table.id(of: $0, line: 2) } == .success(0))
        #expect(withField("Ana") { table.id(of: $0, line: 3) } == .success(1))
        #expect(withField(composed) { table.id(of: $0, scope: 1, line: 4) } == .success(2))
        #expect(withField(decomposed) { table.id(of: $0, scope: 2, line: 5) } == .success(3))
        #expect(table.collapsed.isEmpty && table.hasOtherSpellings)
    }

    @Test func aFileWritingANameTwoWaysReadsItAsOneAndSaysWhere() throws {
        let text = "workspace,seat,month,credits\n\(composed),ana,2026-04,10\n\(decomposed),ana,2026-05,20\nBeta,\(decomposed),2026-05,5\n"
        let path = temporaryFile(text)
        let imported = try UsageImporter.load(fileAt: path)
        #expect(imported.history.workspaces.map(\.name) == ["Beta", composed])
        #expect(imported.history.workspaces[1].seats.map { Array($0.usage) } == [[10, 20]])
        #expect(imported.history.workspaces[0].seats.map(\.id) == [composed])
        #expect(
            lineMessages(imported.warnings) == [
                "3: workspace \"Café\" is written with other Unicode characters than on line 2 (the same letters, composed "
                    + "differently); both are read as one workspace"
            ])
        // Read in parts, the file is read again in one go, so the message is the same.
        var options = UsageImportOptions()
        options.partSize = 40
        #expect(try UsageImporter.load(fileAt: path, options: options) == imported)
    }
}
