import CreditCore
import CreditForecast

/// A standalone SVG fan chart of one workspace's forecast pool balance: the P10–P90 band of
/// closing balances, the P50 line, the cap, the zero line, month labels along the bottom and a
/// y axis in credits with thousands separators.
///
/// Hand-written SVG rather than a plotting library: the chart must be byte-identical from run to
/// run, open in any browser or Markdown viewer, and need nothing at run time. Coordinates have
/// one decimal, and all text is escaped (`XMLText`).
struct BalanceFanChart: Sendable {
    /// The workspace charted.
    var workspace: WorkspaceForecast

    /// Width and height of the picture, in pixels.
    static let size = (width: 720, height: 360)
    private static let margin = (left: 80, right: 40, top: 48, bottom: 64)

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
    static let monthLabelWidth = 52.0

    /// Every how many months a month is labelled: the smallest of 1, 2, 3, 4, 6, 12, 24, 60 and
    /// 120 that leaves `monthLabelWidth` between labels, so that they never overlap at any
    /// horizon, and past a year fall on the same calendar month each year.
    static func labelStep(months: Int, plotWidth: Double) -> Int {
        let gaps = Double(max(months - 1, 1))
        return [1, 2, 3, 4, 6, 12, 24, 60, 120].first { plotWidth * Double($0) / gaps >= monthLabelWidth } ?? 120
    }

    /// The SVG document.
    var svg: String {
        let (width, height) = Self.size
        let margin = Self.margin
        let plot = (width: Double(width - margin.left - margin.right), height: Double(height - margin.top - margin.bottom))
        let months = workspace.months
        let maximum = months.map { max($0.cap, $0.closing.p90, $0.closing.p50) }.max() ?? workspace.cap
        let axis = Self.axis(maximum: max(maximum, workspace.cap))

        func x(_ index: Int) -> Double {
            months.count <= 1
                ? Double(margin.left) + plot.width / 2
                : Double(margin.left) + plot.width * Double(index) / Double(months.count - 1)
        }
        func y(_ value: Int) -> Double {
            Double(margin.top) + plot.height * (1 - Double(value) / Double(axis.top))
        }
        func number(_ value: Double) -> String { FixedDecimal.text(value, places: 1) }
        func point(_ index: Int, _ value: Int) -> String { "\(number(x(index))),\(number(y(value)))" }
        func points(_ values: [Int]) -> String { values.enumerated().map { point($0.offset, $0.element) }.joined(separator: " ") }

        let name = XMLText.escape(workspace.name)
        let left = number(Double(margin.left))
        let right = number(Double(width - margin.right))
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(name): forecast pool balance</title>
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="\(width / 2)" y="24" text-anchor="middle" font-size="16">\(name): forecast pool balance (credits)</text>

            """
        svg += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        for tick in stride(from: axis.step, through: axis.top, by: axis.step) {
            svg += "<line x1=\"\(left)\" y1=\"\(number(y(tick)))\" x2=\"\(right)\" y2=\"\(number(y(tick)))\"/>\n"
        }
        svg += "</g>\n<g fill=\"#333333\" text-anchor=\"end\">\n"
        for tick in stride(from: 0, through: axis.top, by: axis.step) {
            svg += "<text x=\"\(number(Double(margin.left - 8)))\" y=\"\(number(y(tick) + 4))\">\(tick.groupedThousands)</text>\n"
        }
        svg += "</g>\n"
        if !months.isEmpty {
            let band =
                points(months.map(\.closing.p10)) + " "
                + points(months.map(\.closing.p90)).split(separator: " ").reversed().joined(separator: " ")
            svg += "<polygon points=\"\(band)\" fill=\"#9ecae1\" fill-opacity=\"0.7\" stroke=\"none\"/>\n"
            svg +=
                "<polyline points=\"\(points(months.map(\.cap)))\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
            svg += "<polyline points=\"\(points(months.map(\.closing.p50)))\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>\n"
        }
        svg +=
            "<line x1=\"\(left)\" y1=\"\(number(y(0)))\" x2=\"\(right)\" y2=\"\(number(y(0)))\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        svg += "<g fill=\"#333333\" text-anchor=\"middle\">\n"
        let every = Self.labelStep(months: months.count, plotWidth: plot.width)
        for (index, month) in months.enumerated() where index % every == 0 {
            svg += "<text x=\"\(number(x(index)))\" y=\"\(number(y(0) + 20))\">\(month.month)</text>\n"
        }
        svg += "</g>\n"
        let legendY = height - 16
        svg += """
            <g font-size="12" fill="#333333">
            <rect x="\(margin.left)" y="\(legendY - 10)" width="16" height="10" fill="#9ecae1"/>
            <text x="\(margin.left + 22)" y="\(legendY)">P10–P90 closing balance</text>
            <line x1="\(margin.left + 200)" y1="\(legendY - 5)" x2="\(margin.left + 216)" y2="\(legendY - 5)" stroke="#08519c" stroke-width="2"/>
            <text x="\(margin.left + 222)" y="\(legendY)">P50 (median)</text>
            <line x1="\(margin.left + 330)" y1="\(legendY - 5)" x2="\(margin.left + 346)" y2="\(legendY - 5)" stroke="#d62728" stroke-width="2" stroke-dasharray="6 4"/>
            <text x="\(margin.left + 352)" y="\(legendY)">cap</text>
            </g>
            </svg>

            """
        return svg
    }
}
