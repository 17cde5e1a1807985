import CreditCore
import CreditForecast

/// A standalone SVG chart of one workspace's last months of history and its forecast, in two
/// panels over the same months, the history solid before a "now" marker and the forecast after:
///
/// - the pool's closing balance: the replayed balance, then the P10–P90 band, the P50 line, the
///   cap and the zero line;
/// - the month's usage against what the plan accrues: the actual usage, then the usage's
///   P10–P90 band and P50 line,
///   the accrual line, and bars of the credits the month is expected to fall short by or to
///   forfeit, so a workspace running short shows how far usage outruns its accrual instead of
///   a flat balance at zero.
///
/// Month labels along the bottom of each panel, y axes in credits with thousands separators.
/// Hand-written SVG rather than a plotting library: the chart must be byte-identical from run to
/// run, open in any browser or Markdown viewer, and need nothing at run time. Coordinates have
/// one decimal, and all text is escaped (`XMLText`).
struct BalanceFanChart: Sendable {
    /// The workspace charted.
    var workspace: WorkspaceForecast

    /// Width and height of the picture, in pixels.
    static let size = (width: 720, height: 600)
    private static let margin = (left: 80, right: 40, top: 56)
    private static let panelHeight = 190.0
    /// Between the panels: the upper one's month labels and the lower one's title.
    private static let panelGap = 70.0

    private static let colours = (
        band: "#9ecae1", median: "#08519c", cap: "#d62728", usageBand: "#fdd0a2", usage: "#e6550d", accrual: "#31a354",
        shortfall: "#d62728", forfeited: "#7f7f7f", history: "#333333", now: "#555555"
    )

    /// The chart of `workspace`.
    init(workspace: WorkspaceForecast) {
        self.workspace = workspace
    }

    /// The y axis: the top value and the step between ticks, a 1, 2 or 5 times a power of ten
    /// giving at most five steps above zero, so tick labels read as round numbers.
    static func axis(maximum: Int) -> (top: Int, step: Int) {
        let target = max(maximum, 1)
        var base = 1
        while base * 10 * 5 <= target { base *= 10 }
        let step = [1, 2, 5, 10].map { $0 * base }.first { $0 * 5 >= target } ?? base * 10
        return ((target + step - 1) / step * step, step)
    }

    /// The widest a month label (`2026-11`) is drawn, with the space it needs to its neighbour.
    static let monthLabelWidth = 50.0

    /// Every how many months a month is labelled: the smallest of 1, 2, 3, 4, 6, 12, 24, 60 and
    /// 120 that leaves `monthLabelWidth` between labels, so that they never overlap at any
    /// horizon, and past a year fall on the same calendar month each year.
    static func labelStep(months: Int, plotWidth: Double) -> Int {
        let gaps = Double(max(months - 1, 1))
        return [1, 2, 3, 4, 6, 12, 24, 60, 120].first { plotWidth * Double($0) / gaps >= monthLabelWidth } ?? 120
    }

    private static func number(_ value: Double) -> String { FixedDecimal.text(value, places: 1) }

    /// One panel's place on the picture and its y axis.
    private struct Panel {
        var top: Double
        var axis: (top: Int, step: Int)

        func y(_ value: Double) -> Double { top + BalanceFanChart.panelHeight * (1 - value / Double(axis.top)) }
        func y(_ value: Int) -> Double { y(Double(value)) }
    }

    private var plotWidth: Double { Double(Self.size.width - Self.margin.left - Self.margin.right) }
    /// Room inside each end of the plot, so that the first and last months' bars and labels
    /// stay within it.
    private static let inset = 16.0

    /// Months of history before the forecast's: as many as the workspace carries.
    private var historyCount: Int { max(workspace.recentUsage.count, workspace.recentClosing.count) }

    /// Every month charted, history then forecast.
    var chartedMonths: [Month] {
        let first = workspace.months.first?.month.advanced(by: -historyCount)
        return (first.map { first in (0..<historyCount).map { first.advanced(by: $0) } } ?? []) + workspace.months.map(\.month)
    }

    /// Where the "now" marker stands: halfway between the as-of month and the first forecast
    /// month; `nil` without history.
    var nowX: Double? { historyCount > 0 && !workspace.months.isEmpty ? (x(historyCount - 1) + x(historyCount)) / 2 : nil }

    /// The x of the chart's month at `index` (history first).
    private func x(_ index: Int) -> Double {
        let months = historyCount + workspace.months.count
        let (start, span) = (Double(Self.margin.left) + Self.inset, plotWidth - 2 * Self.inset)
        return months <= 1 ? start + span / 2 : start + span * Double(index) / Double(months - 1)
    }

