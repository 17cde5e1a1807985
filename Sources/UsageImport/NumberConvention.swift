/// The one decimal mark a file writes its numbers with, decided as its rows are read, as the
/// date order is: given by the user, told by a value that only one mark makes sense of
/// (`1.234,5`, `1.218.000`, `18000,00`), or, for a comma-separated file, the point (a file
/// whose numbers use the decimal comma cannot be comma-separated). A value such as `18.000`
/// that reads as 18000 with one mark and as 18 with the other is never read by a guess: when
/// nothing tells, it is an error naming its line.
struct NumberConvention: Sendable {
    /// The value and line that told the decimal mark.
    struct Evidence: Sendable, Equatable {
        var mark: DecimalMark
        var text: String
        var line: Int
    }

    /// The mark the user gave.
    let requested: DecimalMark?
    /// The mark the delimiter implies when no value tells: the point for a comma-separated file.
    let implied: DecimalMark?
    /// The mark ambiguous values are read with until the file tells, so that a file which
    /// tells late rarely needs a second reading: the implied one, else the comma for a
    /// semicolon-separated file (as the locales that use the decimal comma export), else the point.
    let provisional: DecimalMark
    /// The first value that told the mark, if any did.
    private(set) var evidence: Evidence?
    /// The first value that reads differently with either mark.
    private(set) var firstAmbiguous: (text: String, line: Int)?
    /// Whether an ambiguous value was read with `provisional` before the file told its mark.
    private(set) var readProvisionally = false
    /// Whether such a value did not read with `provisional` (`1,200` with the decimal comma):
    /// its row is left out and its problem kept back until the mark is known.
    private(set) var provisionalFailed = false

    /// The convention of a file separated by `delimiter`; `told` is what an earlier reading of
    /// the same file found.
    init(requested: DecimalMark?, delimiter: UInt8, told: Evidence? = nil) {
        self.requested = requested
        implied = delimiter == .comma ? .point : nil
        provisional = implied ?? (delimiter == .semicolon ? .comma : .point)
        evidence = told
    }

    /// The mark the file is read with, once known.
    var mark: DecimalMark? { requested ?? evidence?.mark ?? implied }

    /// The number in `field` on `line`, or what is wrong with it.
    @inline(__always)
    mutating func read(_ field: UnsafeBufferPointer<UInt8>, line: Int) -> Result<Int, FieldProblem> {
        if let plain = WholeNumber.plainDigits(field) { return plain }
        return readDecorated(field, line: line)
    }

    private mutating func readDecorated(_ field: UnsafeBufferPointer<UInt8>, line: Int) -> Result<Int, FieldProblem> {
        let known = requested ?? evidence?.mark
        switch WholeNumber.evidence(field) {
        case .none:
            return WholeNumber.parse(field, decimalMark: known ?? provisional)
        case let .tells(told):
            if let known {
                guard told == known else {
                    let source = requested != nil ? nil : evidence.map { "\"\($0.text)\" on line \($0.line)" }
                    return .failure(.otherDecimalMark(fileMark: known, toldBy: source))
                }
                return WholeNumber.parse(field, decimalMark: known)
            }
            evidence = Evidence(mark: told, text: field.messageText, line: line)
            return WholeNumber.parse(field, decimalMark: told)
        case .ambiguous:
            if let known { return WholeNumber.parse(field, decimalMark: known) }
            if firstAmbiguous == nil { firstAmbiguous = (field.messageText, line) }
            readProvisionally = true
            let value = WholeNumber.parse(field, decimalMark: provisional)
            if case .failure = value {
                provisionalFailed = true
                return .failure(.awaitingDecimalMark)
            }
            return value
        }
    }

    /// Whether the values read with the provisional mark must be read again: the file told
    /// the other mark after some were read, or some did not read with it.
    var needsSecondReading: Bool {
        guard readProvisionally, let mark else { return false }
        return mark != provisional || provisionalFailed
    }

    /// Reports an ambiguous value when nothing in the file told the mark.
    func finish(field: String, log: inout DiagnosticLog) {
        guard mark == nil, let (text, line) = firstAmbiguous else { return }
        let (asThousands, asDecimal) = Self.readings(of: text)
        log.error(
            "\(field) \"\(text)\" reads as \(asThousands) if \(Self.markOf(text)) groups thousands or as \(asDecimal) "
                + "if it is the decimal mark, and no number in the file tells which; state the file's decimal mark",
            line: line, remedy: .decimalMark)
    }

    /// Takes in the convention of `later`, a copy made right after the header that read the
    /// rows after this one's; `false` when the two were told different marks.
    mutating func absorb(_ later: NumberConvention) -> Bool {
        if let told = later.evidence {
            if let evidence, evidence.mark != told.mark { return false }
            if evidence == nil { evidence = told }
        }
        if firstAmbiguous == nil { firstAmbiguous = later.firstAmbiguous }
        readProvisionally = readProvisionally || later.readProvisionally
        provisionalFailed = provisionalFailed || later.provisionalFailed
        return true
    }

    /// The mark in an ambiguous value, quoted.
    private static func markOf(_ text: String) -> String {
        text.contains(".") ? DecimalMark.point.quoted : DecimalMark.comma.quoted
    }

    /// An ambiguous value read both ways: `18000` and `18`, or `1234` and a fraction.
    private static func readings(of text: String) -> (String, String) {
        let digits = text.filter(\.isNumber)
        let wholeDigits = text.split(whereSeparator: { $0 == "." || $0 == "," }).first.map { $0.filter(\.isNumber) } ?? ""
        let fraction = digits.dropFirst(wholeDigits.count)
        let asDecimal = fraction.allSatisfy { $0 == "0" } ? String(wholeDigits) : "a fraction, \(wholeDigits) and \(fraction) thousandths,"
        return (String(digits), asDecimal)
    }
}
