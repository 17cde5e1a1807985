import CSVStream
import CreditCore
import CreditForecast
import CreditLedger
import UsageImport

/// A scenario CSV as a finance user edits it in a spreadsheet:
/// `scenario,month,seats,plan,usage_multiplier` and an optional `workspace`.
///
/// Each row changes, from its month on, the named scenario's seats (`12` sets the count, `+3` or
/// `-2` adds or removes), plan (accrual and cap follow) and usage multiplier (`1.2` is 20% more
/// than the baseline forecast); a blank cell keeps the value in force, a blank workspace means
/// every workspace. The first row names the columns, matched like a usage export's headers
/// (ignoring case, spaces and underscores); months are read as a usage export's are (`2027-01`,
/// `Jan 2027`, a full date in the file's date order). Every problem is reported at once as
/// `file:line: message`, up to the importer's error cap.
public struct ScenarioFile: Sendable, Equatable {
    /// The scenarios, in the order their names first appear.
    public var scenarios: [Scenario]
    /// Each workspace a row names, with the first line naming it, in file order.
    public var workspaceLines: [(name: String, line: Int)]

    /// Whether two files read the same (written out because tuples are not Equatable).
    public static func == (lhs: ScenarioFile, rhs: ScenarioFile) -> Bool {
        lhs.scenarios == rhs.scenarios && lhs.workspaceLines.elementsEqual(rhs.workspaceLines) { $0 == $1 }
    }

    /// Reads the file at `path`; plans are looked up in `pricing`.
    ///
    /// - Throws: every problem found in the file (up to `options.maxErrors`), each naming its line.
    public init(fileAt path: String, pricing: Pricing, options: UsageImportOptions = .init()) throws(UsageImportError) {
        try self.init(file: path, pricing: pricing, options: options) { body in try CSVStreamReader().read(fileAt: path, body) }
    }

    /// Reads `bytes` as if from a file named `file` (for messages).
    public init(bytes: [UInt8], file: String, pricing: Pricing, options: UsageImportOptions = .init()) throws(UsageImportError) {
        try self.init(file: file, pricing: pricing, options: options) { body in try CSVStreamReader().read(bytes: bytes, body) }
    }

    private init(
        file: String, pricing: Pricing, options: UsageImportOptions, read: ((CSVRecord) throws -> Void) throws -> Void
    ) throws(UsageImportError) {
        var log = DiagnosticLog(file: file, limit: options.maxErrors)
        var reader = ScenarioFileReader(pricing: pricing)
        do {
            try read { record in reader.take(record, log: &log) }
        } catch let error as CSVStreamError {
            log.error(error.message, line: error.line)
        } catch {
            log.error("\(error)", line: nil)
        }
        let read = reader.finish(dateOrder: options.dateOrder, log: &log)
        guard !log.hasErrors else { throw UsageImportError(errors: log.errors, warnings: log.warnings) }
        scenarios = read.scenarios
        workspaceLines = read.workspaceLines
    }

    /// Checks that every workspace a row names is one of `known`, so a misspelt name does not
    /// silently change nothing; `file` names the scenario file in the messages.
    public func checkWorkspaces(known: Set<String>, file: String, options: UsageImportOptions = .init()) throws(UsageImportError) {
        var log = DiagnosticLog(file: file, limit: options.maxErrors)
        for (name, line) in workspaceLines where !known.contains(name) {
            log.error(
                "workspace \"\(name.messageExcerpt)\" is not in the usage file; check its spelling, or leave the cell blank for every workspace",
                line: line)
        }
        guard !log.hasErrors else { throw UsageImportError(errors: log.errors, warnings: log.warnings) }
    }
}
