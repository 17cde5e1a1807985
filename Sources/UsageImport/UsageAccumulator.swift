import CreditCore

/// Sums the credits of a usage file per seat and month as rows stream in, in memory bounded by
/// the distinct seats and months, and builds the `UsageHistory` once the file is read.
///
/// Months are kept as the distinct texts the file writes them in (tokens) until the end,
/// because a full date such as `04/01/2026` can only be read once the file's date order is known.
struct UsageAccumulator {
    /// One seat's credits in one month token.
    private struct Cell {
        var credits = 0
        /// The line of the first row; 0 while the seat has no row for the token.
        var line: Int32 = 0
        /// Whether a duplicate row was already reported, so that a key is reported once.
        var repeated = false
    }

    /// A distinct month text of the file.
    private struct MonthToken {
        var parsed: Result<ParsedMonth, FieldProblem>
        var text: String
        var line: Int
    }

    /// What the file holds, once read.
    struct Summary {
        /// The history, `nil` when no row could be read.
        var history: UsageHistory?
        /// The months that have at least one row, in order.
        var months: [Month]
        /// The order full dates were read in, `nil` when none needed one.
        var dateOrder: DateOrder?
        /// The month of each token, `nil` where it is unreadable.
        var tokenMonths: [Month?]
    }

    /// Whether the file names workspaces; messages then name a seat's workspace too.
    var hasWorkspaceColumn = false
    private var workspaces = NameTable()
    private var seats = NameTable()
    private var plans = NameTable()
    private var seatWorkspaces: [Int] = []
    private var seatPlans: [Int] = []
    /// Per seat, its cells indexed by month token.
    private var cells: [[Cell]] = []
    private var monthTable = ByteInterner()
    private var tokens: [MonthToken] = []
    /// Per token, whether it reads as a month; apart from `tokens` to keep the per-row check cheap.
    private var tokenReadable: [Bool] = []
    private var tokenUsed: [Bool] = []

    /// The workspace named in `field`.
    mutating func workspace(_ field: UnsafeBufferPointer<UInt8>) -> Result<Int, FieldProblem> {
        workspaces.id(of: field)
    }

    /// The single workspace of a file without a workspace column.
    mutating func defaultWorkspace() -> Int {
        workspaces.id(of: UsageHistory.defaultWorkspaceName)
    }

    /// The seat named in `field`, within `workspace`.
    mutating func seat(_ field: UnsafeBufferPointer<UInt8>, in workspace: Int) -> Result<Int, FieldProblem> {
        let result = seats.id(of: field, scope: workspace)
        if case let .success(id) = result, id == cells.count {
            cells.append([])
            seatWorkspaces.append(workspace)
            seatPlans.append(-1)
        }
        return result
    }

    /// Records the plan in `field` as the seat's: the last row that names one wins, so a seat
    /// that changed plan ends on its latest plan in a file sorted by month.
    mutating func setPlan(_ field: UnsafeBufferPointer<UInt8>, seat: Int) -> FieldProblem? {
        if field.isEmpty { return nil }
        switch plans.id(of: field) {
        case let .success(id):
            seatPlans[seat] = id
            return nil
        case let .failure(problem):
            return problem
        }
    }

    /// The month token written in `field` on `line`, or why it is not a month.
    mutating func month(_ field: UnsafeBufferPointer<UInt8>, line: Int) -> Result<Int, FieldProblem> {
        let id: Int
        if let found = monthTable.id(of: field) {
            id = found
        } else {
            if field.isEmpty { return .failure(.empty) }
            if let problem = field.encodingProblem { return .failure(problem) }
            id = monthTable.insert(field)
            let parsed = MonthParser.parse(field)
            tokens.append(MonthToken(parsed: parsed, text: field.messageText, line: line))
            tokenReadable.append((try? parsed.get()) != nil)
            tokenUsed.append(false)
        }
        if tokenReadable[id] { return .success(id) }
        guard case let .failure(problem) = tokens[id].parsed else { preconditionFailure("a readable token") }
        return .failure(problem)
    }

    /// Adds a row's credits; a second row for the same seat and month is summed and reported.
    mutating func add(_ credits: Int, seat: Int, month token: Int, line: Int, log: inout DiagnosticLog) {
        tokenUsed[token] = true
        if cells[seat].count <= token {
            // Up to every month met so far at once: most seats have a row in most months.
            cells[seat].append(contentsOf: repeatElement(Cell(), count: tokens.count - cells[seat].count))
        }
        let cell = cells[seat][token]
        if cell.line == 0 {
            cells[seat][token] = Cell(credits: credits, line: Int32(clamping: line))
            return
        }
        let (sum, overflow) = cell.credits.addingReportingOverflow(credits)
        if overflow {
            log.error("the credits of \(describe(seat: seat)) in \(tokens[token].text) add up to more than 64 bits", line: line)
            return
        }
        cells[seat][token].credits = sum
        if !cell.repeated {
            cells[seat][token].repeated = true
            log.warning(duplicateMessage(seat: seat, month: tokens[token].text, firstLine: Int(cell.line)), line: line)
        }
    }

