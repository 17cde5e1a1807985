import CSVStream
import CreditCore
import CreditForecast
import CreditLedger
import UsageImport

/// Reads a scenario file record by record: the first non-blank row is the header, every later
/// one a change; the changes are built once the file's date order is known.
struct ScenarioFileReader {
    /// One row that read well, its month kept as written until the file's date order is known.
    private struct Row {
        var scenario: String
        var month: ParsedMonth
        var monthText: String
        var workspace: String?
        var seats: SeatChange?
        var plan: Plan?
        var usageMultiplier: UsageMultiplier?
        var line: Int
    }

    /// What the file holds.
    struct Outcome {
        var scenarios: [Scenario]
        /// The line of each change of each scenario.
        var changeLines: [[Int]]
    }

    /// What two rows must not share.
    private struct RowKey: Hashable {
        var scenario: String
        var workspace: String?
        var month: Month
    }

    private let pricing: Pricing
    private var matcher = HeaderMatcher<ScenarioColumn>()
    /// Whether the header row was read; after an unusable one (`columns` nil) the rows cannot
    /// be read, and their problems would only be noise.
    private var headerSeen = false
    private var columns: [ScenarioColumn: Int]?
    private var rows: [Row] = []

    init(pricing: Pricing) {
        self.pricing = pricing
    }

    /// Reads `record`: the header if none was read yet, otherwise a row.
    mutating func take(_ record: CSVRecord, log: inout DiagnosticLog) {
        guard !record.isBlank else { return }
        guard headerSeen else {
            headerSeen = true
            columns = readHeader(record, log: &log)
            return
        }
        guard let columns else { return }
        readRow(record, columns: columns, log: &log)
    }

    /// The column of each header cell; `nil` (after reporting why) when the header is unusable.
    private mutating func readHeader(_ record: CSVRecord, log: inout DiagnosticLog) -> [ScenarioColumn: Int]? {
        let match = matcher.match(record)
        var usable = true
        for index in match.unrecognised {
            log.error(
                "column \"\(match.cells[index].messageExcerpt)\" is not a scenario column; the columns are scenario, month, seats, plan, usage_multiplier and workspace",
                line: record.line)
            usable = false
        }
        for duplicate in match.duplicates {
            log.error(duplicate, line: record.line)
            usable = false
        }
        for column in ScenarioColumn.required where match.indices[column] == nil {
            log.error(
                "the header has no \(column.role) column; the first row must name the columns scenario,month,seats,plan,usage_multiplier",
                line: record.line)
            usable = false
        }
        return usable ? match.indices : nil
    }

