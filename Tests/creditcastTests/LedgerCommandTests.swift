import Foundation
import Testing

@Suite struct LedgerCommandTests {
    @Test func printsTheVendorWalkThroughExactly() throws {
        let result = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "18000,5000,8000,50000", "--format",
            "table",
        ])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(
            result.standardOutput == """
                month    opening  accrual  forfeited    used  purchased  payg  closing      cap   cost
                2026-04        0   30,000          0  18,000          0     0   12,000  150,000  $0.00
                2026-05   12,000   30,000          0   5,000          0     0   37,000  150,000  $0.00
                2026-06   37,000   30,000          0   8,000          0     0   59,000  150,000  $0.00
                2026-07   59,000   30,000          0  50,000          0     0   39,000  150,000  $0.00
                total             120,000          0  81,000          0     0                    $0.00

                """)
    }

    @Test func csvIsTheDefaultWhenPiped() throws {
        let result = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "18000,5000,8000,50000",
        ])
        #expect(
            result.standardOutput.split(separator: "\n").prefix(2) == [
                "month,opening,accrual,forfeited,used,purchased,payg,closing,cap,cost,purchased_balance,expired,shortfall",
                "2026-04,0,30000,0,18000,0,0,12000,150000,0.00,0,0,0",
            ])
    }

    @Test func replaysAFileTheSameAsInlineUsage() throws {
        let fromFile = try CommandRunner.run([
            "ledger", "--usage", "samples/walkthrough.csv", "--plan", "growth", "--seats", "10", "--format", "csv",
        ])
        let inline = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "18000,5000,8000,50000", "--format",
            "csv",
        ])
        #expect(fromFile.status == 0)
        #expect(fromFile.standardOutput == inline.standardOutput)
    }

    @Test func autoPurchaseCoversTheShortfallExample() throws {
        let result = try CommandRunner.run([
            "ledger", "--plan", "launch", "--seats", "10", "--start", "2026-04", "--balance", "10000", "--monthly-usage",
            "40000,45000,30000",
            "--auto-purchase", "100000", "--format", "csv",
        ])
        let rows = result.standardOutput.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.map { $0[5] } == ["100000", "0", "0"])
        #expect(rows.map { $0[9] } == ["2500.00", "0.00", "0.00"])
        #expect(rows.map { $0[10] } == ["90000", "65000", "55000"])
    }

    @Test func scheduledPurchaseMustBeAPackageOfThePricing() throws {
        let result = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "1000", "--buy", "2026-04:120000",
        ])
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: no package of 120000 credits; the pricing lists 100000, 250000, 500000, 1000000\n")
    }

    @Test func aScheduledPurchaseOutsideTheLedgersMonthsIsNamed() throws {
        let result = try CommandRunner.run([
            "ledger", "--plan", "growth", "--seats", "10", "--start", "2026-04", "--monthly-usage", "1000,2000", "--buy", "2026-06:100000",
        ])
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: --buy 2026-06:100000 is outside the ledger's months, 2026-04 to 2026-05\n")
    }

    @Test func aWorkspacesFileRowForNoWorkspaceOrPlanIsNamedByLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let workspaces = directory.appendingPathComponent("workspaces.csv")
        try "workspace,plan,seats\nAster Labs,launch,29\nBirch Inc.,growth,9\nCedar Group,grwoth,3\n".write(
            to: workspaces, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["ledger", "--usage", "samples/portfolio-usage.csv", "--workspaces", workspaces.path])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: \(workspaces.path):3: workspace \"Birch Inc.\" is not in the usage file; did you mean \"Birch Inc\"?; "
                + "check its spelling, or remove the row\n"
                + "creditcast: \(workspaces.path):4: unknown plan \"grwoth\"; the pricing lists launch, growth, pro; did you mean \"growth\"?\n"
        )
    }

    @Test func noSeatsIsAUsageError() throws {
        let result = try CommandRunner.run(["ledger", "--usage", "1", "--start", "2026-04", "--plan", "growth", "--seats", "0"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--seats must be from 1 to 10,000,000"))
    }

    @Test func missingPlanSaysHowToGiveOne() throws {
        let result = try CommandRunner.run(["ledger", "--usage", "samples/team-usage.csv"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: no plan for workspace \"workspace\"; give --plan, a workspaces file with a plan column, or a plan column in the usage file\n"
        )
    }

    @Test func badUsageFileNamesFileAndLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("usage.csv")
        try "seat,month,credits\nana,2026-04,100\nben,2026-04,abc\nana,2026-05,-5\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["ledger", "--usage", file.path, "--plan", "growth"])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("creditcast: \(file.path):3: "))
        #expect(lines[0].contains("\"abc\""))
        #expect(lines[1].hasPrefix("creditcast: \(file.path):4: "))
    }

    @Test func badCommandLineExitsWithUsageCode() throws {
        let result = try CommandRunner.run(["ledger", "--monthly-usage", "1,2"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --monthly-usage needs --start, the month of its first value (YYYY-MM)\n"))
    }

    /// `--usage` names a file in every command; the ledger's old forms say what to write instead.
    @Test func theOldFormsOfUsageSayWhatToWriteNow() throws {
        for (arguments, message) in [
            (
                ["--usage", "18000,5000", "--start", "2026-04"],
                "Error: --usage names a usage file in every command; for monthly numbers write --monthly-usage 18000,5000 (with --start)\n"
            ),
            (
                ["--usage-file", "samples/walkthrough.csv"],
                "Error: --usage-file is now --usage samples/walkthrough.csv: --usage names a file in every command\n"
            ),
            (["--usage", "samples/walkthrough.csv", "--monthly-usage", "1"], "Error: give either --usage or --monthly-usage, not both\n"),
            ([], "Error: give --usage FILE, or --monthly-usage with --start\n"),
        ] {
            let result = try CommandRunner.run(["ledger", "--plan", "growth"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardError.hasPrefix(message), "\(arguments)")
        }
    }
}

@Suite struct LedgerLimitTests {
    @Test func hugeUsageIsAUsageErrorNotACrash() throws {
        let result = try CommandRunner.run([
            "ledger", "--monthly-usage", "9223372036854775807", "--start", "2026-04", "--plan", "growth", "--seats", "1",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--monthly-usage takes whole credit counts from 0 to 1,000,000,000,000"))
    }

    @Test func hugeSeatCountIsAUsageErrorNotACrash() throws {
        let result = try CommandRunner.run([
            "ledger", "--monthly-usage", "1", "--start", "2026-04", "--plan", "growth", "--seats", "9223372036854775807",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--seats must be from 1 to 10,000,000"))
    }
}
