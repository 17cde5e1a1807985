/// A standalone SVG line chart of shares (0–100%) for the backtest report: the coverage of the
/// forecast bands by step and the reliability of event probabilities.
///
/// Hand-written SVG like `BalanceFanChart`: byte-identical from run to run, readable in any
/// browser or Markdown viewer, coordinates with one decimal and all text escaped (`XMLText`).
struct BacktestChart: Sendable {
    /// One line of the chart.
    struct Series: Sendable {
        /// The legend's text.
        var name: String
        /// An SVG colour (`#1f77b4`).
        var color: String
        /// Points in data coordinates (x in the chart's domain, y a share 0 … 1), drawn in order.
        var points: [(x: Double, y: Double)]
        /// A dashed reference line (nominal coverage, perfect reliability) rather than data.
        var isReference: Bool
        /// How many forecasts each point stands for, if they differ: markers are drawn with an
        /// area in proportion, so a bin of three forecasts does not look as sure as one of 300.
        var counts: [Int]?

        /// A series.
        init(name: String, color: String, points: [(x: Double, y: Double)], isReference: Bool = false, counts: [Int]? = nil) {
            precondition(counts == nil || counts!.count == points.count, "one count per point")
            self.name = name
            self.color = color
            self.points = points
            self.isReference = isReference
            self.counts = counts
        }
    }

    /// The title above the plot.
    var title: String
    /// The x axis's caption.
    var xCaption: String
    /// The y axis's caption.
    var yCaption: String
    /// The x values at the plot's left and right edges.
    var xDomain: ClosedRange<Double>
    /// Labelled x positions.
    var xTicks: [(value: Double, label: String)]
    /// The lowest share shown; coverage charts start higher so the difference between 75% and
    /// 85% is visible.
    var yMinimum: Double
    /// The highest share shown: 100%, but for a chart of small shares (where the actuals fell,
    /// about 10% a tenth).
    var yMaximum: Double
    /// Grid lines per 100% of share: 10 (every 10 points), or 20 on a chart of small shares.
    var yLinesPerWhole: Int
    /// The lines, drawn in order (references first reads best).
    var series: [Series]

    /// Width and height of the picture, in pixels.
    static let size = (width: 720, height: 400)
    private static let margin = (left: 72, right: 170, top: 48, bottom: 64)

    /// The model colours, in `BacktestModel.allCases` order, so a model has one colour in every chart.
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"]

    /// A chart with the given contents.
    init(
        title: String, xCaption: String, yCaption: String, xDomain: ClosedRange<Double>,
        xTicks: [(value: Double, label: String)], yMinimum: Double = 0, yMaximum: Double = 1, yLinesPerWhole: Int = 10,
        series: [Series]
    ) {
        precondition(yMinimum < yMaximum && yLinesPerWhole > 0, "a y range and grid lines")
        self.title = title
        self.xCaption = xCaption
        self.yCaption = yCaption
        self.xDomain = xDomain
        self.xTicks = xTicks
        self.yMinimum = yMinimum
        self.yMaximum = yMaximum
        self.yLinesPerWhole = yLinesPerWhole
        self.series = series
    }

    /// The SVG document.
    var svg: String {
        let (width, height) = Self.size
        let margin = Self.margin
        let plotWidth = Double(width - margin.left - margin.right)
        let plotHeight = Double(height - margin.top - margin.bottom)
        let span = xDomain.upperBound - xDomain.lowerBound
        func x(_ value: Double) -> Double {
            Double(margin.left) + (span > 0 ? plotWidth * (value - xDomain.lowerBound) / span : plotWidth / 2)
        }
        func y(_ share: Double) -> Double {
            let clamped = min(yMaximum, max(yMinimum, share))
            return Double(margin.top) + plotHeight * (1 - (clamped - yMinimum) / (yMaximum - yMinimum))
        }
        func number(_ value: Double) -> String { FixedDecimal.text(value, places: 1) }
        let left = number(Double(margin.left))
        let right = number(Double(margin.left) + plotWidth)

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
            <title>\(XMLText.escape(title))</title>
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="\(number(Double(margin.left) + plotWidth / 2))" y="24" text-anchor="middle" font-size="16">\(XMLText.escape(title))</text>

            """
        // Horizontal grid lines, labelled as percentages.
        let lines = Double(yLinesPerWhole)
        let ticks = Int((yMinimum * lines).rounded(.up))...Int((yMaximum * lines).rounded(.down))
        svg += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        for tick in ticks {
            let level = number(y(Double(tick) / lines))
            svg += "<line x1=\"\(left)\" y1=\"\(level)\" x2=\"\(right)\" y2=\"\(level)\"/>\n"
        }
        svg += "</g>\n<g fill=\"#333333\" text-anchor=\"end\">\n"
        for tick in ticks {
            svg +=
                "<text x=\"\(number(Double(margin.left - 8)))\" y=\"\(number(y(Double(tick) / lines) + 4))\">\(tick * 100 / yLinesPerWhole)%</text>\n"
        }
        svg += "</g>\n<g fill=\"#333333\" text-anchor=\"middle\">\n"
        for tick in xTicks {
            svg +=
                "<text x=\"\(number(x(tick.value)))\" y=\"\(number(Double(margin.top) + plotHeight + 20))\">\(XMLText.escape(tick.label))</text>\n"
        }
        svg += "<text x=\"\(number(Double(margin.left) + plotWidth / 2))\" y=\"\(height - 16)\">\(XMLText.escape(xCaption))</text>\n"
        svg += "</g>\n"
        svg +=
            "<text x=\"16\" y=\"\(number(Double(margin.top) + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#333333\" "
            + "transform=\"rotate(-90 16 \(number(Double(margin.top) + plotHeight / 2)))\">\(XMLText.escape(yCaption))</text>\n"
        svg +=
            "<rect x=\"\(left)\" y=\"\(margin.top)\" width=\"\(number(plotWidth))\" height=\"\(number(plotHeight))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n"

        let largest = series.compactMap { $0.counts?.max() }.max() ?? 1
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(number(x($0.x))),\(number(y($0.y)))" }
            let dash = line.isReference ? " stroke-dasharray=\"6 4\"" : ""
            svg +=
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>\n"
            if !line.isReference {
                svg += "<g fill=\"\(line.color)\" fill-opacity=\"0.8\">\n"
                for (index, point) in points.enumerated() {
                    let parts = point.split(separator: ",")
                    let radius = line.counts.map { 2 + 6 * (Double($0[index]) / Double(max(1, largest))).squareRoot() } ?? 3
                    svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"\(number(radius))\"/>\n"
                }
                svg += "</g>\n"
            }
        }

        // Legend to the right of the plot.
        let legendX = margin.left + Int(plotWidth) + 16
        svg += "<g font-size=\"12\" fill=\"#333333\">\n"
        for (index, line) in series.enumerated() {
            let top = margin.top + 8 + index * 20
            let dash = line.isReference ? " stroke-dasharray=\"6 4\"" : ""
            svg +=
                "<line x1=\"\(legendX)\" y1=\"\(top)\" x2=\"\(legendX + 20)\" y2=\"\(top)\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>\n"
            svg += "<text x=\"\(legendX + 26)\" y=\"\(top + 4)\">\(XMLText.escape(line.name))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }
}
