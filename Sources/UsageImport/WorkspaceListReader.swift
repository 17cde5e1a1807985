import CSVStream
import CreditCore

/// Reads a workspaces file (`workspace,plan,seats` and optional `balance`, `as_of`, `cap`).
struct WorkspaceListReader: TableConsumer {
    /// A row read, its `as_of` kept as written until the file's date order is known.
    private struct Row {
        var settings: WorkspaceSettings
        var asOf: ParsedMonth?
        var asOfText: String
        var line: Int
    }

    private(set) var requiredFieldCount = 0
    private(set) var headerFieldCount = 0
    private var matcher = HeaderMatcher<WorkspaceColumn>()
    private var columns: [WorkspaceColumn: Int] = [:]
    private var rows: [Row] = []
    private var linesByName: [String: Int] = [:]
    private static let required: [WorkspaceColumn] = [.workspace, .plan, .seats]
    private let requestedMark: DecimalMark?
    /// The file's decimal mark. Its few numbers are all read before any is used, so a mark told
    /// late is applied by reading the rows again.
    private var numbers = NumberConvention(requested: nil, delimiter: .comma)

    /// A reader with the decimal mark given by the user, or told by an earlier reading of the
    /// same file.
    init(decimalMark: DecimalMark?, told: NumberConvention.Evidence? = nil) {
        requestedMark = decimalMark
        toldMark = told
    }

    private let toldMark: NumberConvention.Evidence?

    mutating func begin(delimiter: UInt8) {
        numbers = NumberConvention(requested: requestedMark, delimiter: delimiter, told: toldMark)
    }

    /// Whether the rows must be read again, knowing the decimal mark from the start.
    var needsSecondReading: NumberConvention.Evidence? {
        numbers.needsSecondReading ? numbers.evidence : nil
    }

    mutating func readHeader(_ record: CSVRecord, log: inout DiagnosticLog) -> Bool {
        let match = matcher.match(record)
        guard Self.required.allSatisfy({ match.indices[$0] != nil }) else { return false }
        for duplicate in match.duplicates { log.error(duplicate, line: record.line) }
        columns = match.indices
        headerFieldCount = record.count
        requiredFieldCount = columns.values.max()! + 1
        return true
    }

    mutating func readRow(_ record: CSVRecord, log: inout DiagnosticLog) {
        var problems = RowProblems()
        defer { problems.report(line: record.line, log: &log) }
        func field(_ column: WorkspaceColumn) -> UnsafeBufferPointer<UInt8>? {
            columns[column].map { record.bytes(at: $0).trimmed }
        }
        func text(_ column: WorkspaceColumn) -> String? {
            switch field(column)!.nameText {
            // Names compare as everywhere: NFC, so two spellings of one name are listed twice.
            case let .success(text): return text.canonicalName
            case let .failure(problem):
                problems.add(problem, field: column.role, bytes: field(column)!)
                return nil
            }
        }
        func number(_ column: WorkspaceColumn, optional: Bool) -> Int? {
            guard let bytes = field(column), !(optional && bytes.isEmpty) else { return nil }
            switch numbers.read(bytes, line: record.line) {
            case let .success(value): return value
            case let .failure(problem):
                problems.add(problem, field: column.role, bytes: bytes)
                return nil
            }
        }
        let name = text(.workspace)
        let plan = text(.plan)
        let seats = number(.seats, optional: false)
        let balance = number(.balance, optional: true)
        let cap = number(.cap, optional: true)
        var asOf: ParsedMonth?
        if let bytes = field(.asOf), !bytes.isEmpty {
            switch MonthParser.parse(bytes) {
            case let .success(month): asOf = month
            case let .failure(problem): problems.add(problem, field: "as_of", bytes: bytes)
            }
        }
        guard let name, let plan, let seats, problems.isEmpty else { return }
        guard seats <= UsageHistory.maximumSeats else {
            log.error(
                "seats \"\(field(.seats)?.messageText ?? "")\" is too many; a workspace has at most \(UsageHistory.maximumSeats.groupedThousands) seats",
                line: record.line
            )
            return
        }
        if let first = linesByName[name] {
            log.error(
                "workspace \"\(name.messageExcerpt)\" is listed twice (first on line \(first)); keep one row per workspace",
                line: record.line)
            return
        }
        linesByName[name] = record.line
        let settings = WorkspaceSettings(name: name, plan: plan.lowercased(), seats: seats, balance: balance, cap: cap)
        rows.append(Row(settings: settings, asOf: asOf, asOfText: field(.asOf)?.messageText ?? "", line: record.line))
    }

    func totalLabel(_ record: CSVRecord) -> String? {
        guard let column = columns[.workspace], column < record.count else { return nil }
        return TableReader.totalLabel(record.bytes(at: column))
    }

    func mayBeNote(_ record: CSVRecord) -> Bool { TableReader.isNote(record) }

    mutating func checkTotal(_ record: CSVRecord, label: String, log: inout DiagnosticLog) {
        let listed = rows.reduce(0) { $0 + $1.settings.seats }
        if let column = columns[.seats], column < record.count, !record.bytes(at: column).trimmed.isEmpty,
            case let .success(seats) = numbers.read(record.bytes(at: column).trimmed, line: record.line), seats != listed
        {
            log.warning(
                "skipped the \"\(label)\" row, which gives \(seats.groupedThousands) seats where the rows above add up to "
                    + "\(listed.groupedThousands); check that every value was read as meant", line: record.line)
            return
        }
        log.warning("skipped the \"\(label)\" row; it is not a workspace", line: record.line)
    }

    func reportMissingHeader(log: inout DiagnosticLog) {
        log.error(matcher.missingColumnsMessage(required: Self.required), line: matcher.closest?.line)
    }

    /// The settings in file order, their `as_of` months read in the file's date order, and
    /// the line of each.
    func finish(options: UsageImportOptions, log: inout DiagnosticLog) -> (settings: [WorkspaceSettings], lines: [Int]) {
        numbers.finish(field: "value", log: &log)
        let pending = rows.compactMap { row -> PendingDate? in
            guard case let .fullDate(date) = row.asOf else { return nil }
            return PendingDate(date: date, text: row.asOfText, line: row.line)
        }
        let outcome = DateOrderResolver.resolve(pending, requested: options.dateOrder, log: &log)
        let settings = rows.map { row in
            var settings = row.settings
            settings.asOf = row.asOf.flatMap { outcome.month(of: $0) }
            return settings
        }
        return (settings, rows.map(\.line))
    }
}
