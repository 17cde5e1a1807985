import Foundation
import Testing

@Suite struct ForecastCommandTests {
    @Test func reportsAreByteIdenticalWhateverTheThreadCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var outputs: [[String: Data]] = []
        for threads in ["1", "2", "3"] {
            let out = directory.appendingPathComponent("t\(threads)")
            let trials = directory.appendingPathComponent("trials-\(threads).csv")
            let result = try CommandRunner.run([
                "forecast", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv",
                "--trials", "500", "--horizon", "6", "--threads", threads, "--out", out.path, "--trials-out", trials.path, "--quiet",
            ])
            #expect(result.status == 0)
            #expect(result.standardOutput == "" && result.standardError == "")
            var written = try CommandRunner.files(in: out)
            written["trials"] = try Data(contentsOf: trials)
            outputs.append(written)
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        #expect(
            outputs[0].keys.contains("/report.md") && outputs[0].keys.contains("/forecast.csv") && outputs[0].keys.contains("/summary.csv"))
        // Charts for the 20 workspaces report.md details (--charts top, the default).
        #expect(outputs[0].keys.filter { $0.hasPrefix("/charts/") }.count == 20)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    /// A whole run of the baseline reduces its workspaces as each batch is summarised
    /// (`ForecastDigest`); one that writes the trials file holds them whole. In the default
    /// configuration (a 12-month horizon with its annual answers, charts of the 20 most urgent of
    /// the 24 workspaces) both write the same reports byte for byte, whatever the thread count.
    @Test func streamedReportsAreTheHeldRunsByteForByte() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var outputs: [[String: Data]] = []
        for (name, extra) in [
            ("streamed", ["--threads", "1"]), ("held", ["--trials-out", directory.appendingPathComponent("t.csv").path]),
        ] {
            let out = directory.appendingPathComponent(name)
            let result = try CommandRunner.run(
                ["forecast", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv", "--trials", "2000"]
                    + extra + ["--out", out.path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("(4 more in summary.csv)"))
            outputs.append(try CommandRunner.files(in: out))
        }
        #expect(outputs[0].keys.contains("/forecast.csv") && outputs[0].keys.contains("/annual.csv"))
        #expect(outputs[0].keys.filter { $0.hasPrefix("/charts/") }.count == 20)
        // 24 workspaces × 12 months, and the header.
        #expect(String(decoding: outputs[0]["/forecast.csv"]!, as: UTF8.self).split(separator: "\n").count == 24 * 12 + 1)
        #expect(outputs[0] == outputs[1])
    }

    /// Over a 12-month horizon the annual answer runs the forecast's own trials, so its chance of
    /// needing extra credits is the forecast's chance of any shortfall, and its pay-as-you-go
    /// cost the forecast's expected pay-as-you-go cost, to the cent, for every workspace.
    @Test func theAnnualAnswerIsTheForecastsOwnYear() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv",
            "--trials", "300", "--horizon", "12", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("12-month usage P50  plan accrues  P(extra)  extra cost"))
        func table(_ name: String) throws -> [String: [String: String]] {
            let lines = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",").map(String.init)
            return Dictionary(
                uniqueKeysWithValues: lines.dropFirst().map { line in
                    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    return (cells[0], Dictionary(uniqueKeysWithValues: zip(header, cells)))
                })
        }
        let annual = try table("annual.csv")
        let summary = try table("summary.csv")
        #expect(annual.count == 24 && Set(annual.keys) == Set(summary.keys))
        for (name, row) in annual {
            #expect(row["expected_extra_cost"] == summary[name]?["expected_payg_cost"], "\(name)")
            #expect(row["p_need_extra"] == summary[name]?["p_any_shortfall"], "\(name)")
            #expect(row["purchase"] == "payg" && row["first_month"] == "2026-11" && row["last_month"] == "2027-10")
            #expect(Int(row["usage_p10"]!)! <= Int(row["usage_p50"]!)! && Int(row["usage_p50"]!)! <= Int(row["usage_p90"]!)!)
        }
        // Lumen Co: 29 Pro seats accrue 29 × 4,000 × 12 = 1,392,000 credits a year.
        #expect(annual["Lumen Co"]?["plan_accrual"] == "1392000")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("against 1,392,000 its plan accrues; it needs extra credits in 100% of trials"))
        // Dollar signs are escaped, or two on a line would read as mathematics on GitHub.
        #expect(report.contains("Paying as it goes costs \\$") && !report.contains("costs $"))
        #expect(report.contains(" expected (\\$") && !report.contains("expected ($"))
    }

    @Test func forecastCSVHasOneRowPerWorkspaceAndMonth() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv",
            "--trials", "200", "--horizon", "3", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0)
        let lines = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8).split(separator: "\n")
        #expect(
            lines.first
                == "workspace,month,seats,accrual,cap,usage_p10,usage_p50,usage_p90,balance_p5,balance_p10,balance_p50,balance_p90,balance_p95,balance_mean,p_cap,p_shortfall,forfeited_mean,shortfall_mean,payg_cost_mean"
        )
        #expect(lines.count == 1 + 24 * 3)
        // The workspaces file fixes Aster Labs at 29 launch seats: 58,000 credits a month, cap 290,000.
        #expect(lines[1].hasPrefix("Aster Labs,2026-11,29,58000,290000,"))
    }

    @Test func standaloneForecastsAWorkspaceAsIfItWereAlone() throws {
        // By default the seats model learns a trend prior and seasonality from every workspace of
        // the file; --standalone forecasts each from its own history, as a file of one would.
        let directory = try CommandRunner.temporaryDirectory()
        let text = try String(
            contentsOfFile: CommandRunner.packageRoot.appendingPathComponent("samples/portfolio-usage.csv").path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let alone = directory.appendingPathComponent("aster.csv")
        try (lines.prefix(1) + lines.filter { $0.hasPrefix("Aster Labs,") }).joined(separator: "\n").appending("\n")
            .write(to: alone, atomically: true, encoding: .utf8)
        func forecastRows(_ usage: String, _ name: String, _ extra: [String]) throws -> (rows: [Substring], report: String) {
            let out = directory.appendingPathComponent(name)
            let result = try CommandRunner.run(
                [
                    "forecast", "--usage", usage, "--plan", "growth", "--trials", "300", "--horizon", "4", "--out", out.path, "--quiet",
                ] + extra)
            #expect(result.status == 0, "\(result.standardError)")
            let csv = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8)
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            return (csv.split(separator: "\n").filter { $0.hasPrefix("Aster Labs,") }, report)
        }
        let portfolio = try forecastRows("samples/portfolio-usage.csv", "portfolio", ["--standalone"])
        let single = try forecastRows(alone.path, "single", ["--standalone"])
        #expect(portfolio.rows.count == 4)
        #expect(portfolio.rows == single.rows)
        #expect(portfolio.report.contains("- **Trend prior:** each workspace's own trend, weighed against a flat one (±0.5% a month).\n"))
        let learnt = try forecastRows("samples/portfolio-usage.csv", "learnt", [])
        #expect(learnt.report.contains("weighed against how trends spread across the 24 workspaces with three months or more:"))
        #expect(portfolio.report.contains("its trend line is weighed against ±25.0% (a log standard deviation).\n"))
        #expect(learnt.rows != single.rows)
    }

    @Test func asOfStartsTheForecastEarlier() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--as-of", "2026-06",
            "--trials", "100", "--horizon", "2", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0)
        let lines = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[1] } == ["2026-07", "2026-08"])
    }

    /// The walk-through file holds the team's usage as one seat: with `--seats 10` the nine seats
    /// missing from it would be forecast as nine more teams, so the run says so once; with the
    /// file's own seat count, or `--quiet`, it says nothing.
    @Test func aPoolWithSeatsTheFileDoesNotShowIsWarnedOnce() throws {
        let out = try CommandRunner.temporaryDirectory()
        let walkthrough = ["forecast", "--usage", "samples/walkthrough.csv", "--plan", "growth", "--trials", "100"]
        let tenSeats = try CommandRunner.run(walkthrough + ["--seats", "10", "--out", out.appendingPathComponent("ten").path])
        #expect(tenSeats.status == 0)
        #expect(
            tenSeats.standardError
                == "creditcast: warning: 1 workspace has more seats than the usage file shows (\"workspace\": 10 seats, 1 in the file); "
                + "each seat not in the file is forecast to use credits like the average seat in it, as if it had just joined. "
                + "If the file holds a team's usage in fewer rows than seats, that overstates usage: give one row per seat.\n")
        let oneSeat = try CommandRunner.run(walkthrough + ["--seats", "1", "--out", out.appendingPathComponent("one").path])
        #expect(oneSeat.status == 0 && oneSeat.standardError == "")
        let quiet = try CommandRunner.run(walkthrough + ["--seats", "10", "--quiet", "--out", out.appendingPathComponent("quiet").path])
        #expect(quiet.status == 0 && quiet.standardError == "")
    }

    @Test func anAsOfBeforeTheHistoryExitsOneAndSaysSo() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--as-of", "2025-08", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 1)
        #expect(result.standardError == "creditcast: samples/team-usage.csv: --as-of 2025-08 is before the file's first month, 2025-09\n")
    }

    @Test func anAsOfAfterTheHistoryExitsOneAndSaysSo() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--as-of", "2026-11", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: samples/team-usage.csv: --as-of 2026-11 is after the file's last month, 2026-10; give a month from the file\n"
        )
    }

    @Test func outputThatCannotBeCreatedFailsWithoutHalfAReport() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let blocker = directory.appendingPathComponent("report")
        try Data("keep me".utf8).write(to: blocker)
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "100", "--out", blocker.path, "--quiet",
        ])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("creditcast: "))
        #expect(try Data(contentsOf: blocker) == Data("keep me".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report"])
    }

    @Test func refusesToOverwriteAnInput() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let usage = directory.appendingPathComponent("usage.csv")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("samples/team-usage.csv"), to: usage)
        let before = try Data(contentsOf: usage)
        let result = try CommandRunner.run([
            "forecast", "--usage", usage.path, "--plan", "growth", "--trials", "100", "--out", directory.path, "--trials-out", usage.path,
            "--quiet",
        ])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: usage) == before)
    }

    @Test func badUsageFileNamesTheLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let usage = directory.appendingPathComponent("u.csv")
        try "seat,month,credits\nana,2026-04,\"12\n".write(to: usage, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "forecast", "--usage", usage.path, "--plan", "growth", "--out", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("creditcast: \(usage.path):2: "))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}

