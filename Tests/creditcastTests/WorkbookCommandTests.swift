import Foundation
import Testing

@Suite struct WorkbookCommandTests {
    /// An `.xlsx` file is a zip archive holding the workbook's parts.
    static func isWorkbook(_ path: String) throws -> Bool {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) && data.range(of: Data("xl/workbook.xml".utf8)) != nil
    }

    @Test func forecastWatchlistAndRenewWriteAWorkbookBesideTheReports() throws {
        let directory = try CommandRunner.temporaryDirectory().path
        for command in ["forecast", "watchlist", "renew"] {
            let result = try CommandRunner.run([
                command, "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "200", "--out", "\(directory)/\(command)",
                "--xlsx", "\(directory)/\(command).xlsx", "--quiet",
            ])
            #expect(result.status == 0, "\(command): \(result.standardError)")
            #expect(try Self.isWorkbook("\(directory)/\(command).xlsx"), "\(command)")
            #expect(FileManager.default.fileExists(atPath: "\(directory)/\(command)/provenance.json"), "\(command)")
        }
    }

    @Test func theLedgerWritesItsWorkbookAndPrintsAsBefore() throws {
        let path = try CommandRunner.temporaryDirectory().path + "/ledger.xlsx"
        let result = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "18000,5000,8000,50000", "--xlsx", path,
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("month,opening,accrual,forfeited,used"))
        #expect(try Self.isWorkbook(path))
    }

    @Test func aWorkbookIsNeverWrittenOverAnInputOrWithAShard() throws {
        let directory = try CommandRunner.temporaryDirectory().path
        let overInput = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "100", "--out", directory,
            "--xlsx", "samples/team-usage.csv", "--quiet",
        ])
        #expect(overInput.status == 2)
        #expect(
            overInput.standardError
                == "creditcast: will not write samples/team-usage.csv: it is one of the input files; choose a different output path so the input is kept\n"
        )
        // Nothing of the run was written either: the workbook and the reports go in together.
        #expect(!FileManager.default.fileExists(atPath: directory + "/forecast.csv"))

        let sharded = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--shard", "1/2", "--xlsx", "\(directory)/f.xlsx",
        ])
        #expect(sharded.status == 64)
        #expect(sharded.standardError.hasPrefix("Error: --xlsx cannot be combined with --shard\n"))
    }
}