    /// The points of `values`, the first at the chart's month `from` (forecast values start after
    /// the history's, history values end with it).
    private func points(_ values: [Int], in panel: Panel, from start: Int) -> String {
        values.enumerated().map { "\(Self.number(x(start + $0.offset))),\(Self.number(panel.y($0.element)))" }.joined(separator: " ")
    }

    /// The band between `lower` and `upper`, month by month.
    private func band(_ lower: [Int], _ upper: [Int], in panel: Panel, fill: String) -> String {
        let outline =
            points(lower, in: panel, from: historyCount) + " "
            + points(upper, in: panel, from: historyCount).split(separator: " ").reversed().joined(separator: " ")
        return "<polygon points=\"\(outline)\" fill=\"\(fill)\" fill-opacity=\"0.7\" stroke=\"none\"/>\n"
    }

    /// A forecast line, or with `history` the history's line ending at the as-of month.
    private func line(_ values: [Int], in panel: Panel, stroke: String, dashed: Bool = false, history: Bool = false) -> String {
        let start = history ? historyCount - values.count : historyCount
        // A line of one point draws nothing: a history of one month is a dot.
        if history, values.count == 1, let value = values.first {
            return "<circle cx=\"\(Self.number(x(start)))\" cy=\"\(Self.number(panel.y(value)))\" r=\"3\" fill=\"\(stroke)\" "
                + "class=\"history\"/>\n"
        }
        return "<polyline points=\"\(points(values, in: panel, from: start))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\""
            + "\(dashed ? " stroke-dasharray=\"6 4\"" : "")\(history ? " class=\"history\"" : "")/>\n"
    }

    /// A panel's title, grid, y labels, zero line and month labels, around `content`.
    private func frame(_ panel: Panel, title: String, content: String) -> String {
        let left = Self.number(Double(Self.margin.left))
        let right = Self.number(Double(Self.size.width - Self.margin.right))
        var svg = "<text x=\"\(Self.margin.left)\" y=\"\(Self.number(panel.top - 14))\" font-size=\"13\">\(XMLText.escape(title))</text>\n"
        svg += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        for tick in stride(from: panel.axis.step, through: panel.axis.top, by: panel.axis.step) {
            svg += "<line x1=\"\(left)\" y1=\"\(Self.number(panel.y(tick)))\" x2=\"\(right)\" y2=\"\(Self.number(panel.y(tick)))\"/>\n"
        }
        svg += "</g>\n<g fill=\"#333333\" text-anchor=\"end\">\n"
        for tick in stride(from: 0, through: panel.axis.top, by: panel.axis.step) {
            svg +=
                "<text x=\"\(Self.number(Double(Self.margin.left - 8)))\" y=\"\(Self.number(panel.y(tick) + 4))\">\(tick.groupedThousands)</text>\n"
        }
        svg += "</g>\n" + content
        svg +=
            "<line x1=\"\(left)\" y1=\"\(Self.number(panel.y(0)))\" x2=\"\(right)\" y2=\"\(Self.number(panel.y(0)))\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        svg += "<g fill=\"#333333\" text-anchor=\"middle\">\n"
        let months = chartedMonths
        let every = Self.labelStep(months: months.count, plotWidth: plotWidth - 2 * Self.inset)
        for (index, month) in months.enumerated() where index % every == 0 {
            svg += "<text x=\"\(Self.number(x(index)))\" y=\"\(Self.number(panel.y(0) + 18))\">\(month)</text>\n"
        }
        return svg + "</g>\n"
    }

    /// Bars of each month's expected shortfall (left half of the month's slot) and expected
    /// forfeited credits (right half), up from zero; none where the mean rounds to no credit.
    private func eventBars(in panel: Panel) -> String {
        let months = workspace.months
        let slot = min(24, plotWidth / Double(max(historyCount + months.count, 1)) * 0.7)
        var svg = ""
        for (index, month) in months.enumerated() {
            for (mean, colour, offset) in [
                (month.shortfallMean, Self.colours.shortfall, -slot / 2), (month.forfeitedMean, Self.colours.forfeited, 0.0),
            ] where mean >= 0.5 {
                let top = panel.y(mean)
                svg +=
                    "<rect x=\"\(Self.number(x(historyCount + index) + offset))\" y=\"\(Self.number(top))\" width=\"\(Self.number(slot / 2))\" "
                    + "height=\"\(Self.number(panel.y(0) - top))\" fill=\"\(colour)\" fill-opacity=\"0.75\"/>\n"
            }
        }
        return svg
    }

    /// The SVG document.
    var svg: String {
        let (width, height) = Self.size
        let months = workspace.months
        let balance = Panel(
            top: Double(Self.margin.top),
            axis: Self.axis(
                maximum: max(
                    months.map { max($0.cap, $0.closing.p90, $0.closing.p50) }.max() ?? 0, workspace.cap,
                    workspace.recentClosing.max() ?? 0)))
        let usage = Panel(
            top: balance.top + Self.panelHeight + Self.panelGap,
            axis: Self.axis(
                maximum: max(
                    months.map { max($0.usage.p90, $0.accrual, Int($0.shortfallMean.rounded()), Int($0.forfeitedMean.rounded())) }
                        .max() ?? 0,
                    workspace.recentUsage.max() ?? 0)))

        let name = XMLText.escape(workspace.name)
        let subject = historyCount > 0 ? "pool balance and usage, history and forecast" : "forecast pool balance and usage"
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(name): \(subject)</title>
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="\(width / 2)" y="24" text-anchor="middle" font-size="16">\(name): \(subject) (credits)</text>

            """
        var balanceContent = ""
        var usageContent = ""
        if !workspace.recentClosing.isEmpty {
            balanceContent += line(workspace.recentClosing, in: balance, stroke: Self.colours.history, history: true)
        }
        if !workspace.recentUsage.isEmpty {
            usageContent += line(workspace.recentUsage, in: usage, stroke: Self.colours.history, history: true)
        }
        if !months.isEmpty {
            balanceContent += band(months.map(\.closing.p10), months.map(\.closing.p90), in: balance, fill: Self.colours.band)
            balanceContent += line(months.map(\.cap), in: balance, stroke: Self.colours.cap, dashed: true)
            balanceContent += line(months.map(\.closing.p50), in: balance, stroke: Self.colours.median)
            usageContent += band(months.map(\.usage.p10), months.map(\.usage.p90), in: usage, fill: Self.colours.usageBand)
            usageContent += eventBars(in: usage)
            usageContent += line(months.map(\.accrual), in: usage, stroke: Self.colours.accrual, dashed: true)
            usageContent += line(months.map(\.usage.p50), in: usage, stroke: Self.colours.usage)
        }
        svg += frame(balance, title: "closing balance", content: balanceContent)
        svg += frame(usage, title: "monthly usage against the plan's accrual", content: usageContent)
        if let now = nowX {
            // One marker through both panels: the history's last month closes at "now".
            let x = Self.number(now)
            svg +=
                "<line class=\"now\" x1=\"\(x)\" y1=\"\(Self.number(balance.top - 4))\" x2=\"\(x)\" y2=\"\(Self.number(usage.y(0)))\" "
                + "stroke=\"\(Self.colours.now)\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>\n"
            // A white halo keeps the word readable where a line passes behind it.
            svg +=
                "<text x=\"\(Self.number(now + 4))\" y=\"\(Self.number(balance.top + 10))\" fill=\"\(Self.colours.now)\" "
                + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">now</text>\n"
        }
        svg += legend(top: Double(height) - 34)
        return svg + "</svg>\n"
    }

    /// How a legend key is drawn.
    private enum KeyMark {
        case area, line, dashed
    }

    /// Two rows of keys: the balance panel's, then the usage panel's.
    private func legend(top: Double) -> String {
        let rows: [[(mark: KeyMark, colour: String, label: String)]] = [
            [
                (.area, Self.colours.band, "P10–P90 closing balance"), (.line, Self.colours.median, "P50 (median)"),
                (.dashed, Self.colours.cap, "cap"),
            ] + (historyCount > 0 ? [(.line, Self.colours.history, "history (actual)")] : []),
            [
                (.area, Self.colours.usageBand, "P10–P90 usage"), (.line, Self.colours.usage, "P50 usage"),
                (.dashed, Self.colours.accrual, "accrual"), (.area, Self.colours.shortfall, "expected shortfall"),
                (.area, Self.colours.forfeited, "expected forfeited"),
            ],
        ]
        var svg = "<g font-size=\"12\" fill=\"#333333\">\n"
        for (row, keys) in rows.enumerated() {
            let y = top + Double(row) * 18
            var x = Double(Self.margin.left)
            for key in keys {
                switch key.mark {
                case .area:
                    svg +=
                        "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y - 10))\" width=\"16\" height=\"10\" fill=\"\(key.colour)\"/>\n"
                case .line, .dashed:
                    svg +=
                        "<line x1=\"\(Self.number(x))\" y1=\"\(Self.number(y - 5))\" x2=\"\(Self.number(x + 16))\" y2=\"\(Self.number(y - 5))\" "
                        + "stroke=\"\(key.colour)\" stroke-width=\"2\"\(key.mark == .dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
                }
                svg += "<text x=\"\(Self.number(x + 22))\" y=\"\(Self.number(y))\">\(key.label)</text>\n"
                x += 30 + Double(key.label.count) * 6.6
            }
        }
        return svg + "</g>\n"
    }
}
