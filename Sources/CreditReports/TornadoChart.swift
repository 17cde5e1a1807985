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
    static let width = 720
    private static let margin = (left: 130, right: 40, top: 56)
    private static let barHeight = 22
    private static let barGap = 10
    private static let panelGap = 56

    /// The chart of `analysis`.
    init(analysis: WorkspaceSensitivity, risk: RenewalRisk) {
        self.analysis = analysis
        self.risk = risk
    }

    private static func number(_ value: Double) -> String { FixedDecimal.text(value, places: 1) }

    /// The SVG document.
    var svg: String {
        let drivers = analysis.effects.count
        let panelHeight = 30 + drivers * (Self.barHeight + Self.barGap)
        let height = Self.margin.top + 2 * panelHeight + Self.panelGap + 24
        let name = XMLText.escape(analysis.workspace)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(height)" viewBox="0 0 \(Self.width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(name): what drives the renewal</title>
            <rect x="0" y="0" width="\(Self.width)" height="\(height)" fill="#ffffff"/>
            <text x="\(Self.width / 2)" y="24" text-anchor="middle" font-size="16">\(name): what drives the renewal (\(XMLText.escape(analysis.strategy)))</text>

            """
        for (index, measure) in SensitivityMeasure.allCases.enumerated() {
            svg += panel(measure, top: Self.margin.top + index * (panelHeight + Self.panelGap))
        }
        let legendY = height - 12
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

    /// One measure's panel, its title at `top`.
    private func panel(_ measure: SensitivityMeasure, top: Int) -> String {
        let effects = analysis.tornado(measure)
        let base = measure.value(analysis.baseline)
        let values = [base] + effects.flatMap { [measure.value($0.atLow), measure.value($0.atHigh)] }
        var lower = values.min() ?? base
        var upper = values.max() ?? base
        if upper - lower < 1e-9 {
            // Nothing moves the result: centre the baseline in a small span.
            let pad = measure == .renewalCost ? max(1, abs(base) * 0.1) : 0.05
            lower = base - pad
            upper = base + pad
        }
        let plotWidth = Double(Self.width - Self.margin.left - Self.margin.right)
        func x(_ value: Double) -> Double { Double(Self.margin.left) + plotWidth * (value - lower) / (upper - lower) }
        let title =
            measure == .renewalCost ? (risk == .mean ? "expected renewal cost" : "P90 renewal cost") : "P(shortfall) in the renewal year"
        let baseline = SensitivityReports.text(measure, analysis.baseline)
        var svg =
            "<text x=\"\(Self.margin.left)\" y=\"\(top)\" font-size=\"14\">\(XMLText.escape(title)), baseline \(XMLText.escape(baseline))</text>\n"
        let firstBar = top + 16
        for (row, effect) in effects.enumerated() {
            let y = firstBar + row * (Self.barHeight + Self.barGap)
            let middle = Self.number(Double(y) + Double(Self.barHeight) / 2 + 4)
            svg +=
                "<text x=\"\(Self.margin.left - 8)\" y=\"\(middle)\" text-anchor=\"end\" fill=\"#333333\">\(XMLText.escape(effect.driver.title))</text>\n"
            for (outcome, colour, setting) in [
                (effect.atLow, "#6baed6", effect.range.low.value), (effect.atHigh, "#fd8d3c", effect.range.high.value),
            ] {
                let value = measure.value(outcome)
                let from = min(x(base), x(value))
                let width = abs(x(value) - x(base))
                svg +=
                    "<rect x=\"\(Self.number(from))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"\(Self.barHeight)\" fill=\"\(colour)\">"
                    + "<title>\(XMLText.escape(effect.driver.title)) \(XMLText.escape(setting.description)): "
                    + "\(XMLText.escape(SensitivityReports.text(measure, outcome)))</title></rect>\n"
            }
        }
        let bottom = firstBar + effects.count * (Self.barHeight + Self.barGap)
        svg +=
            "<line x1=\"\(Self.number(x(base)))\" y1=\"\(firstBar - 4)\" x2=\"\(Self.number(x(base)))\" y2=\"\(bottom - Self.barGap + 4)\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        let scale: (Double) -> String = { value in
            measure == .renewalCost ? Money(cents: Int((value * 100).rounded())).formatted : FixedDecimal.percent(value)
        }
        svg += "<g fill=\"#333333\" font-size=\"11\">\n"
        svg += "<text x=\"\(Self.number(x(lower)))\" y=\"\(bottom + 8)\" text-anchor=\"start\">\(XMLText.escape(scale(lower)))</text>\n"
        svg += "<text x=\"\(Self.number(x(upper)))\" y=\"\(bottom + 8)\" text-anchor=\"end\">\(XMLText.escape(scale(upper)))</text>\n"
        svg += "</g>\n"
        return svg
    }
}
