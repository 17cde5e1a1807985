import Ink
import Testing

@testable import CreditReports

@Suite struct HTMLPageTests {
    static let chart = ReportFile(
        path: "charts/a.svg",
        text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>A</title></svg>\n")

    @Test func aMarkdownReportBecomesOneSelfContainedPage() {
        let markdown = """
            # Credit pool forecast

            Costs \\$1,863.32 expected (\\$3,629.76 P90) & more.

            ![Forecast pool balance of A](charts/a.svg)

            | workspace | cost |
            | --------- | ---: |
            | A \\| B   | \\$5.00 |

            """
        let html = HTMLPage.render(markdown: markdown, charts: ["charts/a.svg": Self.chart])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Credit pool forecast</title>"))
        #expect(html.contains("<h1>Credit pool forecast</h1>"))
        // Escaped dollars are plain dollars on the page, and an ampersand is escaped.
        #expect(html.contains("<p>Costs $1,863.32 expected ($3,629.76 P90) &amp; more.</p>"))
        // The chart is drawn inline, without its XML declaration, captioned by its alternative text.
        #expect(
            html.contains(
                "<figure><svg xmlns=\"http://www.w3.org/2000/svg\"><title>A</title></svg>\n<figcaption>Forecast pool balance of A</figcaption></figure>"
            ))
        #expect(!html.contains("<img") && !html.contains("<?xml"))
        // The table keeps its right-aligned number column.
        #expect(html.contains("<th>workspace</th><th align=\"right\">cost</th>"))
        #expect(html.contains("<td>A | B</td><td align=\"right\">$5.00</td>"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }

    @Test func everyMarkdownFileOfASetGetsItsPageRightAfterIt() {
        let set = ReportSet(files: [
            Self.chart, ReportFile(path: "a.csv", text: "x\n"), ReportFile(path: "report.md", text: "# R\n\n![c](charts/a.svg)\n"),
            ReportFile(path: "notes.md", text: "# N\n"),
        ]).addingHTMLPages()
        #expect(set.paths == ["charts/a.svg", "a.csv", "report.md", "report.html", "notes.md", "notes.html"])
        #expect(set.file(at: "report.html")?.text.contains("<title>A</title></svg>") == true)
        #expect(set.file(at: "notes.html")?.text.contains("<title>N</title>") == true)
    }

    @Test func markupInANameStaysText() {
        let name = "<script>alert('x')</script> & co | *bold*"
        let html = HTMLPage.render(markdown: "### \(MarkdownTable.escape(name))\n", charts: [:])
        #expect(!html.contains("<script"))
        #expect(html.contains("<h3>&lt;script&gt;alert('x')&lt;/script&gt; &amp; co | *bold*</h3>"))
    }

    /// A summary table of thousands of rows is rendered in chunks, and the pieces are Ink's
    /// rendering of the whole document byte for byte, the text around the table included.
    @Test func aLongTableIsRenderedInChunksAsInkRendersItWhole() throws {
        let rows = (1...(2 * HTMLPage.tableChunkRows + 7)).map { "| ws-\($0) \\| x | \($0 * 3) | \\$\($0).00 |" }
        let markdown =
            "# Credit pool forecast\n\nSome *text*.\n\n| workspace | seats | cost |\n| --- | ---: | ---: |\n"
            + rows.joined(separator: "\n") + "\n\n## Workspaces\n\n| small | table |\n| --- | --- |\n| a | b |\n\nThe end.\n"
        var pieces: [String] = []
        try HTMLPage.body(of: markdown) { pieces.append($0) }
        // Before the table, its head and first chunk, two more chunks, its close, the rest.
        #expect(pieces.count == 6)
        #expect(pieces[1].hasPrefix("<table><thead><tr><th>workspace</th><th align=\"right\">seats</th>"))
        #expect(pieces[2].hasPrefix("<tr><td>ws-1001 | x</td><td align=\"right\">3003</td><td align=\"right\">$1001.00</td></tr>"))
        #expect(pieces[4] == "</tbody></table>")
        #expect(pieces.joined() == MarkdownParser().html(from: markdown))
    }
}
