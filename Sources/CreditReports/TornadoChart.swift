import CreditCore
import CreditDecisions

/// A standalone SVG tornado chart of one workspace's sensitivity: two panels, the renewal cost
/// and the chance of a shortfall, each with one bar per driver from its P10 result to its P90
/// result around a line at the baseline, the widest bar on top.
///
/// Hand-written SVG like `BalanceFanChart`: byte-identical from run to run, no dependencies,
/// coordinates with one decimal, every text escaped.
struct TornadoChart: Sendable {
    /// The workspace's analysis.
    var analysis: WorkspaceSensitivity
    /// The risk measure its cost is taken by (named in the panel's title).
    var risk: RenewalRisk

    /// Width of the picture, in pixels.
    static let width = 760
    private static let margin = (left: 170, right: 30, top: 56)
    /// Room at each end of the bars for their values, so that a label never leaves the picture.
    private static let valueRoom = 90
    private static let barHeight = 22
    private static let barGap = 16
    private static let panelGap = 48

    /// The chart of `analysis`.
    init(analysis: WorkspaceSensitivity, risk: RenewalRisk) {
        self.analysis = analysis
        self.risk = risk
    }

    private static func number(_ value: Double) -> String { FixedDecimal.text(value, places: 1) }

    /// The SVG document.
    var svg: String {
        let measures = SensitivityMeasure.allCases
        // A panel that nothing moves is one line of words, not a column of empty bars.
        let heights = measures.map { span($0) == nil ? 36 : 30 + analysis.effects.count * (Self.barHeight + Self.barGap) }
        let height = Self.margin.top + heights.reduce(0, +) + (measures.count - 1) * Self.panelGap + 24
        let name = XMLText.escape(analysis.workspace)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(height)" viewBox="0 0 \(Self.width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(name): what drives the renewal</title>
            <rect x="0" y="0" width="\(Self.width)" height="\(height)" fill="#ffffff"/>
            <text x="\(Self.width / 2)" y="24" text-anchor="middle" font-size="16">\(name): what drives the renewal (\(XMLText.escape(analysis.strategy)))</text>

            """
        var top = Self.margin.top
        for (measure, panelHeight) in zip(measures, heights) {
            svg += panel(measure, top: top)
            top += panelHeight + Self.panelGap
        }
        let legendY = height - 12
        // Without a bar there is nothing for the legend to explain.
        guard measures.contains(where: { span($0) != nil }) else { return svg + "</svg>\n" }
        svg += """
            <g font-size="12" fill="#333333">
            <rect x="\(Self.margin.left)" y="\(legendY - 10)" width="16" height="10" fill="#6baed6"/>
            <text x="\(Self.margin.left + 22)" y="\(legendY)">driver at its P10</text>
            <rect x="\(Self.margin.left + 160)" y="\(legendY - 10)" width="16" height="10" fill="#fd8d3c"/>
            <text x="\(Self.margin.left + 182)" y="\(legendY)">driver at its P90</text>
            </g>
            </svg>

            """
        return svg
    }

    /// The lowest and highest result of `measure` over the baseline and every driver's ends, or
    /// `nil` when no driver moves it.
    private func span(_ measure: SensitivityMeasure) -> (lower: Double, upper: Double)? {
        let base = measure.value(analysis.baseline)
        let values = [base] + analysis.effects.flatMap { [measure.value($0.atLow), measure.value($0.atHigh)] }
        let lower = values.min() ?? base
        let upper = values.max() ?? base
        return upper - lower > 1e-9 ? (lower, upper) : nil
    }

    /// A driver's two settings in words, `−26% … +12%`, with a monthly trend's "a month" said once.
    static func settings(_ low: SensitivityValue, _ high: SensitivityValue) -> String {
        if case let .monthlyGrowth(from) = low, case let .monthlyGrowth(to) = high {
            return "\(SensitivityValue.multiplier(from).change) \u{2026} \(SensitivityValue.multiplier(to).change) a month"
        }
        return "\(low.change) \u{2026} \(high.change)"
    }

    /// One measure's panel, its title at `top`: a bar per driver from the baseline to the result
    /// at each end of its range, the driver's settings in words under its name, and the result
    /// written at the outer end of the bars on each side of the baseline.
    private func panel(_ measure: SensitivityMeasure, top: Int) -> String {
        let effects = analysis.tornado(measure)
        let base = measure.value(analysis.baseline)
        let title =
            measure == .renewalCost ? (risk == .mean ? "expected renewal cost" : "P90 renewal cost") : "P(shortfall) in the renewal year"
        let baseline = SensitivityReports.text(measure, analysis.baseline)
        var svg =
            "<text x=\"\(Self.margin.left)\" y=\"\(top)\" font-size=\"14\">\(XMLText.escape(title)), baseline \(XMLText.escape(baseline))</text>\n"
        let firstBar = top + 16
        guard let (lower, upper) = span(measure) else {
            // A row of empty bars would look like a drawing that failed to load.
            return svg
                + "<text x=\"\(Self.margin.left)\" y=\"\(firstBar + 16)\" fill=\"#333333\">No driver moves it: \(XMLText.escape(baseline)) at every setting.</text>\n"
        }
        let plot = (left: Double(Self.margin.left + Self.valueRoom), right: Double(Self.width - Self.margin.right - Self.valueRoom))
        func x(_ value: Double) -> Double { plot.left + (plot.right - plot.left) * (value - lower) / (upper - lower) }
        for (row, effect) in effects.enumerated() {
            let y = firstBar + row * (Self.barHeight + Self.barGap)
            let settings = Self.settings(effect.range.low.value, effect.range.high.value)
            svg +=
                "<text x=\"\(Self.margin.left - 8)\" y=\"\(y + 10)\" text-anchor=\"end\" fill=\"#333333\">\(XMLText.escape(effect.driver.title))</text>\n"
                + "<text x=\"\(Self.margin.left - 8)\" y=\"\(y + 23)\" text-anchor=\"end\" fill=\"#666666\" font-size=\"10\">\(XMLText.escape(settings))</text>\n"
            let ends = [(effect.atLow, "#6baed6", effect.range.low.value), (effect.atHigh, "#fd8d3c", effect.range.high.value)]
            for (outcome, colour, setting) in ends {
                let value = measure.value(outcome)
                let from = min(x(base), x(value))
                let width = abs(x(value) - x(base))
                svg +=
                    "<rect x=\"\(Self.number(from))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"\(Self.barHeight)\" fill=\"\(colour)\">"
                    + "<title>\(XMLText.escape(effect.driver.title)) \(XMLText.escape(setting.description)): "
                    + "\(XMLText.escape(SensitivityReports.text(measure, outcome)))</title></rect>\n"
            }
            // The farthest end on each side of the baseline carries its value.
            let middle = Self.number(Double(y) + Double(Self.barHeight) / 2 + 4)
            let results = ends.map { (outcome: $0.0, value: measure.value($0.0)) }
            if let left = results.filter({ $0.value < base }).min(by: { $0.value < $1.value }) {
                svg +=
                    "<text x=\"\(Self.number(x(left.value) - 4))\" y=\"\(middle)\" text-anchor=\"end\" fill=\"#333333\" font-size=\"11\">\(XMLText.escape(SensitivityReports.text(measure, left.outcome)))</text>\n"
            }
            if let right = results.filter({ $0.value > base }).max(by: { $0.value < $1.value }) {
                svg +=
                    "<text x=\"\(Self.number(x(right.value) + 4))\" y=\"\(middle)\" fill=\"#333333\" font-size=\"11\">\(XMLText.escape(SensitivityReports.text(measure, right.outcome)))</text>\n"
            }
        }
        let bottom = firstBar + effects.count * (Self.barHeight + Self.barGap)
        svg +=
            "<line x1=\"\(Self.number(x(base)))\" y1=\"\(firstBar - 4)\" x2=\"\(Self.number(x(base)))\" y2=\"\(bottom - Self.barGap + 4)\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        return svg
    }
}
