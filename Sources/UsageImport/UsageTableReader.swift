import CSVStream
import CreditCore

/// Reads a usage export, long or wide, into a `UsageAccumulator`.
struct UsageTableReader: MergeableTableConsumer {
    /// The layout, known once the header is read.
    private(set) var format: UsageFormat?
    private var accumulator = UsageAccumulator()
    private(set) var requiredFieldCount = 0
    private(set) var headerFieldCount = 0
    private var matcher: HeaderMatcher<UsageColumn>
    private var headerLine = 0
    private var workspaceColumn: Int?
    private var seatColumn = 0
    private var planColumn: Int?
    private var monthColumn = 0
    private var creditsColumn = 0
    /// The wide format's month columns and their month tokens, with the header text as quoted
    /// in messages.
    private var monthColumns: [(index: Int, token: Int, text: String)] = []
    private var defaultWorkspace = 0
    /// The credits read, for a long file's total row; saturating, as the accumulator reports
    /// an overflow itself.
    private var creditsRead = 0
    /// The credits read in each of a wide file's month columns, for its total row.
    private var columnCredits: [Int] = []
    /// The decimal mark given, and what an earlier reading of the file found it to be.
    private let requestedMark: DecimalMark?
    private let toldMark: NumberConvention.Evidence?
    /// The file's decimal mark, as its credits tell it.
    private(set) var numbers = NumberConvention(requested: nil, delimiter: .comma)

    /// A reader with the decimal mark and column headers given by the user, or the mark told
    /// by an earlier reading of the same file.
    init(options: UsageImportOptions, told: NumberConvention.Evidence? = nil) {
        requestedMark = options.decimalMark
        toldMark = told
        matcher = HeaderMatcher(givenNames: options.givenColumns)
    }

    mutating func begin(delimiter: UInt8) {
        numbers = NumberConvention(requested: requestedMark, delimiter: delimiter, told: toldMark)
    }

    mutating func readHeader(_ record: CSVRecord, log: inout DiagnosticLog) -> Bool {
        let match = matcher.match(record)
        guard let seat = match.indices[.seat] else { return false }
        // A row with a number in it is data, whatever its other cells say.
        if match.cells.contains(where: { cell in
            Array(cell.utf8).withUnsafeBufferPointer { WholeNumber.plainDigits($0) != nil }
        }) {
            return false
        }
        if let month = match.indices[.month], let credits = match.indices[.credits] {
            format = .long
            monthColumn = month
            creditsColumn = credits
        } else if match.indices[.credits] == nil, readMonthColumns(match, log: &log) {
            format = .wide
        } else {
            return false
        }
        for duplicate in match.duplicates { log.error(duplicate, line: record.line) }
        headerLine = record.line
        seatColumn = seat
        workspaceColumn = match.indices[.workspace]
        planColumn = match.indices[.plan]
        headerFieldCount = record.count
        let used = [seat, workspaceColumn, planColumn] + (format == .long ? [monthColumn, creditsColumn] : monthColumns.map(\.index))
        requiredFieldCount = used.compactMap { $0 }.max()! + 1
        accumulator.hasWorkspaceColumn = workspaceColumn != nil
        if workspaceColumn == nil { defaultWorkspace = accumulator.defaultWorkspace() }
        return true
    }

    /// Finds the month columns of a wide header: at least one cell shaped like a month. Cells
    /// that are no month at all (`Total`, `Department`) are ignored with a warning; cells shaped
    /// like a month but unreadable (`Mai 2026`) are errors.
    private mutating func readMonthColumns(_ match: HeaderMatcher<UsageColumn>.Match, log: inout DiagnosticLog) -> Bool {
        let candidates = match.cells.indices.filter { !match.isRecognised($0) && !match.cells[$0].isEmpty }
        let parsed = candidates.map { index in
            Array(match.cells[index].utf8).withUnsafeBufferPointer { MonthParser.parse($0) }
        }
        guard parsed.contains(where: { $0 != .failure(.notAMonth) }) else { return false }
        var seen = Set<String>()
        for (index, result) in zip(candidates, parsed) {
            let text = match.cells[index]
            if result == .failure(.notAMonth) {
                log.warning("column \"\(text.messageExcerpt)\" is neither a month nor a known column; it is ignored", line: match.line)
                continue
            }
            guard seen.insert(text).inserted else {
                log.error("column \"\(text.messageExcerpt)\" appears twice; keep one", line: match.line)
                continue
            }
            let token = Array(text.utf8).withUnsafeBufferPointer { accumulator.month($0, line: match.line) }
            switch token {
            case let .success(token):
                monthColumns.append((index, token, text.messageExcerpt))
                columnCredits.append(0)
            case let .failure(problem): log.error(problem.message(field: "month column", text: text.messageExcerpt), line: match.line)
            }
        }
        return true
    }

