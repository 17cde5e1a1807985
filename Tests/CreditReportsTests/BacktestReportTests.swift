import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation
import Testing

@testable import CreditReports

@Suite struct BacktestReportTests {
    static let origin = Month(year: 2026, month: 3)!

    static func forecast(
        _ actual: Int, _ p: (Int, Int, Int, Int, Int), mean: Double, crps: Double, pit: ClosedRange<Double>
    ) -> TargetForecast {
        TargetForecast(
            actual: actual, quantiles: Percentiles(p5: p.0, p10: p.1, p50: p.2, p90: p.3, p95: p.4), mean: mean, crps: crps, pit: pit)
    }

    /// Two models, one workspace named like a formula, two steps from one origin.
    static var run: BacktestRun { run(records) }

    /// The run of `run`'s settings with `records`.
    static func run(_ records: [BacktestRecord]) -> BacktestRun {
        BacktestRun(
            settings: BacktestSettings(horizon: 2, origins: 1, trials: 100, seed: 4, candidates: [.seats]),
            firstMonth: Month(year: 2025, month: 10)!, lastMonth: Month(year: 2026, month: 5)!, origins: [origin],
            workspaceCount: 1, inputHash: "abc", records: records
        )
    }

    /// `run`'s records.
    static var records: [BacktestRecord] {
        let name = "=Acme|<b>"
        func record(_ model: BacktestModel, step: Int, usage: TargetForecast, pCap: Double, cap: Bool) -> BacktestRecord {
            BacktestRecord(
                origin: origin, workspace: name, model: model, step: step, usage: usage,
                balance: forecast(10_000, (8_000, 9_000, 10_000, 11_000, 12_000), mean: 10_000, crps: 300, pit: 0.45...0.55),
                capHit: EventForecast(probability: pCap, happened: cap), shortfall: EventForecast(probability: 0, happened: false),
                isLastStep: step == 2
            )
        }
        let records = [
            record(
                .seats, step: 1, usage: forecast(1_000, (800, 900, 1_000, 1_100, 1_200), mean: 1_000, crps: 40, pit: 0.5...0.5), pCap: 0.25,
                cap: false),
            record(
                .seats, step: 2, usage: forecast(1_300, (800, 900, 1_000, 1_100, 1_200), mean: 1_000, crps: 210, pit: 1...1), pCap: 0.75,
                cap: true),
            record(
                .naive, step: 1, usage: forecast(1_000, (500, 600, 1_200, 1_800, 1_900), mean: 1_200, crps: 180, pit: 0.3...0.3), pCap: 0.5,
                cap: false),
            record(
                .naive, step: 2, usage: forecast(1_300, (500, 600, 1_200, 1_800, 1_900), mean: 1_200, crps: 190, pit: 0.6...0.6), pCap: 0.5,
                cap: true),
        ]
        return records
    }

    static var reports: BacktestReports { BacktestReports(run: run, pricing: .standard, rules: PurchaseRules(pricing: .standard)) }

