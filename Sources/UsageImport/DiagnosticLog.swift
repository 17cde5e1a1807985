/// Collects the errors and warnings of one file, up to a limit, so that a run reports them all.
package struct DiagnosticLog {
    /// The file as the user named it.
    let file: String
    /// The most errors, and separately warnings, kept; the rest are only counted.
    let limit: Int
    private var errorList: [ImportDiagnostic] = []
    private var warningList: [ImportDiagnostic] = []
    private var omittedErrors = 0
    private var omittedWarnings = 0

    package init(file: String, limit: Int) {
        self.file = file
        self.limit = max(limit, 1)
    }

    /// The first line with a field that is not UTF-8 text, reported as an error.
    private(set) var firstNonUTF8Line: Int?

    /// Notes that a field on `line` is not UTF-8 text, along with its error.
    mutating func noteNonUTF8(line: Int) {
        if firstNonUTF8Line == nil { firstNonUTF8Line = line }
    }

    /// Whether any error was reported, kept or not.
    package var hasErrors: Bool { !errorList.isEmpty }

    /// Whether nothing at all was reported, neither an error nor a warning.
    var isEmpty: Bool { errorList.isEmpty && warningList.isEmpty }

    package mutating func error(_ message: String, line: Int?, remedy: ImportRemedy? = nil) {
        if errorList.count < limit {
            errorList.append(ImportDiagnostic(file: file, line: line, message: message, remedy: remedy))
        } else {
            omittedErrors += 1
        }
    }

    package mutating func warning(_ message: String, line: Int?, remedy: ImportRemedy? = nil) {
        if warningList.count < limit {
            warningList.append(ImportDiagnostic(file: file, line: line, message: message, remedy: remedy))
        } else {
            omittedWarnings += 1
        }
    }

    /// The errors in line order (whole-file errors first), then how many more there were.
    package var errors: [ImportDiagnostic] { Self.inLineOrder(errorList, omitted: omittedErrors, noun: "errors") }

    /// The warnings in line order, then how many more there were.
    package var warnings: [ImportDiagnostic] { Self.inLineOrder(warningList, omitted: omittedWarnings, noun: "warnings") }

    /// Some problems (the date order) are only found once the whole file is read, so the list
    /// is sorted by line; the sort keeps the order of diagnostics on one line.
    private static func inLineOrder(_ list: [ImportDiagnostic], omitted: Int, noun: String) -> [ImportDiagnostic] {
        var sorted = list.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        if omitted > 0, let file = list.first?.file {
            sorted.append(ImportDiagnostic(file: file, line: nil, message: "… and \(omitted) more \(noun)"))
        }
        return sorted
    }
}