    mutating func readRow(_ record: CSVRecord, log: inout DiagnosticLog) {
        let line = record.line
        var problems = RowProblems()
        defer { problems.report(line: line, log: &log) }
        // Inlined: it is called for every field the row uses.
        @inline(__always) func field(_ index: Int) -> UnsafeBufferPointer<UInt8> { record.bytes(at: index).trimmed }

        var workspace = defaultWorkspace
        if let workspaceColumn {
            switch accumulator.workspace(field(workspaceColumn), line: line) {
            case let .success(id): workspace = id
            case let .failure(problem):
                problems.add(problem, field: "workspace", bytes: field(workspaceColumn))
                return
            }
        }
        let seat: Int
        switch accumulator.seat(field(seatColumn), in: workspace, line: line) {
        case let .success(id): seat = id
        case let .failure(problem):
            problems.add(problem, field: "seat", bytes: field(seatColumn))
            return
        }
        if let planColumn, let problem = accumulator.setPlan(field(planColumn), seat: seat, line: line) {
            problems.add(problem, field: "plan", bytes: field(planColumn))
        }
        if format == .long {
            let month = accumulator.month(field(monthColumn), line: line)
            let credits = numbers.read(field(creditsColumn), line: line)
            if case let .failure(problem) = month { problems.add(problem, field: "month", bytes: field(monthColumn)) }
            if case let .failure(problem) = credits { problems.add(problem, field: "credits", bytes: field(creditsColumn)) }
            if case let .success(token) = month, case let .success(value) = credits, problems.isEmpty {
                accumulator.add(value, seat: seat, month: token, line: line, log: &log)
                creditsRead = Self.saturatingSum(creditsRead, value)
            }
            return
        }
        var hasUsage = false
        for (position, column) in monthColumns.enumerated() {
            let cell = field(column.index)
            if cell.isEmpty { continue }
            hasUsage = true
            switch numbers.read(cell, line: line) {
            case let .success(value):
                accumulator.add(value, seat: seat, month: column.token, line: line, log: &log)
                columnCredits[position] = Self.saturatingSum(columnCredits[position], value)
            case let .failure(problem):
                problems.add(problem, field: "credits for \(column.text)", bytes: cell)
            }
        }
        if !hasUsage {
            log.warning("\(accumulator.describe(seat: seat)) has no credits in any month; the row is skipped", line: line)
        }
    }

    private static func saturatingSum(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? .max : sum
    }

    func totalLabel(_ record: CSVRecord) -> String? {
        if let workspaceColumn, workspaceColumn < record.count, let label = TableReader.totalLabel(record.bytes(at: workspaceColumn)) {
            return label
        }
        return seatColumn < record.count ? TableReader.totalLabel(record.bytes(at: seatColumn)) : nil
    }

    /// A wide file's row with only a seat in its first cell is that seat's row without usage.
    func mayBeNote(_ record: CSVRecord) -> Bool {
        (format == .long || seatColumn != 0) && TableReader.isNote(record)
    }

    mutating func checkTotal(_ record: CSVRecord, label: String, log: inout DiagnosticLog) {
        let line = record.line
        func value(at index: Int) -> Int? {
            guard index < record.count, !record.bytes(at: index).trimmed.isEmpty else { return nil }
            return try? numbers.read(record.bytes(at: index).trimmed, line: line).get()
        }
        var differences: [String] = []
        if format == .long {
            let month = monthColumn < record.count ? record.bytes(at: monthColumn).trimmed : UnsafeBufferPointer(start: nil, count: 0)
            // A total of one month is not compared with the whole file.
            if month.isEmpty, let total = value(at: creditsColumn), total != creditsRead {
                differences.append("gives \(total.groupedThousands) credits where the rows above add up to \(creditsRead.groupedThousands)")
            }
        } else {
            for (position, column) in monthColumns.enumerated() {
                guard let total = value(at: column.index), total != columnCredits[position] else { continue }
                differences.append(
                    "gives \(total.groupedThousands) credits for \(column.text) where the rows above add up to "
                        + columnCredits[position].groupedThousands)
            }
        }
        guard !differences.isEmpty else {
            log.warning("skipped the \"\(label)\" row; totals are computed from the seat rows", line: line)
            return
        }
        log.warning(
            "skipped the \"\(label)\" row, which \(differences.joined(separator: ", and ")); "
                + "check that every value was read as meant", line: line)
    }

    /// Everything but the accumulator and the sums is set by the header, which both read.
    mutating func absorb(_ later: inout UsageTableReader) -> Bool {
        creditsRead = Self.saturatingSum(creditsRead, later.creditsRead)
        for position in columnCredits.indices {
            columnCredits[position] = Self.saturatingSum(columnCredits[position], later.columnCredits[position])
        }
        return numbers.absorb(later.numbers) && accumulator.absorb(&later.accumulator)
    }

    func reportMissingHeader(log: inout DiagnosticLog) {
        log.error(
            matcher.missingColumnsMessage(
                required: [.seat, .month, .credits],
                hint: "or give one column per month, headed like 2026-04"),
            line: matcher.closest?.line)
    }

    /// Builds the history and checks the wide header's months once the date order is known.
    mutating func finish(options: UsageImportOptions, log: inout DiagnosticLog) -> UsageAccumulator.Summary {
        numbers.finish(field: "credits", log: &log)
        let summary = accumulator.finish(dateOrder: options.dateOrder, log: &log)
        var columnsByMonth: [Month: String] = [:]
        for column in monthColumns {
            guard let month = summary.tokenMonths[column.token] else { continue }
            if let earlier = columnsByMonth[month] {
                log.error("columns \"\(earlier)\" and \"\(column.text)\" are the same month, \(month); keep one", line: headerLine)
            } else {
                columnsByMonth[month] = column.text
            }
        }
        return summary
    }
}