    @Test func backtestCSVHasOneRowPerRecordWithExactColumns() {
        let lines = BacktestCSV.recordsFile(Self.run).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[0]
                == "origin,workspace,model,step,month,usage_actual,usage_p5,usage_p10,usage_p50,usage_p90,usage_p95,usage_mean,usage_crps,usage_pit_low,usage_pit_high,balance_actual,balance_p5,balance_p10,balance_p50,balance_p90,balance_p95,balance_mean,balance_crps,balance_pit_low,balance_pit_high,p_cap_hit,cap_hit,p_shortfall,shortfall"
        )
        // The workspace name starts with `=`: neutralised so no spreadsheet evaluates it.
        #expect(
            lines[1]
                == "2026-03,'=Acme|<b>,seats,1,2026-04,1000,800,900,1000,1100,1200,1000.0,40.0,0.5000,0.5000,10000,8000,9000,10000,11000,12000,10000.0,300.0,0.4500,0.5500,0.2500,0,0.0000,0"
        )
        #expect(
            lines[4]
                == "2026-03,'=Acme|<b>,naive,2,2026-05,1300,500,600,1200,1800,1900,1200.0,190.0,0.6000,0.6000,10000,8000,9000,10000,11000,12000,10000.0,300.0,0.4500,0.5500,0.5000,1,0.0000,0"
        )
        #expect(lines.count == 6 && lines[5] == "")
    }

    @Test func scoresCSVHasARowPerModelTargetAndStepAndOneForAll() {
        let lines = BacktestCSV.scores(Self.run.tally.scores).text.split(separator: "\n")
        #expect(
            lines[0]
                == "model,target,step,count,coverage_80,coverage_90,pit_coverage_80,pit_coverage_90,pinball_p10,pinball_p50,pinball_p90,crps,bias,brier_cap_hit,brier_shortfall"
        )
        #expect(lines.count == 1 + 2 * 2 * 3)
        // seats, usage, step 2: actual 1,300 above every percentile. Pinball P10 0.1 × 400,
        // P50 0.5 × 300, P90 0.9 × 200; bias 1,000 − 1,300; Brier (0.75 − 1)² = 0.0625.
        #expect(lines[2] == "seats,usage,2,1,0.0000,0.0000,0.0000,0.0000,40.0,150.0,180.0,210.0,-300.0,0.0625,0.0000")
        // seats, usage, all: means of the two steps; step 1 is covered, step 2 not; events from
        // the last step only.
        #expect(lines[3] == "seats,usage,all,2,0.5000,0.5000,0.5000,0.5000,25.0,75.0,95.0,125.0,-150.0,0.0625,0.0000")
        // Step 1: pinball P10 0.1 × 100, P90 0.1 × 100, P50 0; Brier 0.25² = 0.0625.
        #expect(lines[1] == "seats,usage,1,1,1.0000,1.0000,1.0000,1.0000,10.0,0.0,10.0,40.0,0.0,0.0625,0.0000")
        // Balance 10,000 with P10 9,000 and P90 11,000: 0.1 × 1,000 each way.
        #expect(lines[6] == "seats,balance,all,2,1.0000,1.0000,1.0000,1.0000,100.0,0.0,100.0,300.0,0.0,0.0625,0.0000")
        #expect(lines.last == "naive,balance,all,2,1.0000,1.0000,1.0000,1.0000,100.0,0.0,100.0,300.0,0.0,0.2500,0.0000")
    }

    @Test func markdownStatesTheVerdictAndLinksBothCharts() throws {
        let text = try #require(Self.reports.files.file(at: "backtest.md")).text
        #expect(text.hasPrefix("---\ntool: \"creditcast\"\n"))
        #expect(text.contains("command: \"backtest\"\n"))
        #expect(text.contains("origins: [\"2026-03\"]\n"))
        #expect(text.contains("- **seats beats every baseline** on usage CRPS: 125 credits against naive 185."))
        // WIS, seats: step 1 (actual 1,000 at the median) 0.4 × (10 + 10 + 0 + 10 + 10) = 16; step
        // 2 (actual 1,300 above every percentile) 0.4 × (25 + 40 + 150 + 180 + 95) = 196; mean 106.
        // naive: 0.4 × (25 + 40 + 100 + 80 + 45) = 116 and 0.4 × (40 + 70 + 50 + 50 + 30) = 96,
        // also 106 on average: a tie is not a win.
        #expect(
            text.contains(
                "- **Its WIS is not below naive** (the weighted interval score of its P5, P10, P50, P90 and P95; lower is better): 106 credits against naive 106.\n"
            ))
        #expect(
            text.contains(
                "held the real usage in only 50.0% of forecasts (nominal 80%; one workspace, so no interval for chance): **too narrow**"))
        #expect(text.contains("![P10–P90 coverage of usage by months ahead](charts/coverage.svg)"))
        #expect(text.contains("![Reliability of event probabilities](charts/reliability.svg)"))
        #expect(text.contains("![Where the real usage fell among the trials](charts/pit.svg)"))
        #expect(
            text.contains(
                "| seats | usage   |         2 |            50.0% |           50.0% |          25 |          75 |          95 |  125 | -150 |        0.0625 |          0.0000 |"
            ))
    }

    @Test func markdownShowsWhereTheRealUsageFellAmongTheTrials() throws {
        let text = try #require(Self.reports.files.file(at: "backtest.md")).text
        // seats' actuals fell at its median (PIT ½) and above every trial (1); naive's at 0.3 and 0.6.
        #expect(
            text.contains(
                "| seats |    0% |     0% |     0% |     0% |     0% |  50.0% |     0% |     0% |     0% |   50.0% |"
            ))
        #expect(
            text.contains(
                "| naive |    0% |     0% |     0% |  50.0% |     0% |     0% |  50.0% |     0% |     0% |      0% |"
            ))
        // No point mass moved the coverage: no second verdict.
        #expect(!text.contains("Counting each point mass"))
    }

    @Test func verdictCountsAnIdleMonthByItsProbabilityInsideTheBand() {
        var records = Self.records
        // seats' first month forecast idle with probability 0.6 and idle it was: inside both bands,
        // but only (0.6 − 0.1)/0.6 of its probability is inside P10–P90 and (0.6 − 0.05)/0.6 inside
        // P5–P95; the second month is outside both. Means: 5/12 = 41.7% and 11/24 = 45.8%.
        records[0].usage = Self.forecast(0, (0, 0, 0, 100, 200), mean: 40, crps: 20, pit: 0...0.6)
        let run = Self.run(records)
        let verdict = BacktestMarkdown(
            run: run, provenance: BacktestProvenance(run: run, assumptions: Self.reports.assumptions), coverageChart: "c",
            reliabilityChart: "r", pitChart: "p"
        ).verdict
        #expect(
            verdict[2]
                == "Its P10–P90 band held the real usage in 50.0% of forecasts (nominal 80%; one workspace, so no interval for chance), each idle month or other point mass inside it counted whole."
        )
        #expect(
            verdict.last
                == "Counting each point mass (an idle month's zero, say) by the share of its probability inside the band rather than as wholly inside, the P10–P90 band held 41.7% (nominal 80%; one workspace, so no interval for chance) and the P5–P95 45.8% (nominal 90%; one workspace, so no interval for chance): **too narrow**; treat its percentiles as optimistic."
        )
    }

    @Test func verdictSaysWhenABaselineWins() {
        let run = Self.run(
            Self.records.map { record in
                var copy = record
                if copy.model == .seats { copy.usage.crps = 1_000 }
                return copy
            })
        #expect(
            BacktestMarkdown(
                run: run, provenance: BacktestProvenance(run: run, assumptions: Self.reports.assumptions),
                coverageChart: "c", reliabilityChart: "r", pitChart: "p"
            ).verdict[0]
                == "**seats does not beat naive** on usage CRPS: 1,000 credits against naive 185.")
    }

    @Test func chartsAreStandaloneSVGWithEscapedText() throws {
        let files = Self.reports.files
        #expect(
            files.paths == [
                "charts/coverage.svg", "charts/reliability.svg", "charts/pit.svg", "backtest.csv", "scores.csv", "provenance.json",
                "backtest.md",
                "backtest.html",
            ])
        let coverage = try #require(files.file(at: "charts/coverage.svg")).text
        #expect(coverage.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(coverage.hasSuffix("</svg>\n"))
        #expect(coverage.contains("<title>P10–P90 coverage of usage</title>"))
        #expect(coverage.contains(">nominal 80%</text>") && coverage.contains(">seats</text>") && coverage.contains(">naive</text>"))
        // Where the actuals fell: seats' halves at the tenths 50–60% and 90–100%, so the top is
        // 50% (the largest share rounded up to 5 points) with a grid line every 5. The 50–60%
        // point, x 72 + 0.55 × 478, sits at the top (y 48); the first tenth's, x 72 + 0.05 × 478,
        // at 0 (y 48 + 288).
        let pit = try #require(files.file(at: "charts/pit.svg")).text
        #expect(pit.contains("<title>Where the real usage fell among the trials</title>"))
        #expect(pit.contains(">calibrated: 10%</text>") && pit.contains(">50%</text>") && pit.contains(">5%</text>"))
        #expect(!pit.contains(">55%</text>"))
        #expect(pit.contains("<circle cx=\"334.9\" cy=\"48.0\" r=\"3.0\"/>"))
        #expect(pit.contains("<circle cx=\"95.9\" cy=\"336.0\" r=\"3.0\"/>"))
        let reliability = try #require(files.file(at: "charts/reliability.svg")).text
        #expect(reliability.contains(">seats</text>") && reliability.contains(">perfectly reliable</text>"))
        // seats' last steps forecast 0.75 (happened) and 0 (did not): too few for two points, so one
        // point of both, at their mean 0.375 (x 72 + 0.375 × 318.7), half of them happened (y 192).
        #expect(reliability.contains("<circle cx=\"191.5\" cy=\"192.0\" r=\"8.0\"/>"))
        // A name with markup stays text.
        let chart = BacktestChart(title: "<a & b>", xCaption: "x", yCaption: "y", xDomain: 0...1, xTicks: [], series: [])
        #expect(chart.svg.contains("<title>&lt;a &amp; b&gt;</title>"))
    }

    @Test func provenanceSidecarListsTheCSVs() throws {
        let json = try #require(Self.reports.files.file(at: "provenance.json")).text
        #expect(json.contains("\"models\": [\n    \"seats\",\n    \"naive\",\n    \"mean\",\n    \"bootstrap\"\n  ]"))
        #expect(json.contains("\"files\": [\n    \"backtest.csv\",\n    \"scores.csv\"\n  ]"))
        #expect(json.hasSuffix("}\n"))
    }

    @Test func writesEveryFileIntoTheDirectory() throws {
        let directory = try TestFiles.directory() + "/out"
        let written = try Self.reports.write(to: directory)
        #expect(written.count == 8)
        for path in written { #expect(FileManager.default.fileExists(atPath: path)) }
        #expect(try Fixtures.read(directory + "/scores.csv") == BacktestCSV.scores(Self.run.tally.scores).text)
        // The streamed file is the one `recordsFile` makes.
        #expect(try Fixtures.read(directory + "/backtest.csv") == BacktestCSV.recordsFile(Self.run).text)
    }

    @Test func aLargePortfolioIsCountedWithThousandsGrouped() {
        let run = BacktestRun(
            settings: Self.run.settings, firstMonth: Self.run.firstMonth, lastMonth: Self.run.lastMonth, origins: Self.run.origins,
            workspaceCount: 1_000_000, inputHash: "abc", records: Self.records)
        #expect(
            BacktestSummary(run: run).text(reportDirectory: "out").hasPrefix(
                "Backtest of 1,000,000 workspaces from 1 origin (2026-03 to 2026-03), horizon 2, 100 trials, seed 4.\n"))
        let markdown = BacktestMarkdown(
            run: run, provenance: BacktestProvenance(run: run, assumptions: Self.reports.assumptions), coverageChart: "c",
            reliabilityChart: "r", pitChart: "p"
        ).text
        #expect(markdown.contains("\n1,000,000 workspaces, history 2025-10 to 2026-05. "))
    }

    @Test func aRunThatSpooledItsRecordsWritesTheSameReport() throws {
        let portfolio = SyntheticPortfolio(workspaces: 5, months: 12, behaviour: .all, seed: 2)
        let settings = BacktestSettings(horizon: 3, origins: 3, trials: 50)
        let rules = PurchaseRules(pricing: .standard)
        func run(spool: RecordSpool?) throws -> BacktestRun {
            try Backtest.run(
                history: portfolio.history, pools: portfolio.pools, pricing: .standard, rules: rules,
                settings: settings, threads: 2, inputHash: "h",
                deliver: spool.map { spool in { records in try BacktestReports.spool(records, into: spool) } })
        }
        let kept = BacktestReports(run: try run(spool: nil), pricing: .standard, rules: rules).files
        let spool = try RecordSpool()
        let spooled = BacktestReports(run: try run(spool: spool), pricing: .standard, rules: rules, spooledRecords: spool).files
        #expect(spooled.paths == kept.paths)
        for path in kept.paths { #expect(spooled.file(at: path)?.text == kept.file(at: path)?.text, "\(path)") }
        let lines = try #require(spooled.file(at: "backtest.csv")).text.split(separator: "\n")
        #expect(lines.count == 1 + 5 * 4 * (3 + 2 + 1))
    }
}

