import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import Testing

@testable import CreditReports

@Suite struct WatchlistReportsTests {
    /// `Beta` (launch, balance 6,000 of 50,000) runs short: its shortfall chance within the
    /// quarter is its last month's cumulative chance, 0.7; `Acme` is near the cap.
    static func reports() -> WatchlistReports {
        var run = Fixtures.run()
        for index in run.workspaces.indices {
            let isBeta = run.workspaces[index].name == "Beta"
            run.workspaces[index].months[0].probabilityOfShortfallByThen = isBeta ? 0.25 : 0
            run.workspaces[index].months[1].probabilityOfShortfallByThen = isBeta ? 0.7 : 0
            run.workspaces[index].months[0].probabilityOfCapHitByThen = isBeta ? 0 : 0.05
            run.workspaces[index].months[1].probabilityOfCapHitByThen = isBeta ? 0 : 0.6
        }
        return WatchlistReports(
            run: run, watchlist: Watchlist(run: run),
            assumptions: ReportAssumptions(pricing: .standard, rules: PurchaseRules(pricing: .standard))
        )
    }

    @Test func csvHasTheCRMColumnsAndOneRowPerWorkspaceMostUrgentFirst() {
        let lines = Self.reports().csv.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[0]
                == "rank,workspace,status,plan,seats,balance,cap,pct_of_cap,p_cap_1m,p_cap_3m,p_shortfall_1m,p_shortfall_3m,expected_forfeited_next_quarter,cap_likely_by,shortfall_likely_by,expected_payg_in_window,expected_shortfall_in_window,expected_forfeited_in_window,reason"
        )
        // Two forecast months, so "within 3 months" is within the horizon's 2.
        #expect(
            lines[1]
                == "1,Beta,running-short,launch,5,6000,50000,0.1200,0.0000,0.0000,0.2500,0.7000,0.0,,2026-05,87.50,2500.1,0.0,\"70.0% chance of running short within 3 months, from 2026-05, about 2,500 credits short ($87.50 pay-as-you-go): talk about a package\""
        )
        #expect(
            lines[2]
                == "2,Acme,near-cap,growth,10,120000,150000,0.8000,0.0500,0.6000,0.0000,0.0000,1234.6,2026-05,,0.00,0.0,1234.6,\"60.0% chance of forfeiting at the cap within 3 months, from 2026-05, about 1,235 credits next quarter: advise using more or changing plan\""
        )
        #expect(lines.count == 4 && lines[3].isEmpty)
    }

    @Test func markdownAndSummaryRankTheSameWay() {
        let reports = Self.reports()
        let markdown = reports.markdown
        #expect(markdown.hasPrefix("# Watchlist\n"))
        #expect(markdown.hasSuffix("\n```\n") && markdown.contains("\n## Provenance\n\n```json\n{\n  \"tool\": \"creditcast\",\n"))
        #expect(markdown.contains("2 workspaces as of 2026-03: 1 running short, 1 near the cap, 0 healthy."))
        let beta = markdown.range(of: "| Beta")!
        let acme = markdown.range(of: "| Acme")!
        #expect(beta.lowerBound < acme.lowerBound)
        let summary = reports.summary(reportDirectory: "out")
        #expect(summary.contains("rank  workspace  status         balance  % of cap  P(short) 3m  P(cap) 3m         at stake  from\n"))
        #expect(summary.contains("   1  Beta       running-short    6,000     12.0%        70.0%         0%      $87.50 PAYG  2026-05\n"))
        #expect(summary.contains("   2  Acme       near-cap       120,000     80.0%           0%      60.0%  1,235 forfeited  2026-05\n"))
        #expect(reports.files.paths == ["watchlist.csv", "provenance.json", "watchlist.md", "watchlist.html"])
    }
}
