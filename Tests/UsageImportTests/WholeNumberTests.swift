import Testing
@testable import UsageImport

@Suite struct WholeNumberTests {
    @Test(arguments: [
        ("0", 0), ("1200", 1200), ("1,200", 1200), ("1 200", 1200), (" 42 ", 42), ("$1,200", 1200),
        ("1 200 €", 1200), ("€5", 5), ("£5", 5), ("1200.00", 1200), ("1\u{A0}200", 1200), ("1\u{202F}200", 1200),
        ("12,345,678", 12_345_678), ("-0", 0), ("1000000000000", 1_000_000_000_000),
        ("1,000,000,000,000.00", 1_000_000_000_000),
    ])
    func readsANumber(text: String, value: Int) {
        #expect(withField(text) { WholeNumber.parse($0) } == .success(value))
    }

    @Test(arguments: [
        ("", FieldProblem.empty), ("  ", .empty), ("abc", .notANumber), ("1,2345", .notANumber),
        ("1,200 300", .notANumber), ("$", .notANumber), ("1.2.3", .notANumber), ("12a", .notANumber),
        ("12.5", .fractional), ("12,5", .fractional), ("0.01", .fractional), ("-5", .negative), ("(5)", .negative),
        ("-$5", .negative), ("1000000000001", .tooLarge), ("$1,000,000,000,001", .tooLarge),
        ("9223372036854775807", .tooLarge), ("9223372036854775808", .tooLarge), ("99999999999999999999", .tooLarge),
    ])
    func rejectsANonNumber(text: String, problem: FieldProblem) {
        #expect(withField(text) { WholeNumber.parse($0) } == .failure(problem))
    }
}
