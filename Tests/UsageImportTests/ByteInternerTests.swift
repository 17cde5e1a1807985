import Testing

@testable import UsageImport

@Suite struct ByteInternerTests {
    @Test func givesDenseIdsPerScope() {
        var interner = ByteInterner()
        let names = (0..<1000).map { "user\($0)@ws\($0 % 7).example.com" }
        for (index, name) in names.enumerated() {
            #expect(withField(name) { interner.id(of: $0) } == nil)
            #expect(withField(name) { interner.insert($0) } == index)
        }
        for (index, name) in names.enumerated().reversed() {
            #expect(withField(name) { interner.id(of: $0) } == index)
        }
        #expect(withField(names[0]) { interner.id(of: $0, scope: 1) } == nil)
        #expect(withField(names[0]) { interner.insert($0, scope: 1) } == 1000)
        #expect(withField("") { interner.insert($0) } == 1001)
        #expect(withField("") { interner.id(of: $0) } == 1001)
    }

    @Test func findsEntriesMetInTheOrderTheyWereInterned() {
        // The same names in two scopes, so that the entry after the last one found may have the
        // bytes wanted but not the scope.
        var interner = ByteInterner()
        let months = ["2024-01", "2024-02", "2024-03"]
        for scope in 0..<2 {
            for month in months { _ = withField(month) { interner.insert($0, scope: scope) } }
        }
        for _ in 0..<3 {
            for (index, month) in months.enumerated() {
                #expect(withField(month) { interner.id(of: $0, scope: 0) } == index)
            }
        }
        #expect(withField("2024-03") { interner.id(of: $0, scope: 0) } == 2)
        #expect(withField("2024-01") { interner.id(of: $0, scope: 1) } == 3)
        #expect(withField("2024-02") { interner.id(of: $0, scope: 0) } == 1)
        #expect(withField("2024-03") { interner.id(of: $0, scope: 1) } == 5)
        #expect(withField("2024-04") { interner.id(of: $0, scope: 1) } == nil)
    }
}
