import Testing

@testable import UsageImport

@Suite struct DelimiterSnifferTests {
    @Test(arguments: [
        ("seat,month,credits\nana,2026-04,5\n", UInt8(ascii: ",")),
        ("Usage export\nGenerated 2026-05-01\nseat;month;credits\nana;2026-04;\"1,200\"\nben;2026-04;\"2,400\"\n", UInt8(ascii: ";")),
        ("seat\tmonth\tcredits\nana\t2026-04\t1,200\n", UInt8(ascii: "\t")),
        ("seat;month;credits\r\nana;Apr 2026;12,5\r\nben;Apr 2026;7\r\n", UInt8(ascii: ";")),
        ("", UInt8(ascii: ",")),
        ("just a title", UInt8(ascii: ",")),
    ])
    func picksTheRegularSeparator(text: String, delimiter: UInt8) {
        #expect(DelimiterSniffer.sniff(Array(text.utf8)) == delimiter)
    }
}