    /// The seat for messages: `seat "ana"`, with its workspace when the file names workspaces.
    func describe(seat: Int) -> String {
        let name = "seat \"\(seats.names[seat])\""
        return hasWorkspaceColumn ? "\(name) of workspace \"\(workspaces.names[seatWorkspaces[seat]])\"" : name
    }

    private func duplicateMessage(seat: Int, month: String, firstLine: Int) -> String {
        "\(describe(seat: seat)) has another row for \(month) (first on line \(firstLine)); their credits were summed"
    }

    /// Reads the months in the file's date order and builds the history, reporting what only
    /// shows once the whole file is read: the date order, rows that turn out to be the same
    /// month, credits that add up beyond 64 bits.
    func finish(
        file: String, rowCount: Int, dateOrder requested: DateOrder?, log: inout DiagnosticLog
    ) -> Summary {
        let pending = tokens.compactMap { token -> PendingDate? in
            guard case let .success(.fullDate(date)) = token.parsed else { return nil }
            return PendingDate(date: date, text: token.text, line: token.line)
        }
        let outcome = DateOrderResolver.resolve(pending, requested: requested, log: &log)
        let tokenMonths = tokens.map { token -> Month? in
            guard case let .success(parsed) = token.parsed else { return nil }
            return outcome.month(of: parsed)
        }
        let dateOrder = outcome.dateOrder
        let months = Set(tokens.indices.filter { tokenUsed[$0] }.compactMap { tokenMonths[$0] }).sorted()
        guard let firstMonth = months.first, let lastMonth = months.last else {
            return Summary(history: nil, months: [], dateOrder: dateOrder, tokenMonths: tokenMonths)
        }
        let monthCount = firstMonth.distance(to: lastMonth) + 1
        var seatsByWorkspace = [[SeatHistory]](repeating: [], count: workspaces.names.count)
        var firstLines = [Int](repeating: 0, count: monthCount)
        var total = 0
        var totalOverflows = false
        for seat in cells.indices {
            var usage = [Int](repeating: 0, count: monthCount)
            var firstOffset = Int.max
            for index in firstLines.indices { firstLines[index] = 0 }
            for (token, cell) in cells[seat].enumerated() where cell.line != 0 {
                guard let month = tokenMonths[token] else { continue }
                let offset = firstMonth.distance(to: month)
                firstOffset = min(firstOffset, offset)
                guard firstLines[offset] != 0 else {
                    usage[offset] = cell.credits
                    firstLines[offset] = Int(cell.line)
                    continue
                }
                // Two spellings of one month (`2026-04` and `Apr 2026`, or two days of it).
                let (first, later) = (min(firstLines[offset], Int(cell.line)), max(firstLines[offset], Int(cell.line)))
                log.warning(duplicateMessage(seat: seat, month: month.description, firstLine: first), line: later)
                let (sum, overflow) = usage[offset].addingReportingOverflow(cell.credits)
                usage[offset] = overflow ? Int.max : sum
                totalOverflows = totalOverflows || overflow
            }
            guard firstOffset != .max else { continue }
            for credits in usage {
                let (sum, overflow) = total.addingReportingOverflow(credits)
                total = sum
                totalOverflows = totalOverflows || overflow
            }
            let plan = seatPlans[seat] < 0 ? nil : plans.names[seatPlans[seat]].lowercased()
            seatsByWorkspace[seatWorkspaces[seat]].append(
                SeatHistory(id: seats.names[seat], plan: plan, firstOffset: firstOffset, usage: usage))
        }
        if totalOverflows {
            log.error("the credits of the file add up to more than 64 bits; check for a wrong value", line: nil)
        }
        let workspaceHistories = workspaces.names.indices
            .filter { !seatsByWorkspace[$0].isEmpty }
            .map { WorkspaceHistory(name: workspaces.names[$0], seats: seatsByWorkspace[$0].sorted { $0.id < $1.id }) }
            .sorted { $0.name < $1.name }
        let history = UsageHistory(
            file: file, workspaces: workspaceHistories, firstMonth: firstMonth, lastMonth: lastMonth,
            hasWorkspaceColumn: hasWorkspaceColumn, rowCount: rowCount, warnings: [])
        return Summary(history: history, months: months, dateOrder: dateOrder, tokenMonths: tokenMonths)
    }
}
