import Ink

/// A Markdown report rendered as one HTML document.
enum HTMLPage {
    /// The page of `markdown`, its first heading as the title, each `<img>` whose source is one
    /// of `charts` replaced by that chart's SVG.
    static func render(markdown: String, charts: [String: ReportFile]) -> String {
        var body = MarkdownParser().html(from: markdown)
        for (path, chart) in charts.sorted(by: { $0.key < $1.key }) {
            body = inline(chart, at: path, in: body)
        }
        let title = markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? "creditcast report"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XMLText.escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; font-variant-numeric: tabular-nums; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; }
            th { background: #f4f4f4; }
            figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
            pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.8em; }
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// `html` with the image tag whose source is `path` replaced by the chart's SVG (without its
    /// XML declaration), its alternative text kept as the figure's caption.
    private static func inline(_ chart: ReportFile, at path: String, in html: String) -> String {
        guard let source = html.range(of: "src=\"\(path)\""),
            let open = html[..<source.lowerBound].range(of: "<img", options: .backwards),
            let close = html[source.upperBound...].range(of: ">")
        else { return html }
        let tag = html[open.lowerBound..<close.upperBound]
        let alt = tag.range(of: "alt=\"").flatMap { start in
            tag[start.upperBound...].firstIndex(of: "\"").map { String(tag[start.upperBound..<$0]) }
        }
        var svg = chart.text
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        let figure = "<figure>" + svg + (alt.map { "<figcaption>\($0)</figcaption>" } ?? "") + "</figure>"
        return html.replacingCharacters(in: open.lowerBound..<close.upperBound, with: figure)
    }
}
