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
}
