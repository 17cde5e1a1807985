import Ink

/// A Markdown report rendered as one HTML document.
enum HTMLPage {
    /// The page of `markdown`, its first heading as the title, each `<img>` whose source is one
    /// of `charts` replaced by that chart's SVG.
    static func render(markdown: String, charts: [String: ReportFile]) -> String {
        let body = inlining(charts, in: MarkdownParser().html(from: markdown))
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

    /// `html` with the first image tag whose source is each chart's path replaced by the chart's
    /// SVG (without its XML declaration), its alternative text kept as the figure's caption.
    ///
    /// One pass over the page's UTF-8: a report of a million workspaces is a page of hundreds of
    /// megabytes, which a search and a copy of the whole page per chart made quadratic.
    private static func inlining(_ charts: [String: ReportFile], in html: String) -> String {
        guard !charts.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let open = Array("<img".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inlined: Set<String> = []
        var copied = 0
        var index = 0
        while let start = bytes[index...].firstIndex(of: open[0]) {
            index = start + 1
            guard bytes[start...].starts(with: open), let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            let tag = Substring(decoding: bytes[start...close], as: UTF8.self)
            guard let path = attribute("src", of: tag), let chart = charts[path], inlined.insert(path).inserted else { continue }
            var svg = chart.text
            if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
            let figure = "<figure>" + svg + (attribute("alt", of: tag).map { "<figcaption>\($0)</figcaption>" } ?? "") + "</figure>"
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: figure.utf8)
            copied = close + 1
            index = copied
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of the attribute `name` of an HTML `tag`, as written between its quotes.
    private static func attribute(_ name: String, of tag: Substring) -> String? {
        guard let start = tag.utf8.firstRange(of: " \(name)=\"".utf8) else { return nil }
        let value = tag[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