extension BacktestReportTests {
    @Test func verdictWordsTheMediansBias() {
        // seats: P50 1,000 against 1,000 and 1,300: 150 below on average. The fourth sentence,
        // after CRPS, WIS and the P10–P90 band.
        #expect(
            BacktestMarkdown.verdict(for: Self.run)[3]
                == "Its P5–P95 band held 50.0% (nominal 90%; one workspace, so no interval for chance); its median was on average 150 credits below what happened."
        )
    }
}

extension BacktestReportTests {
    /// A run of `workspaces` workspaces, each with one seats forecast of `steps` steps whose actual
    /// lies at the median: inside every band.
    static func runOfWorkspaces(_ workspaces: Int, steps: Int) -> BacktestRun {
        var records: [BacktestRecord] = []
        for workspace in 0..<workspaces {
            for step in 1...steps {
                records.append(
                    BacktestRecord(
                        origin: origin, workspace: "w\(workspace)", model: .seats, step: step,
                        usage: forecast(1_000, (800, 900, 1_000, 1_100, 1_200), mean: 1_000, crps: 40, pit: 0.5...0.5),
                        balance: forecast(10_000, (8_000, 9_000, 10_000, 11_000, 12_000), mean: 10_000, crps: 300, pit: 0.5...0.5),
                        capHit: EventForecast(probability: 0, happened: false), shortfall: EventForecast(probability: 0, happened: false),
                        isLastStep: step == steps))
            }
        }
        return BacktestRun(
            settings: BacktestSettings(horizon: steps, origins: 1, trials: 100, seed: 4, candidates: [.seats]),
            firstMonth: Month(year: 2025, month: 10)!, lastMonth: Month(year: 2026, month: 5)!, origins: [origin],
            workspaceCount: workspaces, inputHash: "abc", records: records)
    }

