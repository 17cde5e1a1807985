import Ink

/// A Markdown report rendered as one HTML document.
enum HTMLPage {
    /// The page of `markdown`, its first heading as the title, each `<img>` whose source is one
    /// of `charts` replaced by that chart's SVG.
    static func render(markdown: String, charts: [String: ReportFile]) -> String {
        let sink = FileSink()
        // A memory sink never fails.
        try? write(markdown: markdown, charts: charts, to: sink)
        try? sink.flush()
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Writes the page of `markdown` (as `render` makes it) to `sink` a piece at a time: a
    /// report of a million workspaces has a summary table of a million rows, which Ink would
    /// parse whole into some 6 KB of objects a row.
    static func write(markdown: String, charts: [String: ReportFile], to sink: FileSink) throws(ReportWriteError) {
        let title = firstLine(of: markdown) { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? "creditcast report"
        try sink.write(
            """
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

            """)
        try body(of: markdown) { html throws(ReportWriteError) in try sink.write(inlining(charts, in: html)) }
        try sink.write("\n</body>\n</html>\n")
    }

    /// The first line of `text` that `matches`, found without splitting the whole text.
    private static func firstLine(of text: String, where matches: (Substring) -> Bool) -> Substring? {
        var rest = text[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            if matches(rest[..<end]) { return rest[..<end] }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return nil
    }

    /// Rows of a table Ink parses at once.
    static let tableChunkRows = 1_000

    /// Ink's HTML of `markdown`, handed to `emit` in pieces whose concatenation is Ink's HTML of
    /// the whole: Ink renders a document as the concatenation of its blocks, so a table between
    /// blank lines is rendered apart from the text around it, and a long one `tableChunkRows`
    /// rows at a time under its header (a row's HTML depends only on its cells and the columns'
    /// alignment), its `<table>…<tbody>` opening and `</tbody></table>` close written once.
    static func body(of markdown: String, _ emit: (String) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        let parser = MarkdownParser()
        var rest = markdown[...]
        while let table = nextLongTable(in: rest) {
            try emit(parser.html(from: String(rest[..<table.lowerBound])))
            let lines = rest[table].utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
                Substring($0)
            }
            let header = lines[0] + "\n" + lines[1] + "\n"
            let rows = lines.dropFirst(2)
            var opened = false
            for start in stride(from: rows.startIndex, to: rows.endIndex, by: tableChunkRows) {
                let chunk = rows[start..<min(rows.endIndex, start + tableChunkRows)]
                let html = parser.html(from: header + chunk.joined(separator: "\n") + "\n")
                guard let head = html.utf8.firstRange(of: "</thead><tbody>".utf8), html.hasSuffix("</tbody></table>") else {
                    preconditionFailure("Ink renders a table as <table><thead>…</thead><tbody>…</tbody></table>")
                }
                try emit(String(html[(opened ? head.upperBound : html.startIndex)..<html.index(html.endIndex, offsetBy: -16)]))
                opened = true
            }
            try emit("</tbody></table>")
            rest = rest[table.upperBound...]
        }
        try emit(parser.html(from: String(rest)))
    }

    /// The next table of more than `tableChunkRows` rows in `text` standing between blank lines
    /// (or the text's ends), without its final line break; `nil` when there is none.
    private static func nextLongTable(in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        let (newline, bar) = (UInt8(ascii: "\n"), UInt8(ascii: "|"))
        var searchFrom = bytes.startIndex
        while let found = bytes[searchFrom...].firstRange(of: "\n\n|".utf8) {
            let start = bytes.index(before: found.upperBound)
            var lineStart = start
            var rows = 0
            // The table's lines all start with "|"; it ends before the first line that does not.
            while lineStart < bytes.endIndex, bytes[lineStart] == bar {
                rows += 1
                guard let end = bytes[lineStart...].firstIndex(of: newline) else {
                    lineStart = bytes.endIndex
                    break
                }
                lineStart = bytes.index(after: end)
            }
            let atEnd = lineStart == bytes.endIndex
            if rows - 2 > tableChunkRows, atEnd || bytes[lineStart] == newline {
                return start..<(atEnd && bytes.last != newline ? bytes.endIndex : bytes.index(before: lineStart))
            }
            searchFrom = lineStart
        }
        return nil
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
