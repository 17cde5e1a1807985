import CreditCore
import Testing

@testable import UsageImport

/// One decimal mark per file: given, told by a value, or an error naming the first value that
/// reads two ways; never a guess (the vendor's walk-through written the German way is 81,000
/// credits, never 81).
@Suite struct DecimalMarkTests {
    private static let walkthrough = [18000, 5000, 8000, 50000]

    private func usage(_ path: String, _ options: UsageImportOptions = .init()) throws -> [[Int]] {
        try UsageImporter.load(fileAt: path, options: options).history.workspaces.flatMap { $0.seats.map { Array($0.usage) } }
    }

    @Test func theGermanWalkthroughIsAnErrorUnlessTheMarkIsGiven() throws {
        let path = Fixture.path("walkthrough-de")
        let error = try #require(loadError(path))
        #expect(
            lineMessages(error.errors) == [
                "2: credits \"18.000\" reads as 18000 if \".\" groups thousands or as 18 if it is the decimal mark, "
                    + "and no number in the file tells which; state the file's decimal mark"
            ])
        #expect(error.errors.map(\.remedy) == [.decimalMark])
        #expect(try usage(path, UsageImportOptions(decimalMark: .comma)) == [Self.walkthrough])
        #expect(try usage(path, UsageImportOptions(decimalMark: .point)) == [[18, 5, 8, 50]])
    }

    @Test func aValueWithDecimalsTellsTheMarkForTheWholeFile() throws {
        let text = "Seat;Month;Credits\nteam;2026-04;18.000\nteam;2026-05;5.000\nteam;2026-06;8.000\nteam;2026-07;50.000,00\n"
        #expect(try usage(temporaryFile(text)) == [Self.walkthrough])
    }

    @Test(arguments: ["1.218.000", "1.218.000,00", "1.218.000 €", "€ 1.218.000"])
    func aValueToldLateReadsTheEarlierOnesAgain(last: String) throws {
        // Tab-separated files assume the point until told: the first rows are read again.
        let text = "Seat\tMonth\tCredits\nteam\t2026-04\t18.000\nteam\t2026-05\t5.000\nteam\t2026-06\t\(last)\n"
        #expect(try usage(temporaryFile(text)) == [[18000, 5000, 1_218_000]])
        // A fraction with the mark told, on a row read before it was told, is reported as one.
        let fraction = "Seat\tMonth\tCredits\nteam\t2026-04\t1,500\nteam\t2026-06\t\(last)\n"
        #expect(
            lineMessages(loadError(temporaryFile(fraction))?.errors ?? []) == [
                "2: credits \"1,500\" is not a whole number (the file's decimal mark is \",\"); round it"
            ])
    }

    @Test func aCommaFileReadsThePoint() throws {
        let text = "seat,month,credits\nteam,2026-04,\"18,000\"\nteam,2026-05,5.000\n"
        #expect(try usage(temporaryFile(text)) == [[18000, 5]])
    }

    @Test func aValueWithTheOtherMarkIsAnError() throws {
        let text = "Seat;Month;Credits\nteam;2026-04;18.000,00\nteam;2026-05;1,234.00\nteam;2026-06;12,5\n"
        #expect(
            lineMessages(loadError(temporaryFile(text))?.errors ?? []) == [
                "3: credits \"1,234.00\" is written with \".\" as the decimal mark, but the file's is \",\" "
                    + "(as \"18.000,00\" on line 2 shows); write every number the same way",
                "4: credits \"12,5\" is not a whole number (the file's decimal mark is \",\"); round it",
            ])
        let given = loadError(temporaryFile(text), options: UsageImportOptions(decimalMark: .point))
        #expect(
            lineMessages(given?.errors ?? []) == [
                "2: credits \"18.000,00\" is written with \",\" as the decimal mark, but the file's is \".\" (as given); "
                    + "write every number the same way",
                "4: credits \"12,5\" is written with \",\" as the decimal mark, but the file's is \".\" (as given); "
                    + "write every number the same way",
            ])
    }

    @Test func aValueThatOnlyTheOtherMarkReadsWaitsForTheFile() throws {
        // `1,500` with the semicolon file's provisional decimal comma is a fraction; the point,
        // told on line 3, reads it as 1500.
        let text = "Seat;Month;Credits\nteam;2026-04;1,500\nteam;2026-05;1,234,567\n"
        #expect(try usage(temporaryFile(text)) == [[1500, 1_234_567]])
        let untold = "Seat;Month;Credits\nteam;2026-04;1,500\nteam;2026-05;7\n"
        #expect(
            lineMessages(loadError(temporaryFile(untold))?.errors ?? []) == [
                "2: credits \"1,500\" reads as 1500 if \",\" groups thousands or as a fraction, 1 and 500 thousandths, "
                    + "if it is the decimal mark, and no number in the file tells which; state the file's decimal mark"
            ])
    }

    @Test func currencySignsCodesAndSpacesGroupThousands() throws {
        let text = "Seat;Month;Credits\na;2026-04;€ 1.000,00\nb;2026-04;1\u{A0}234\nc;2026-04;2 500 EUR\nd;2026-04;USD 3.000\n"
        #expect(try usage(temporaryFile(text)) == [[1000], [1234], [2500], [3000]])
    }
}
