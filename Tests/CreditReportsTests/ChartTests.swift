import CreditCore
import CreditDecisions
import CreditForecast
import Foundation
import Testing

@testable import CreditReports

/// The charts as a reader sees them: their labels, bars and ticks, parsed from the SVG.
@Suite struct ChartTests {
    static func setting(_ value: SensitivityValue) -> SensitivitySetting { SensitivitySetting(value: value, changes: []) }

    static func outcome(_ dollars: Int, _ probability: Double) -> SensitivityOutcome {
        SensitivityOutcome(renewalCost: Money(cents: dollars * 100), shortfallProbability: probability)
    }

    /// Usage level moves the cost from $200 to $0 or $500; seat count moves it to $150 or $260;
    /// nothing moves the chance of a shortfall, which is 50% everywhere.
    static let analysis = WorkspaceSensitivity(
        workspace: "Acme", renewal: Month(year: 2026, month: 11)!, strategy: "payg", baseline: outcome(200, 0.5),
        effects: [
            SensitivityEffect(
                range: SensitivityRange(
                    driver: .usageLevel, low: setting(.multiplier(UsageMultiplier(millionths: 740_000))),
                    high: setting(.multiplier(UsageMultiplier(millionths: 1_120_000)))),
                atLow: outcome(0, 0.5), atHigh: outcome(500, 0.5)),
            SensitivityEffect(
                range: SensitivityRange(driver: .seatCount, low: setting(.seats(-1)), high: setting(.seats(1))),
                atLow: outcome(260, 0.5), atHigh: outcome(150, 0.5)),
        ])

    @Test func tornadoBarsCarryTheirValuesAndSettingsInWords() throws {
        let svg = try SVGDocument(TornadoChart(analysis: Self.analysis, risk: .mean).svg)
        let texts = svg.texts
        #expect(texts.contains("expected renewal cost, baseline $200.00"))
        // Widest bar first: usage level, its settings under its name.
        let usage = try #require(texts.firstIndex(of: "usage level"))
        let seats = try #require(texts.firstIndex(of: "seat count"))
        #expect(usage < seats)
        #expect(texts[usage + 1] == "\u{2212}26% \u{2026} +12%")
        #expect(texts[seats + 1] == "\u{2212}1 seat \u{2026} +1 seat")
        // The outer end on each side of the baseline carries its value: $0.00 left, $500.00 right.
        #expect(texts[usage + 2] == "$0.00" && texts[usage + 3] == "$500.00")
        // Seat count: one seat fewer costs more ($260, right), one more costs less ($150, left).
        #expect(texts[seats + 2] == "$150.00" && texts[seats + 3] == "$260.00")
        // Two drivers, a bar for each end, in the cost panel only.
        #expect(svg.all("rect").filter { $0.attributes["height"] == "22" }.count == 4)
        // The shortfall panel says that nothing moves it instead of drawing empty bars.
        #expect(texts.contains("P(shortfall) in the renewal year, baseline 50.0%"))
        #expect(texts.contains("No driver moves it: 50.0% at every setting."))
        #expect(texts.contains("driver at its P10") && texts.contains("driver at its P90"))
    }

    @Test func aMonthlyTrendSaysAMonthOnce() {
        let low = SensitivityValue.monthlyGrowth(UsageMultiplier(millionths: 974_600))
        let high = SensitivityValue.monthlyGrowth(UsageMultiplier(millionths: 1_026_062))
        #expect(TornadoChart.settings(low, high) == "\u{2212}2.5% \u{2026} +2.6% a month")
    }

    @Test func monthLabelsNeverOverlapAtAnyHorizon() {
        let width = 568.0
        for months in 1...120 {
            let step = BalanceFanChart.labelStep(months: months, plotWidth: width)
            let spacing = width * Double(step) / Double(max(months - 1, 1))
            #expect(spacing >= BalanceFanChart.monthLabelWidth, "\(months) months")
            // The smallest such step: one step smaller would crowd them.
            if let smaller = [1, 2, 3, 4, 6, 12, 24, 60, 120].last(where: { $0 < step }) {
                #expect(width * Double(smaller) / Double(max(months - 1, 1)) < BalanceFanChart.monthLabelWidth, "\(months) months")
            }
        }
        #expect([12, 13, 24, 36, 120].map { BalanceFanChart.labelStep(months: $0, plotWidth: width) } == [1, 2, 3, 4, 12])
    }

    @Test func theUsagePanelShowsShortfallAndForfeitureAgainstAccrual() throws {
        let run = Fixtures.run()
        // Beta falls short by 2,500 credits on average in its second month, Acme forfeits 1,235.
        for (workspace, colour) in [(run.workspaces[1], "#d62728"), (run.workspaces[0], "#7f7f7f")] {
            let svg = try SVGDocument(BalanceFanChart(workspace: workspace).svg)
            #expect(svg.texts.contains("closing balance") && svg.texts.contains("monthly usage against the plan's accrual"))
            let bars = svg.all("rect").filter { $0.attributes["fill-opacity"] == "0.75" }
            #expect(bars.map { $0.attributes["fill"] } == [colour], "\(workspace.name)")
            // The bar stands on the usage panel's zero line (the last horizontal black line) and rises.
            let zero = try #require(svg.all("line").last { $0.attributes["stroke"] == "#000000" }?.attributes["y1"].flatMap(Double.init))
            let bar = try #require(bars.first)
            let (top, height) = (Double(bar.attributes["y"] ?? "") ?? 0, Double(bar.attributes["height"] ?? "") ?? 0)
            #expect(height > 0 && abs(top + height - zero) < 0.11, "\(workspace.name)")
            // Each month's label sits under both panels.
            #expect(svg.texts.filter { $0 == "2026-05" }.count == 2)
        }
    }
}
