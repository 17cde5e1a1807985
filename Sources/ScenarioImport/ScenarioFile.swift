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
    /// The line of each change of each scenario, as `scenarios` orders them.
    public var changeLines: [[Int]]

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
        changeLines = read.changeLines
    }

    /// Checks the changes against the forecast they change, so that none silently changes
    /// nothing or something else: every workspace a row names is one of `seats`' (each
    /// workspace's seats when the forecast starts), every month is one of `forecastMonths`, and
    /// no change removes more seats than its workspace has then. `file` names the scenario
    /// file in the messages.
    public func check(
        seats: [String: Int], forecastMonths: ClosedRange<Month>, file: String, elsewhere: (String) -> Bool = { _ in false },
        options: UsageImportOptions = .init()
    ) throws(UsageImportError) {
        var log = DiagnosticLog(file: file, limit: options.maxErrors)
        let names = seats.keys.sorted()
        for (scenario, lines) in zip(scenarios, changeLines) {
            for (change, line) in zip(scenario.changes, lines) {
                if let name = change.workspace, seats[name] == nil, !elsewhere(name) {
                    log.error(
                        "workspace \"\(name.messageExcerpt)\" is not in the usage file\(NameSuggestion.didYouMean(name, in: names)); "
                            + "check its spelling, or leave the cell blank for every workspace",
                        line: line)
                }
                if change.from < forecastMonths.lowerBound {
                    log.error(
                        "month \(change.from) is before the forecast, which starts in \(forecastMonths.lowerBound); "
                            + "date the change \(forecastMonths.lowerBound) or later", line: line)
                } else if change.from > forecastMonths.upperBound {
                    log.error(
                        "month \(change.from) is after the forecast's last month, \(forecastMonths.upperBound); the change would change nothing",
                        line: line)
                }
            }
            checkRemovals(scenario, lines: lines, seats: seats, names: names, log: &log)
        }
        guard !log.hasErrors else { throw UsageImportError(errors: log.errors, warnings: log.warnings) }
    }

    /// Reports each change of `scenario` that removes more seats than its workspace has then,
    /// following every workspace's seats through the scenario's changes in month order.
    private func checkRemovals(_ scenario: Scenario, lines: [Int], seats: [String: Int], names: [String], log: inout DiagnosticLog) {
        let ordered = scenario.changes.indices.sorted { (scenario.changes[$0].from, $0) < (scenario.changes[$1].from, $1) }
        guard ordered.contains(where: { if case let .add(delta)? = scenario.changes[$0].seats { delta < 0 } else { false } }) else {
            return
        }
        var reported = Set<Int>()
        for name in names {
            var count = seats[name]!
            for index in ordered {
                let change = scenario.changes[index]
                guard change.workspace == nil || change.workspace == name, let seatChange = change.seats else { continue }
                if case let .add(delta) = seatChange, delta < 0, count + delta < 0, reported.insert(index).inserted {
                    log.error(
                        "seats \(delta) removes \(-delta) seats from workspace \"\(name.messageExcerpt)\", which has \(count) in \(change.from)",
                        line: lines[index])
                }
                count = seatChange.applied(to: count)
            }
        }
    }
}
