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

/// The vendor's walk-through written the German way (`18.000` for 18,000 credits): never read
/// as 81 credits.
@Suite struct DecimalMarkCommandTests {
    private static func germanWalkthrough() throws -> URL {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("walkthrough-de.csv")
        try "Seat;Month;Credits\nteam;2026-04;18.000\nteam;2026-05;5.000\nteam;2026-06;8.000\nteam;2026-07;50.000\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anUntoldMarkIsAnErrorNamingTheFlag() throws {
        let file = try Self.germanWalkthrough()
        let result = try CommandRunner.run(["ledger", "--usage-file", file.path, "--plan", "growth", "--seats", "10"])
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: \(file.path):2: credits \"18.000\" reads as 18000 if \".\" groups "
            + "thousands or as 18 if it is the decimal mark, and no number in the file tells which; state the file's "
            + "decimal mark: rerun with --decimal-mark comma or --decimal-mark point\n")
        let check = try CommandRunner.run(["check", file.path])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains(":2: credits \"18.000\" reads as 18000"))
        #expect(check.standardOutput.contains("rerun with --decimal-mark comma or --decimal-mark point\n"))
    }

    @Test func theCommaMarkGivesTheWalkthroughsLedger() throws {
        let file = try Self.germanWalkthrough()
        let result = try CommandRunner.run([
            "ledger", "--usage-file", file.path, "--plan", "growth", "--seats", "10", "--decimal-mark", "comma",
            "--format", "csv",
        ])
        #expect(result.status == 0)
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let closing = try #require(rows.first?.firstIndex(of: "closing"))
        #expect(rows.dropFirst().map { $0[closing] } == ["12000", "37000", "59000", "39000"])
    }
}
