import Testing

@testable import CreditReports

@Suite struct MarkdownWriterTests {
    @Test(arguments: [
        ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("<script>", "&lt;script&gt;"), ("a\nb", "a b"), ("a\r\nb", "a b"),
        ("R&D", "R&amp;D"), ("back\\", "back\\\\"), ("[x](y)", "\\[x\\](y)"), ("$1 and $2", "\\$1 and \\$2"),
    ])
    func escapesEverythingThatCouldBreakATableOrInjectHTML(input: String, escaped: String) {
        #expect(MarkdownTable.escape(input) == escaped)
    }

    @Test func namesStayInsideTheirCells() {
        let table = MarkdownTable(
            columns: [.init("workspace"), .init("seats", .right)],
            rows: [["a|b", "3"], ["`x`", "10"], ["<script>alert(1)</script>", "7"], ["two\nlines", "1"]]
        )
        #expect(
            table.text == """
                | workspace                             | seats |
                | ------------------------------------- | ----: |
                | a\\|b                                  |     3 |
                | \\`x\\`                                 |    10 |
                | &lt;script&gt;alert(1)&lt;/script&gt; |     7 |
                | two lines                             |     1 |

                """)
        // Every row has exactly the column separators of the header: no name split a row.
        for line in table.text.split(separator: "\n") {
            let unescapedPipes = line.enumerated().filter { index, character in
                character == "|" && (index == 0 || Array(line)[index - 1] != "\\")
            }
            #expect(unescapedPipes.count == 3)
        }
        #expect(!table.text.contains("<"))
    }

    @Test func textTableKeepsANameOnOneLine() {
        let table = TextTable(headings: ["name", "n"], alignments: [.left, .right], rows: [["a\nb", "1,000"]])
        #expect(table.text == "name      n\na b   1,000\n")
    }
}
