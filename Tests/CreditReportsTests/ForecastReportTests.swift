import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditTestSupport
import Foundation
import Testing

@testable import CreditReports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ForecastReportTests {
    @Test func writesEveryFileWithExactContents() throws {
        let directory = try TestFiles.directory() + "/out/nested"
        let written = try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions).write(to: directory)
        #expect(
            written.map { String($0.dropFirst(directory.count + 1)) } == [
                "charts/acme-84d1d48b.svg", "charts/beta-a0b562a7.svg", "forecast.csv", "summary.csv", "provenance.json", "report.md",
                "report.html",
            ])
        #expect(try Fixtures.read(directory + "/forecast.csv") == ExpectedForecastFiles.forecastCSV)
        #expect(try Fixtures.read(directory + "/summary.csv") == ExpectedForecastFiles.summaryCSV)
        #expect(try Fixtures.read(directory + "/provenance.json") == ExpectedForecastFiles.provenanceJSON)
        #expect(try Fixtures.read(directory + "/report.md") == ExpectedForecastFiles.reportMarkdown)
        // The HTML page is report.md rendered, with both charts drawn inline.
        let html = try Fixtures.read(directory + "/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.contains("<title>Credit pool forecast</title>"))
        #expect(html.components(separatedBy: "<svg xmlns=").count == 3 && !html.contains("<img"))
        // No staging, temporary or backup file is left beside the report: only its manifest.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".creditcast-manifest"])
        #expect(
            try Fixtures.read(directory + "/.creditcast-manifest")
                == """
                {
                  "files" : [
                    "charts/acme-84d1d48b.svg",
                    "charts/beta-a0b562a7.svg",
                    "forecast.csv",
                    "summary.csv",
                    "provenance.json",
                    "report.md",
                    "report.html"
                  ]
                }

                """)
        // The report links each chart by a relative path that exists.
        for chart in ["charts/acme-84d1d48b.svg", "charts/beta-a0b562a7.svg"] {
            #expect(ExpectedForecastFiles.reportMarkdown.contains("](\(chart))"))
            #expect(FileManager.default.fileExists(atPath: directory + "/" + chart))
        }
    }

    @Test func csvNeutralisesFormulaNamesButKeepsNegativeNumbers() {
        let formulas = Fixtures.run(names: ("=SUM(A1)", "+1"))
        let forecast = ForecastCSV.forecastFile(formulas).text
        #expect(forecast.contains("\n'=SUM(A1),2026-04,10,"))
        #expect(forecast.contains("\n'+1,2026-05,5,10000,50000,13000,16000,19000,-1000,0,"))
        let summary = ForecastCSV.summaryFile(Fixtures.run(names: ("-x", "@x"))).text
        #expect(summary.contains("\n'-x,growth,10,"))
        #expect(summary.contains("\n'@x,launch,5,"))
        let trials = TrialsCSV(run: formulas).text
        #expect(trials.contains("\n'=SUM(A1),1,140000,146000\n"))
    }

    @Test func trialsFileHasOneRowPerTrialAndASidecar() throws {
        let directory = try TestFiles.directory()
        let written = try TrialsCSV(run: Fixtures.run()).write(to: directory + "/paths/trials.csv", assumptions: Fixtures.assumptions)
        #expect(written == [directory + "/paths/trials.csv", directory + "/paths/trials.provenance.json"])
        #expect(
            try Fixtures.read(directory + "/paths/trials.csv") == """
                workspace,trial,2026-04,2026-05
                Acme,1,140000,146000
                Acme,2,139000,150000
                Acme,3,141000,145000
                Beta,1,5000,4000
                Beta,2,1000,0
                Beta,3,9000,8000

                """)
        let sidecar = try Fixtures.read(directory + "/paths/trials.provenance.json")
        #expect(sidecar.contains("\"seed\": 42,\n"))
        #expect(sidecar.hasSuffix("  \"files\": [\n    \"trials.csv\"\n  ]\n}\n"))
    }

    @Test func largePortfolioDetailsOnlyTheMostUrgentAndSaysHowManyAreLeftOut() {
        let text = ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions, detailLimit: 1).files
            .file(at: "report.md")!.text
        #expect(text.contains("The 1 most urgent workspaces; 1 more is left out here."))
        #expect(text.contains("### Beta\n"))
        #expect(!text.contains("### Acme\n"))
        // The summary still lists every workspace.
        #expect(text.contains("| Acme "))
    }

    /// By default only the workspaces report.md details get a chart, each under the name it has
    /// with every chart drawn; `all` draws every one, `none` none, and report.md links only those.
    @Test func chartsFollowTheSelection() {
        let run = Fixtures.run()
        let every = ForecastReports(run: run, assumptions: Fixtures.assumptions, charts: .all).chartPaths
        #expect(every.allSatisfy { $0?.hasPrefix("charts/") == true })
        // Beta is the most urgent of the two, so with one workspace detailed it alone is charted.
        let top = ForecastReports(run: run, assumptions: Fixtures.assumptions, detailLimit: 1).chartPaths
        let beta = run.workspaces.firstIndex { $0.name == "Beta" }!
        #expect(top == every.indices.map { $0 == beta ? every[beta] : nil })
        let topFiles = ForecastReports(run: run, assumptions: Fixtures.assumptions, detailLimit: 1).files
        #expect(topFiles.files.map(\.path).filter { $0.hasPrefix("charts/") } == [every[beta]!])
        let topText = topFiles.file(at: "report.md")!.text
        #expect(topText.contains("forecast.csv and summary.csv list every workspace.\n"))
        #expect(topText.contains("](\(every[beta]!))"))

        let none = ForecastReports(run: run, assumptions: Fixtures.assumptions, charts: .none)
        #expect(none.chartPaths == [nil, nil])
        #expect(!none.files.files.contains { $0.path.hasPrefix("charts/") })
        #expect(!none.files.file(at: "report.md")!.text.contains("!["))
        #expect(ChartSelection.none.chartCount(workspaces: 5) == 0)
        #expect(ChartSelection.top.chartCount(workspaces: 25) == 20)
        #expect(ChartSelection.top.chartCount(workspaces: 3) == 3)
        #expect(ChartSelection.all.chartCount(workspaces: 25) == 25)
    }

    @Test func workspacesSharingANameKeepTheirOwnCharts() {
        let reports = ForecastReports(run: Fixtures.run(names: ("Same", "Same")), assumptions: Fixtures.assumptions)
        let charts = reports.chartPaths.compactMap { $0 }
        #expect(charts.count == 2)
        #expect(charts[1] == charts[0].replacingOccurrences(of: ".svg", with: "-2.svg"))
        let text = reports.files.file(at: "report.md")!.text
        // The second workspace (the one running short) is most urgent, so its chart comes first.
        let second = text.range(of: "](\(charts[1]))")!
        let first = text.range(of: "](\(charts[0]))")!
        #expect(second.lowerBound < first.lowerBound)
        #expect(text[second.upperBound...].hasPrefix("\n\n| month   | opening P50 | accrual |"))
        #expect(text[second.upperBound...].contains("|       6,000 |  10,000 |"))
    }

    /// The forecast's summary ranks as the watchlist does: status, then the month, then money.
    /// "Aardvark" is Acme with a tenth of its forfeits: the same chances and month, less at
    /// stake, so it follows Acme although its name sorts first.
    @Test func urgencyRanksAsTheWatchlistMoneyBeforeName() {
        var run = Fixtures.run()
        var aardvark = run.workspaces[0]
        aardvark.name = "Aardvark"
        for month in aardvark.months.indices { aardvark.months[month].forfeitedMean /= 10 }
        run.workspaces.append(aardvark)
        #expect(UrgencyRanking.sorted(run.workspaces).map(\.name) == ["Beta", "Acme", "Aardvark"])
        #expect(UrgencyRanking.order(run.workspaces) == Watchlist.order(of: run.workspaces))
    }

    @Test func chartFileNamesAreSafeUniqueAndStable() {
        let names = ChartFileNames.names(for: ["Acme", "acme", "../../etc/passwd", "", "Ünïcode team 🚀", "Acme"])
        #expect(names[0] == "acme-84d1d48b.svg")
        #expect(names[1].hasPrefix("acme-") && names[1] != names[0])
        #expect(names[2].hasPrefix("etc-passwd-"))
        #expect(names[3].hasPrefix("workspace-"))
        #expect(names[4].hasPrefix("n-code-team-"))
        #expect(names[5] == "acme-84d1d48b-2.svg")
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy { !$0.contains("/") && $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test func chartsAreWellFormedStandaloneSVGEvenForHostileNames() throws {
        let hostile = "<script>alert('x')</script> & \"co\"\nnext\u{1}\u{FFFF}"
        for run in [Fixtures.run(), Fixtures.run(names: (hostile, "a]]>b"))] {
            for workspace in run.workspaces {
                let svg = BalanceFanChart(workspace: workspace).svg
                let elements = try SVGDocument(svg)
                #expect(elements.names.first == "svg")
                #expect(elements.names.filter { $0 == "polygon" }.count == 2)  // the balance's and the usage's P10–P90 bands
                #expect(elements.names.filter { $0 == "polyline" }.count == 4)  // balance P50 and cap, usage P50 and accrual
                let shown = ReportText.singleLine(workspace.name).replacingOccurrences(of: "\u{FFFF}", with: "\u{FFFD}")
                #expect(elements.text.contains("\(shown): forecast pool balance and usage"))
                #expect(elements.text.contains("2026-04") && elements.text.contains("2026-05"))
                #expect(!svg.contains("<script"))
            }
        }
        // Acme's y axis has thousands-separated round ticks up to its cap.
        let acme = try SVGDocument(BalanceFanChart(workspace: Fixtures.run().workspaces[0]).svg)
        #expect(acme.text.contains("50,000") && acme.text.contains("150,000"))
    }

    @Test func axisStepsAreRound() {
        #expect(BalanceFanChart.axis(maximum: 150_000) == (150_000, 50_000))
        #expect(BalanceFanChart.axis(maximum: 50_000) == (50_000, 10_000))
        #expect(BalanceFanChart.axis(maximum: 151_000) == (200_000, 50_000))
        #expect(BalanceFanChart.axis(maximum: 0) == (1, 1))
    }

    @Test func assumptionsWordTheStandardPricing() {
        let rules = PurchaseRules(pricing: .standard, autoPurchase: Pricing.standard.packages[0])
        let assumptions = ReportAssumptions(pricing: .standard, rules: rules)
        #expect(
            assumptions.pricing
                == "plans (credits per seat a month): launch 2,000, growth 3,000, pro 4,000; pay-as-you-go $0.035 a credit; annual packages: 100,000 for $2,500.00, 250,000 for $5,500.00, 500,000 for $10,000.00, 1,000,000 for $15,000.00"
        )
        #expect(
            assumptions.rules
                == "cap 5 months of accrual unless a workspace sets its own; cap timing accrual (a month's accrual only tops the pool up to the cap; the rest is forfeited); purchased credits expire after 12 months; shortfalls are covered by auto-purchase of 100,000-credit packages at $2,500.00 each"
        )
    }

    @Test func assumptionsFollowTheRulesRunNotThePricingDefaults() {
        var rules = PurchaseRules(pricing: .standard)
        rules.capTiming = .close
        rules.packageExpiryMonths = 0
        rules.payAsYouGoPrice = UnitPrice(micros: 40_000)
        let assumptions = ReportAssumptions(pricing: .standard, rules: rules)
        #expect(assumptions.pricing.contains("pay-as-you-go $0.04 a credit"))
        #expect(
            assumptions.rules
                == "cap 5 months of accrual unless a workspace sets its own; cap timing close (the closing balance is cut to the cap; the cut is forfeited); purchased credits never expire; shortfalls are billed pay-as-you-go"
        )
    }

    @Test func reportAndTrialsFileAreWrittenTogether() throws {
        let root = try TestFiles.directory()
        let written = try ForecastReports(run: Fixtures.run(), pricing: .standard, rules: PurchaseRules(pricing: .standard))
            .write(to: root + "/report", trialsFile: root + "/trials.csv", inputs: [])
        #expect(written.suffix(2) == [root + "/trials.csv", root + "/trials.provenance.json"])
        #expect(try Fixtures.read(root + "/trials.csv").hasPrefix("workspace,trial,2026-04,2026-05\nAcme,1,"))
        #expect(try Fixtures.read(root + "/report/report.md").contains("pay-as-you-go \\$0.035 a credit"))
        // A trials file named like a report file would replace it; nothing is written then.
        #expect(throws: ReportWriteError.sameOutputTwice(path: root + "/again/./forecast.csv")) {
            try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions)
                .write(to: root + "/again", trialsFile: root + "/again/./forecast.csv")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/again"))
    }

    @Test func precisionRunsStateEachWorkspacesTrials() {
        var run = Fixtures.run()
        run.settings.precision = 0.005
        run.settings.trials = 20_000
        run.workspaces[1].trials = 12_345
        let text = ForecastMarkdown(
            run: run, order: UrgencyRanking.order(run.workspaces),
            provenance: ReportProvenance(run: run, assumptions: Fixtures.assumptions),
            chartPaths: ["a.svg", "b.svg"]
        ).text
        #expect(text.contains("\n  \"precision\": 0.005,\n"))
        #expect(
            text.contains(
                "- **Trials:** per workspace, until every probability's standard error was below 0.005 (at most 20,000 were needed), seed 42;"
            ))
        #expect(text.contains("](b.svg)\n\n12,345 trials.\n\n| month"))
    }

    @Test func terminalSummaryListsTheMostUrgentFirst() {
        #expect(
            ForecastSummary(run: Fixtures.run(), limit: 1).text(reportDirectory: "out") == """
                Forecast 2026-04 to 2026-05 for 2 workspaces (3 trials, seed 42, model bootstrap).

                workspace  seats  balance now  P(shortfall)  shortfall by  P(cap hit)  cap by  expected PAYG cost
                Beta           5        6,000         70.0%  2026-05               0%  -                  $105.00
                (1 more in summary.csv)

                Reports in out: report.md, report.html, summary.csv, forecast.csv, provenance.json, charts/ (2 charts).

                """)
    }

    /// The provenance block is JSON in a fence longer than any backtick run inside it, so a
    /// value with line breaks or backticks can neither break its line nor close the block.
    @Test func theProvenanceBlockQuotesTextSoNoValueBreaksOut() throws {
        let provenance = ReportProvenance(run: Fixtures.run(), assumptions: ReportAssumptions(pricing: "a\n```\nb: \"c\"", rules: "r"))
        let section = provenance.markdownSection
        #expect(section.hasPrefix("\n## Provenance\n\n````json\n{\n"))
        #expect(section.hasSuffix("\n}\n````\n"))
        #expect(section.contains("  \"pricing\": \"a\\n```\\nb: \\\"c\\\"\",\n"))
        let json = section.dropFirst("\n## Provenance\n\n````json\n".count).dropLast("````\n".count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["pricing"] as? String == "a\n```\nb: \"c\"")
        #expect(object["input_hash"] as? String == "00ff00ff00ff00ff")
    }
}
