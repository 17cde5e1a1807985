import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func wideExportReadsLikeTheLongOne() throws {
        let long = try CommandRunner.run(["check", "samples/team-usage.csv", "--format", "json"])
        let wide = try CommandRunner.run(["check", "samples/team-usage-wide.csv", "--format", "json"])
        #expect(long.status == 0 && wide.status == 0)
        let longJSON = try #require(try JSONSerialization.jsonObject(with: Data(long.standardOutput.utf8)) as? [String: Any])
        let wideJSON = try #require(try JSONSerialization.jsonObject(with: Data(wide.standardOutput.utf8)) as? [String: Any])
        #expect(longJSON["seats"] as? Int == 12)
        #expect(longJSON["total_credits"] as? Int == 519_500)
        #expect(wideJSON["total_credits"] as? Int == 519_500)
        #expect(longJSON["credits_by_seat"] as? [String: Int] == wideJSON["credits_by_seat"] as? [String: Int])
        #expect(longJSON["credits_by_month"] as? [String: Int] == wideJSON["credits_by_month"] as? [String: Int])
        #expect((longJSON["months"] as? [String])?.first == "2025-09")
        #expect((longJSON["months"] as? [String])?.last == "2026-10")
    }

    @Test func reportsEveryErrorAndExitsNonZero() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.csv")
        try "seat,month,credits\nana,2026-04,1.5\nben,Mai 2026,100\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", file.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(errors.compactMap { $0["line"] as? Int } == [2, 3])
    }

    @Test func unreadableFileIsAnErrorNotACrash() throws {
        let result = try CommandRunner.run(["check", "no/such/file.csv"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("no/such/file.csv"))
    }
}
