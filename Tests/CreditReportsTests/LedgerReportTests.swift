import CreditCore
import CreditLedger
import Testing

@testable import CreditReports

/// The vendor's walk-through (10 Growth seats, opening 0) in every format of `creditcast ledger`.
@Suite struct LedgerReportTests {
    let report = LedgerReport(workspaces: [(workspace: nil, rows: Fixtures.walkThrough)])

    @Test func walkThroughTable() {
        #expect(
            report.rendered(as: .table) == """
                month    opening  accrual  forfeited    used  purchased  payg  closing      cap   cost
                2026-04        0   30,000          0  18,000          0     0   12,000  150,000  $0.00
                2026-05   12,000   30,000          0   5,000          0     0   37,000  150,000  $0.00
                2026-06   37,000   30,000          0   8,000          0     0   59,000  150,000  $0.00
                2026-07   59,000   30,000          0  50,000          0     0   39,000  150,000  $0.00
                total             120,000          0  81,000          0     0                    $0.00

                """)
    }

    @Test func walkThroughCSV() {
        #expect(
            report.rendered(as: .csv) == """
                month,opening,accrual,forfeited,used,purchased,payg,closing,cap,cost,purchased_balance,expired,shortfall
                2026-04,0,30000,0,18000,0,0,12000,150000,0.00,0,0,0
                2026-05,12000,30000,0,5000,0,0,37000,150000,0.00,0,0,0
                2026-06,37000,30000,0,8000,0,0,59000,150000,0.00,0,0,0
                2026-07,59000,30000,0,50000,0,0,39000,150000,0.00,0,0,0

                """)
    }

    @Test func walkThroughMarkdown() {
        #expect(
            report.rendered(as: .markdown) == """
                | month   | opening | accrual | forfeited |   used | purchased | payg | closing |     cap |   cost |
                | ------- | ------: | ------: | --------: | -----: | --------: | ---: | ------: | ------: | -----: |
                | 2026-04 |       0 |  30,000 |         0 | 18,000 |         0 |    0 |  12,000 | 150,000 | \\$0.00 |
                | 2026-05 |  12,000 |  30,000 |         0 |  5,000 |         0 |    0 |  37,000 | 150,000 | \\$0.00 |
                | 2026-06 |  37,000 |  30,000 |         0 |  8,000 |         0 |    0 |  59,000 | 150,000 | \\$0.00 |
                | 2026-07 |  59,000 |  30,000 |         0 | 50,000 |         0 |    0 |  39,000 | 150,000 | \\$0.00 |
                | total   |         | 120,000 |         0 | 81,000 |         0 |    0 |         |         | \\$0.00 |

                """)
    }

    @Test func walkThroughJSON() {
        func month(_ name: String, _ opening: Int, _ used: Int, _ closing: Int) -> String {
            #"{"month":"\#(name)","opening":\#(opening),"accrual":30000,"forfeited":0,"used":\#(used),"purchased":0,"payg":0,"closing":\#(closing),"cap":150000,"cost":"0.00","purchased_balance":0,"expired":0,"shortfall":0}"#
        }
        let months = [
            month("2026-04", 0, 18_000, 12_000), month("2026-05", 12_000, 5_000, 37_000),
            month("2026-06", 37_000, 8_000, 59_000), month("2026-07", 59_000, 50_000, 39_000),
        ]
        #expect(report.rendered(as: .json) == #"{"workspaces":[{"workspace":null,"months":["# + months.joined(separator: ",") + "]}]}\n")
    }

    @Test func namedWorkspacesGetAColumnAndHeadings() {
        let named = LedgerReport(workspaces: [
            (workspace: "Acme", rows: Array(Fixtures.walkThrough.prefix(1))),
            (workspace: "=SUM(A1)", rows: Array(Fixtures.walkThrough.prefix(1))),
        ])
        #expect(
            named.csv == """
                workspace,month,opening,accrual,forfeited,used,purchased,payg,closing,cap,cost,purchased_balance,expired,shortfall
                Acme,2026-04,0,30000,0,18000,0,0,12000,150000,0.00,0,0,0
                '=SUM(A1),2026-04,0,30000,0,18000,0,0,12000,150000,0.00,0,0,0

                """)
        #expect(
            named.table == """
                workspace: Acme
                month    opening  accrual  forfeited    used  purchased  payg  closing      cap   cost
                2026-04        0   30,000          0  18,000          0     0   12,000  150,000  $0.00
                total              30,000          0  18,000          0     0                    $0.00

                workspace: =SUM(A1)
                month    opening  accrual  forfeited    used  purchased  payg  closing      cap   cost
                2026-04        0   30,000          0  18,000          0     0   12,000  150,000  $0.00
                total              30,000          0  18,000          0     0                    $0.00

                """)
        #expect(named.markdown.hasPrefix("## Acme\n\n| month "))
        #expect(named.markdown.contains("\n\n## =SUM(A1)\n\n| month "))
        #expect(named.json.hasPrefix(#"{"workspaces":[{"workspace":"Acme","months":[{"month":"2026-04""#))
    }

    @Test func hostileNamesCannotBreakHeadingsOrTables() {
        let report = LedgerReport(workspaces: [(workspace: "a|b\n<i>`c`", rows: Array(Fixtures.walkThrough.prefix(1)))])
        #expect(report.markdown.hasPrefix("## a\\|b &lt;i&gt;\\`c\\`\n\n| month "))
        #expect(report.table.hasPrefix("workspace: a|b <i>`c`\nmonth "))
        #expect(report.json.hasPrefix(#"{"workspaces":[{"workspace":"a|b\n<i>`c`","#))
        #expect(report.csv.contains("\n\"a|b\n<i>`c`\",2026-04,"))
    }

    @Test func acceptsUnlabelledPairsAsTheCommandBuildsThem() {
        let pairs: [(String, [LedgerMonth])] = [("Acme", Fixtures.walkThrough)]
        let report = LedgerReport(workspaces: pairs.map { (Optional($0.0), $0.1) })
        #expect(report.sections.map(\.workspace) == ["Acme"])
        #expect(report.namesWorkspaces)
    }

    @Test func costsAndPurchasesAddUpInTheTotalsLine() {
        // Short of credits: 10 Launch seats, opening 10,000, pay-as-you-go at $0.035.
        let rows = Ledger(rules: PurchaseRules(pricing: .standard), cap: .monthsOfAccrual(5))
            .replay(from: Month("2026-04")!, opening: 10_000, accruals: [20_000, 20_000, 20_000], usage: [40_000, 45_000, 30_000])
        #expect(
            LedgerReport(workspaces: [(workspace: nil, rows: rows)]).table == """
                month    opening  accrual  forfeited     used  purchased    payg  closing      cap       cost
                2026-04   10,000   20,000          0   40,000          0  10,000        0  100,000    $350.00
                2026-05        0   20,000          0   45,000          0  25,000        0  100,000    $875.00
                2026-06        0   20,000          0   30,000          0  10,000        0  100,000    $350.00
                total              60,000          0  115,000          0  45,000                    $1,575.00

                """)
        #expect(
            LedgerReport(workspaces: [(workspace: nil, rows: rows)]).csv.contains(
                "\n2026-05,0,20000,0,45000,0,25000,0,100000,875.00,0,0,25000\n"))
    }
}
