import Foundation
import Testing

@testable import CreditCore

@Suite struct TemporaryFileTests {
    /// Two files of one prefix: each new and empty in the temporary directory, named after the
    /// prefix, and never the same file.
    @Test func eachFileIsNewEmptyAndItsOwn() throws {
        let first = try TemporaryFile.create(prefix: "creditcast-test")
        let second = try TemporaryFile.create(prefix: "creditcast-test")
        defer {
            for file in [first, second] {
                close(file.descriptor)
                unlink(file.path)
            }
        }
        #expect(first.path != second.path)
        for file in [first, second] {
            #expect(file.path.hasPrefix(TemporaryFile.directory + "/creditcast-test-"))
            #expect(file.path.count == TemporaryFile.directory.count + "/creditcast-test-XXXXXX".count)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect(attributes[.size] as? Int == 0)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
        }
        #expect(!TemporaryFile.directory.hasSuffix("/") || TemporaryFile.directory == "/")
    }
}