    @Test func aBandTooWideOnFewWorkspacesIsCalledWithinChance() {
        // Four workspaces, two months each, all inside: p = 1, so the design effect is the mean
        // count, 2, and Wilson's interval rests on n = 4 with t₀.₉₅(3) = 2.353363: from
        // 1/(1 + t²/4) = 41.9% to 100%, which holds 80%.
        let verdict = BacktestMarkdown.verdict(for: Self.runOfWorkspaces(4, steps: 2))
        #expect(
            verdict.first { $0.hasPrefix("Its P10–P90") }
                == "Its P10–P90 band held the real usage in 100% of forecasts (nominal 80%; 90% interval 41.9%–100% over 4 workspaces): **wide, but within chance** on these workspaces; more workspaces or origins would tell."
        )
    }

    @Test func aBandTooWideOnManyWorkspacesIsCalledTooWide() {
        // Forty workspaces, one month each: n = 40 with t₀.₉₅(39) = 1.684875, from
        // 1/(1 + t²/40) = 93.4% to 100%, which leaves 80% out.
        let verdict = BacktestMarkdown.verdict(for: Self.runOfWorkspaces(40, steps: 1))
        #expect(
            verdict.first { $0.hasPrefix("Its P10–P90") }
                == "Its P10–P90 band held the real usage in 100% of forecasts (nominal 80%; 90% interval 93.4%–100% over 40 workspaces): **too wide**; the real spread is smaller."
        )
    }
}
