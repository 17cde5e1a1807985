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
        try "seat,month,credits\nana,2026-04,1.5\nben,Maj 2026,100\n".write(to: file, atomically: true, encoding: .utf8)
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
        let result = try CommandRunner.run(["ledger", "--usage", file.path, "--plan", "growth", "--seats", "10"])
        #expect(result.status == 1)
        #expect(
            result.standardError == "creditcast: \(file.path):2: credits \"18.000\" reads as 18000 if \".\" groups "
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
            "ledger", "--usage", file.path, "--plan", "growth", "--seats", "10", "--decimal-mark", "comma",
            "--format", "csv",
        ])
        #expect(result.status == 0)
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let closing = try #require(rows.first?.firstIndex(of: "closing"))
        #expect(rows.dropFirst().map { $0[closing] } == ["12000", "37000", "59000", "39000"])
    }
}

/// `--usage -` and `check -` read standard input once, as the same bytes in a file read.
@Suite struct StandardInputCommandTests {
    @Test func aPipeReadsAsTheFile() throws {
        // Over 64 KiB, which the first read of a pipe used to swallow.
        let rows = (0..<6000).map { "seat\($0 / 12),2026-\(String(format: "%02d", $0 % 12 + 1)),\($0)" }
        let text = "seat,month,credits\n" + rows.joined(separator: "\n") + "\n"
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("usage.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let piped = try CommandRunner.run(["check", "-", "--format", "json"], input: Data(text.utf8))
        let regular = try CommandRunner.run(["check", file.path, "--format", "json"])
        #expect(piped.status == 0)
        #expect(piped.standardOutput == regular.standardOutput.replacingOccurrences(of: "\"\(file.path)\"", with: "\"<stdin>\""))
        #expect(piped.standardOutput.contains("\n  \"rows\": 6000,\n"))
    }

    @Test func aPipesErrorsNameStandardInput() throws {
        let result = try CommandRunner.run(
            ["ledger", "--usage", "-", "--plan", "growth"], input: Data("seat,month,credits\nana,2026-04,x\n".utf8))
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: <stdin>:2: credits \"x\" is not a number\n")
    }
}
