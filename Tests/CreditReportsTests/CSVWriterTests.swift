import CreditCore
import Testing

@testable import CreditReports

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-x", "'-x"), ("@x", "'@x"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("Acme", "Acme"), ("a=b", "a=b"), ("", ""),
    ])
    func textCellsThatLookLikeFormulasAreNeutralised(input: String, encoded: String) {
        #expect(CSVCell.text(input).encoded == encoded)
    }

    @Test func numbersAndMonthsAreNeverNeutralised() {
        #expect(CSVCell.integer(-12).encoded == "-12")
        #expect(CSVCell.money(Money(cents: -35)).encoded == "-0.35")
        #expect(CSVCell.decimal(-0.5, places: 1).encoded == "-0.5")
        #expect(CSVCell.month(Month("2026-04")!).encoded == "2026-04")
        #expect(CSVCell.integer(1_500_000).encoded == "1500000")
    }

    @Test func fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        #expect(CSVCell.text("a,b").encoded == "\"a,b\"")
        #expect(CSVCell.text("say \"hi\"").encoded == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.text("two\nlines").encoded == "\"two\nlines\"")
        #expect(CSVCell.text("=1,2").encoded == "\"'=1,2\"")
    }

    @Test func aNonFiniteDecimalIsAnEmptyCell() {
        #expect(CSVCell.decimal(.nan, places: 4) == .empty)
        #expect(CSVCell.decimal(.infinity, places: 1).encoded == "")
    }

    @Test func tableEndsEveryRecordWithLineFeed() {
        let table = CSVTable(header: ["name", "n"], rows: [[.text("a"), .integer(1)], [.text("b,c"), .empty]])
        #expect(table.text == "name,n\na,1\n\"b,c\",\n")
    }

    @Test func fixedDecimalRoundsHalfAwayFromZeroWithoutNegativeZero() {
        #expect(FixedDecimal.text(0.25, places: 1) == "0.3")
        #expect(FixedDecimal.text(-0.25, places: 1) == "-0.3")
        #expect(FixedDecimal.text(-0.00001, places: 1) == "0.0")
        #expect(FixedDecimal.text(0.05, places: 4) == "0.0500")
        #expect(FixedDecimal.text(1234.56, places: 0) == "1235")
        #expect(FixedDecimal.text(0.001, places: 2) == "0.00")
    }

    @Test func percentNeverRoundsAChanceAwayOrToCertainty() {
        #expect(FixedDecimal.percent(0) == "0%")
        #expect(FixedDecimal.percent(1) == "100%")
        #expect(FixedDecimal.percent(0.0001) == "<0.1%")
        #expect(FixedDecimal.percent(0.99999) == ">99.9%")
        #expect(FixedDecimal.percent(0.41235) == "41.2%")
    }
}
