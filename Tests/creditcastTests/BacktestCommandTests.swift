import Foundation
import Testing

@Suite struct BacktestCommandTests {
    @Test func writesEveryReportWithItsColumnsAndSaysWhetherTheModelBeatsTheBaselines() throws {
        let out = try CommandRunner.temporaryDirectory().appendingPathComponent("bt")
        let result = try CommandRunner.run([
            "backtest", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv",
            "--trials", "200", "--horizon", "3", "--origins", "4", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix(
                "Backtest of 24 workspaces from 4 origins (2026-06 to 2026-09), horizon 3, 200 trials, seed 1.\n"))
        #expect(result.standardOutput.contains("model      forecasts  P10-P90 coverage"))
        #expect(result.standardOutput.contains("on usage CRPS"))
        let written = try CommandRunner.files(in: out)
        #expect(
            written.keys.sorted() == [
                "/.creditcast-manifest", "/backtest.csv", "/backtest.html", "/backtest.md", "/charts/coverage.svg",
                "/charts/pit.svg", "/charts/reliability.svg", "/provenance.json", "/scores.csv",
            ])

        let records = String(decoding: try #require(written["/backtest.csv"]), as: UTF8.self).split(separator: "\n")
        #expect(
            records[0]
                == "origin,workspace,model,step,month,usage_actual,usage_p5,usage_p10,usage_p50,usage_p90,usage_p95,usage_mean,usage_crps,usage_pit_low,usage_pit_high,balance_actual,balance_p5,balance_p10,balance_p50,balance_p90,balance_p95,balance_mean,balance_crps,balance_pit_low,balance_pit_high,p_cap_hit,cap_hit,p_shortfall,shortfall"
        )
        // 24 workspaces × 4 models × (3 + 3 + 2 + 1) observed steps from origins 2026-06 … 2026-09.
        #expect(records.count == 1 + 24 * 4 * 9)
        #expect(records[1].hasPrefix("2026-06,Aster Labs,seats,1,2026-07,"))

        let scores = String(decoding: try #require(written["/scores.csv"]), as: UTF8.self).split(separator: "\n")
        #expect(
            scores[0]
                == "model,target,step,count,coverage_80,coverage_90,pit_coverage_80,pit_coverage_90,pinball_p10,pinball_p50,pinball_p90,crps,bias,brier_cap_hit,brier_shortfall"
        )
        // 4 models × 2 targets × (3 steps + all).
        #expect(scores.count == 1 + 4 * 2 * 4)
        #expect(scores.contains { $0.hasPrefix("seats,usage,all,216,") })
        #expect(scores.contains { $0.hasPrefix("naive,usage,1,96,") })
        let report = String(decoding: try #require(written["/backtest.md"]), as: UTF8.self)
        #expect(
            report.contains("## Verdict") && report.contains("(charts/coverage.svg)") && report.contains("(charts/reliability.svg)")
                && report.contains("(charts/pit.svg)"))
    }

    @Test func reportsAreByteIdenticalWhateverTheThreadCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        var outputs: [[String: Data]] = []
        for threads in ["1", "2", "3"] {
            let out = directory.appendingPathComponent("t\(threads)")
            let result = try CommandRunner.run([
                "backtest", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "300",
                "--threads", threads, "--out", out.path, "--quiet",
            ])
            #expect(result.status == 0)
            #expect(result.standardOutput == "" && result.standardError == "")
            outputs.append(try CommandRunner.files(in: out))
        }
        // Eight reports and the set's manifest.
        #expect(outputs[0].count == 9)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func aBadUsageFileNamesItsLinesAndExitsOne() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("usage.csv")
        try "seat,month,credits\nana,2026-01,100\nben,2026-02,abc\nana,Maj 2026,5\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "backtest", "--usage", file.path, "--plan", "growth", "--out", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("creditcast: \(file.path):3: credits \"abc\" is not a number"))
        #expect(result.standardError.contains("creditcast: \(file.path):4: month \"Maj 2026\""))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func aHistoryTooShortExitsOneAndSaysWhatIsNeeded() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("usage.csv")
        try "seat,month,credits\nana,2026-01,100\nana,2026-02,200\nana,2026-03,300\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "backtest", "--usage", file.path, "--plan", "growth", "--out", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "creditcast: \(file.path): 3 months of history; a backtest needs at least 4 (3 to fit on and 1 to compare with). Export a longer history or lower --min-history.\n"
        )
    }

    @Test func badOptionsAreACommandLineError() throws {
        for arguments in [["--horizon", "0"], ["--origins", "0"], ["--min-history", "2"], ["--model", "prophet"]] {
            let result = try CommandRunner.run(["backtest", "--usage", "samples/team-usage.csv"] + arguments)
            #expect(result.status == 64, "\(arguments)")
        }
    }
}
