import Testing

@testable import CreditWorkbook

@Suite struct SheetNamesTests {
    @Test func namesAreMadeFitForExcel() {
        var names = SheetNames()
        #expect(names.unique("Acme/Co: [EU]?") == "Acme_Co_ _EU__")
        #expect(names.unique("'quoted'") == "quoted")
        #expect(names.unique("") == "Sheet")
        #expect(names.unique("A workspace name far longer than thirty-one") == "A workspace name far longer tha")
        #expect(names.unique("Zürich ✓") == "Zürich ✓")
    }

    @Test func namesTakenIgnoringCaseGetANumber() {
        var names = SheetNames()
        #expect(names.unique("Acme") == "Acme")
        #expect(names.unique("ACME") == "ACME (2)")
        #expect(names.unique("acme") == "acme (3)")
        // The number fits within 31 characters.
        let long = String(repeating: "x", count: 40)
        #expect(names.unique(long) == String(repeating: "x", count: 31))
        #expect(names.unique(long) == String(repeating: "x", count: 27) + " (2)")
    }
}