@Suite struct ForecastBalanceTests {
    @Test func balanceOptionIsTheBalanceNow() throws {
        let out = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run([
            "forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--balance", "170000",
            "--trials", "100", "--horizon", "1", "--out", out.path, "--quiet",
        ])
        #expect(result.status == 0)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        let header = summary[0].split(separator: ",")
        let row = summary[1].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "starting_balance"))
        #expect(row[column] == "170000")
    }

    /// With `--as-of`, a workspace that starts after it is still in the usage file: its row in a
    /// workspaces or scenario file is expected, not a misspelling; a real misspelling still is.
    @Test func asOfKeepsTheRowsOfWorkspacesThatStartLater() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let usage = directory.appendingPathComponent("usage.csv")
        try
            "workspace,seat,month,credits\nAster Labs,a,2026-01,100\nAster Labs,a,2026-02,100\nAster Labs,a,2026-03,100\nNew Co,b,2026-03,50\n"
            .write(to: usage, atomically: true, encoding: .utf8)
        let workspaces = directory.appendingPathComponent("workspaces.csv")
        try "workspace,plan,seats\nAster Labs,launch,29\nNew Co,growth,3\n".write(to: workspaces, atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("scenario.csv")
        try "scenario,month,seats,plan,usage_multiplier,workspace\ngrow,2026-04,+2,,,New Co\n".write(
            to: scenario, atomically: true, encoding: .utf8)
        let common = ["forecast", "--usage", usage.path, "--as-of", "2026-02", "--trials", "50", "--quiet"]
        let result = try CommandRunner.run(
            common + ["--workspaces", workspaces.path, "--scenario", scenario.path, "--out", directory.appendingPathComponent("a").path])
        #expect(result.status == 0, "\(result.standardError)")
        try "workspace,plan,seats\nAster Labs,launch,29\nNew Coo,growth,3\n".write(to: workspaces, atomically: true, encoding: .utf8)
        let misspelt = try CommandRunner.run(
            common + ["--workspaces", workspaces.path, "--out", directory.appendingPathComponent("b").path])
        #expect(misspelt.status == 1)
        #expect(
            misspelt.standardError
                == "creditcast: \(workspaces.path):3: workspace \"New Coo\" is not in the usage file; check its spelling, or remove the row\n"
        )
    }
}
