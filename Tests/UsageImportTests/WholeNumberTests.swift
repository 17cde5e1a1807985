import Testing

@testable import UsageImport

@Suite struct WholeNumberTests {
    @Test(arguments: [
        ("0", 0), ("1200", 1200), ("1,200", 1200), ("1 200", 1200), (" 42 ", 42), ("$1,200", 1200),
        ("1 200 €", 1200), ("€5", 5), ("£5", 5), ("1200.00", 1200), ("1\u{A0}200", 1200), ("1\u{202F}200", 1200),
        ("12,345,678", 12_345_678), ("-0", 0), ("1000000000000", 1_000_000_000_000),
        ("1,000,000,000,000.00", 1_000_000_000_000), ("$1,234.00", 1234), ("1,234 USD", 1234), ("USD 1,234", 1234),
        ("1'234", 1234), ("18.000", 18),
    ])
    func readsANumberWithTheDecimalPoint(text: String, value: Int) {
        #expect(withField(text) { WholeNumber.parse($0, decimalMark: .point) } == .success(value))
    }

    @Test(arguments: [
        ("18.000", 18000), ("1.218.000", 1_218_000), ("18.000,00", 18000), ("€ 1.000", 1000), ("1.000 €", 1000),
        ("1.000 EUR", 1000), ("1 234", 1234), ("1\u{A0}234,00", 1234), ("1\u{202F}234", 1234), ("1200,00", 1200),
        ("1,000", 1),
    ])
    func readsANumberWithTheDecimalComma(text: String, value: Int) {
        #expect(withField(text) { WholeNumber.parse($0, decimalMark: .comma) } == .success(value))
    }

    @Test(arguments: [
        ("", FieldProblem.empty), ("  ", .empty), ("abc", .notANumber), ("1,2345", .notANumber),
        ("1,200 300", .notANumber), ("$", .notANumber), ("1.2.3", .notANumber), ("12a", .notANumber),
        ("12.5", .fractional(decimalMark: .point)), ("0.01", .fractional(decimalMark: .point)), ("-5", .negative),
        ("(5)", .negative), ("-$5", .negative), ("1000000000001", .tooLarge), ("$1,000,000,000,001", .tooLarge),
        ("9223372036854775807", .tooLarge), ("9223372036854775808", .tooLarge), ("99999999999999999999", .tooLarge),
        ("1.234,5", .notANumber), ("ABC", .notANumber),
    ])
    func rejectsANonNumberWithTheDecimalPoint(text: String, problem: FieldProblem) {
        #expect(withField(text) { WholeNumber.parse($0, decimalMark: .point) } == .failure(problem))
    }

    @Test(arguments: [
        ("12,5", FieldProblem.fractional(decimalMark: .comma)), ("1.234,5", .fractional(decimalMark: .comma)),
        ("1,234.00", .notANumber), ("1.2345", .notANumber),
    ])
    func rejectsANonNumberWithTheDecimalComma(text: String, problem: FieldProblem) {
        #expect(withField(text) { WholeNumber.parse($0, decimalMark: .comma) } == .failure(problem))
    }

    @Test(arguments: [
        ("1200", WholeNumber.MarkEvidence.none), ("1 200", .none), ("18.000", .ambiguous), ("1,234", .ambiguous),
        ("€ 1.000", .ambiguous), ("1.234,5", .tells(.comma)), ("1.218.000", .tells(.comma)),
        ("18.000,00", .tells(.comma)), ("18000,00", .tells(.comma)), ("12,5", .tells(.comma)),
        ("1,234,567", .tells(.point)), ("1,234.00", .tells(.point)), ("12.5", .tells(.point)),
        ("0.500", .tells(.point)), ("1234.000", .tells(.point)), ("$1,234.00", .tells(.point)), ("abc", .none),
    ])
    func tellsTheDecimalMark(text: String, evidence: WholeNumber.MarkEvidence) {
        #expect(withField(text) { WholeNumber.evidence($0) } == evidence)
    }
}