    /// Reads one change, or reports every problem of the row.
    private mutating func readRow(_ record: CSVRecord, columns: [ScenarioColumn: Int], log: inout DiagnosticLog) {
        func field(_ column: ScenarioColumn) -> UnsafeBufferPointer<UInt8>? {
            guard let index = columns[column], index < record.count else { return nil }
            return record.bytes(at: index).trimmed
        }
        func cell(_ column: ScenarioColumn) -> String {
            field(column).map { String(validating: $0, as: UTF8.self) ?? "\u{FFFD}" } ?? ""
        }
        let line = record.line
        var ok = true
        func problem(_ message: String) {
            log.error(message, line: line)
            ok = false
        }
        // Names compare as everywhere: NFC (`String.canonicalName`).
        let name = cell(.scenario).canonicalName
        if name.isEmpty {
            problem("the scenario name is empty; name the scenario this row belongs to")
        } else if name.lowercased() == Scenario.baselineName {
            problem("\"\(Scenario.baselineName)\" is the forecast without changes; give this scenario another name")
        }
        let monthText = cell(.month)
        var month: ParsedMonth?
        if let bytes = field(.month), !bytes.isEmpty {
            // Read as a usage file's months are, and worded as their problems are.
            switch MonthParser.parse(bytes) {
            case let .success(parsed): month = parsed
            case let .failure(failure): problem(failure.message(field: "month", text: monthText.messageExcerpt))
            }
        } else {
            problem("the month is empty; give the first month the change holds, like 2027-01")
        }
        var seats: SeatChange?
        let seatsText = cell(.seats)
        if !seatsText.isEmpty {
            seats = Self.seatChange(seatsText)
            switch seats {
            case nil:
                problem("seats \"\(seatsText.messageExcerpt)\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove")
            case let .set(count)?, let .add(count)?:
                if abs(count) > UsageHistory.maximumSeats {
                    problem(
                        "seats \"\(seatsText.messageExcerpt)\" is too many; a workspace has at most \(UsageHistory.maximumSeats.groupedThousands) seats"
                    )
                    seats = nil
                }
            }
        }
        var plan: Plan?
        let planText = cell(.plan)
        if !planText.isEmpty {
            do { plan = try pricing.plan(named: planText) } catch { problem("\(error)") }
        }
        var multiplier: UsageMultiplier?
        let multiplierText = cell(.usageMultiplier)
        if !multiplierText.isEmpty {
            multiplier = UsageMultiplier(decimal: multiplierText)
            let whole = multiplierText.prefix { $0 != "." }
            if multiplier == nil, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
                (Int(whole) ?? Int.max) >= UsageMultiplier.maximum.millionths / UsageMultiplier.denominator
            {
                problem("usage_multiplier \"\(multiplierText.messageExcerpt)\" is too large; the most is \(UsageMultiplier.maximum)")
            } else if multiplier == nil {
                problem(
                    "usage_multiplier \"\(multiplierText.messageExcerpt)\" is not a plain decimal of 0 or more with at most 6 decimals, like 1.2"
                )
            }
        }
        let workspace = cell(.workspace).canonicalName
        guard ok, let month else { return }
        rows.append(
            Row(
                scenario: name, month: month, monthText: monthText, workspace: workspace.isEmpty ? nil : workspace, seats: seats,
                plan: plan, usageMultiplier: multiplier, line: line
            ))
    }

    /// The scenarios, their full-date months read in the file's date order (`requested`, or the
    /// one the file tells); reports an empty file.
    func finish(dateOrder requested: DateOrder?, log: inout DiagnosticLog) -> Outcome {
        if !headerSeen, !log.hasErrors {
            log.error("the file is empty; its first row must name the columns scenario,month,seats,plan,usage_multiplier", line: nil)
        }
        let pending = rows.compactMap { row -> PendingDate? in
            guard case let .fullDate(date) = row.month else { return nil }
            return PendingDate(date: date, text: row.monthText, line: row.line)
        }
        let order = DateOrderResolver.resolve(pending, requested: requested, log: &log)
        var names: [String] = []
        var changes: [String: [ScenarioChange]] = [:]
        var lines: [String: [Int]] = [:]
        // Two rows of one scenario, workspace and month would apply one after the other, the
        // second silently overriding the first.
        var firstLines: [RowKey: Int] = [:]
        for row in rows {
            guard let month = order.month(of: row.month) else { continue }
            let key = RowKey(scenario: row.scenario, workspace: row.workspace, month: month)
            if let first = firstLines[key] {
                log.error(
                    "scenario \"\(row.scenario.messageExcerpt)\" changes \(row.workspace.map { "workspace \"\($0.messageExcerpt)\"" } ?? "every workspace") "
                        + "in \(month) twice (first on line \(first)); keep one row", line: row.line)
                continue
            }
            firstLines[key] = row.line
            if changes[row.scenario] == nil { names.append(row.scenario) }
            changes[row.scenario, default: []].append(
                ScenarioChange(
                    workspace: row.workspace, from: month, seats: row.seats, plan: row.plan, usageMultiplier: row.usageMultiplier
                ))
            lines[row.scenario, default: []].append(row.line)
        }
        return Outcome(scenarios: names.map { Scenario(name: $0, changes: changes[$0]!) }, changeLines: names.map { lines[$0]! })
    }

    /// `12` → set 12; `+3` → add 3; `-2` → remove 2.
    private static func seatChange(_ text: String) -> SeatChange? {
        let digits = text.drop { $0 == "+" || $0 == "-" }
        guard text.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits.count <= 9, let count = Int(digits)
        else { return nil }
        switch text.first {
        case "+": return .add(count)
        case "-": return .add(-count)
        default: return .set(count)
        }
    }
}
