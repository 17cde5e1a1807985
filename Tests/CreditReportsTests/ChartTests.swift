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

    /// The history before "now": one point per month carried, solid, ending at the as-of month,
    /// and a marker halfway between it and the first forecast month; a long history and a long
    /// horizon together still label months without overlap.
    @Test func theHistoryRunsUpToANowMarkerBeforeTheForecast() throws {
        // Acme: five months of usage, its balance replayed for the last three (2025-11 to 2026-03).
        var acme = Fixtures.run().workspaces[0]
        acme.recentUsage = [9_000, 11_000, 8_000, 12_000, 10_000]
        acme.recentClosing = [118_000, 121_000, 120_000]
        let svg = try SVGDocument(BalanceFanChart(workspace: acme).svg)
        let history = svg.all("polyline").filter { $0.attributes["class"] == "history" }
        let points = history.map {
            ($0.attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        }
        #expect(points.map(\.count) == [3, 5])
        // Seven months across the plot's 600 pixels less a 16-pixel inset at each end: 94⅔ apart from x = 96.
        let xs = (0..<7).map { 96 + 568 * Double($0) / 6 }
        #expect(points[1].map { $0[0] } == xs[0..<5].map { ($0 * 10).rounded() / 10 })
        #expect(points[0].map { $0[0] } == xs[2..<5].map { ($0 * 10).rounded() / 10 })
        // The balance line ends with the replayed 120,000 of an axis topped at 150,000: 190 × 1/5 below the top, 56.
        #expect(points[0].last?[1] == 94)
        let marker = try #require(svg.all("line").first { $0.attributes["class"] == "now" })
        // Halfway between 2026-03 (x = 474⅔) and 2026-04 (x = 569⅓).
        #expect(marker.attributes["x1"] == "522.0" && marker.attributes["x2"] == "522.0")
        #expect(svg.texts.contains("now") && svg.texts.contains("history (actual)"))
        // The months under each panel: the history's from 2025-11, then the forecast's.
        #expect(
            Array(svg.texts.filter { $0.hasPrefix("202") }.prefix(7)) == [
                "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
            ])
        // The forecast band starts after the marker.
        let band = try #require(svg.all("polygon").first)
        #expect(band.attributes["points"]?.hasPrefix(String(format: "%.1f,", xs[5])) == true)
        // One month of history is a dot at the as-of month, not an empty line.
        var young = Fixtures.run().workspaces[0]
        young.recentUsage = [9_000]
        young.recentClosing = [120_000]
        let dots = try SVGDocument(BalanceFanChart(workspace: young).svg).all("circle").filter { $0.attributes["class"] == "history" }
        #expect(dots.map { $0.attributes["cx"] } == ["96.0", "96.0"])
        #expect(dots.first?.attributes["cy"] == "94.0")
        // Without history, no marker and no history line: the forecast alone.
        let plain = try SVGDocument(BalanceFanChart(workspace: Fixtures.run().workspaces[0]).svg)
        #expect(!plain.all("line").contains { $0.attributes["class"] == "now" })
        #expect(!plain.all("polyline").contains { $0.attributes["class"] == "history" })
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
