import CreditCore

/// Sums the credits of a usage file per seat and month as rows stream in, in memory bounded by
/// the distinct seats and months, and builds the `UsageHistory` once the file is read.
///
/// Months are kept as the distinct texts the file writes them in (tokens) until the end,
/// because a full date such as `04/01/2026` can only be read once the file's date order is known.
struct UsageAccumulator {
    /// One seat's credits in one month token.
    struct Cell {
        var credits = 0
        /// The line of the first row, negated once a later row for the same seat and token was
        /// reported (so that a key is reported once); 0 while the seat has no row for the token.
        /// One field for both keeps a cell at 16 bytes.
        private var markedLine: Int32 = 0
        /// The month token.
        private(set) var token: Int32

        init(token: Int) {
            self.token = Int32(truncatingIfNeeded: token)
        }

        /// The line of the first row; 0 while the seat has no row for the token.
        var line: Int { Int(markedLine.magnitude) }
        /// Whether a later row was reported.
        var repeated: Bool { markedLine < 0 }

        /// The first row's credits, from `line`.
        mutating func start(_ credits: Int, line: Int) {
            self.credits = credits
            markedLine = Int32(clamping: line)
        }

        /// Gives the cell the number its token has in the accumulator it moves into.
        mutating func renumber(_ token: Int32) {
            self.token = token
        }

        /// Notes that a later row was reported.
        mutating func markRepeated() {
            if markedLine > 0 { markedLine = -markedLine }
        }
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

    /// The longest history read: 20 years of months. Every seat holds a credit count per month
    /// of the history, so a mistyped year (`2062`, `0226`) must not stretch it to centuries.
    static let maxMonths = 240

    /// Whether the file names workspaces; messages then name a seat's workspace too.
    var hasWorkspaceColumn = false
    private var workspaces = NameTable()
    private var seats = NameTable()
    private var plans = NameTable()
    private var seatWorkspaces: [Int] = []
    private var seatPlans: [Int] = []
    /// Per seat, a cell for each month token it has rows in, in token order. Memory follows
    /// the rows, never seats × tokens: a file may write every row's month differently (a
    /// different day each time), or have 240 month columns, and both cost what their cells do.
    /// Rows nearly always come in token order for a seat (tokens are numbered in order of
    /// first appearance), so a cell is nearly always appended; otherwise it is found by
    /// binary search.
    private(set) var cells: [[Cell]] = []
    private var monthTable = ByteInterner()
    private var tokens: [MonthToken] = []
    /// Per token, whether it reads as a month; apart from `tokens` to keep the per-row check cheap.
    private var tokenReadable: [Bool] = []
    private var tokenUsed: [Bool] = []

    /// The workspace named in `field` on `line`.
    mutating func workspace(_ field: UnsafeBufferPointer<UInt8>, line: Int) -> Result<Int, FieldProblem> {
        workspaces.id(of: field, line: line)
    }

    /// The single workspace of a file without a workspace column.
    mutating func defaultWorkspace() -> Int {
        workspaces.id(of: UsageHistory.defaultWorkspaceName)
    }

    /// The seat named in `field` on `line`, within `workspace`.
    mutating func seat(_ field: UnsafeBufferPointer<UInt8>, in workspace: Int, line: Int) -> Result<Int, FieldProblem> {
        let result = seats.id(of: field, scope: workspace, line: line)
        if case let .success(id) = result, id == cells.count {
            cells.append([])
            seatWorkspaces.append(workspace)
            seatPlans.append(-1)
        }
        return result
    }

    /// Records the plan in `field` as the seat's: the last row that names one wins, so a seat
    /// that changed plan ends on its latest plan in a file sorted by month.
    mutating func setPlan(_ field: UnsafeBufferPointer<UInt8>, seat: Int, line: Int) -> FieldProblem? {
        if field.isEmpty { return nil }
        switch plans.id(of: field, line: line) {
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
        let count = cells[seat].count
        // The common case, a seat's first row for a month after its others, appends the cell
        // whole: one access to the seat's cells per row.
        if count == 0 || cells[seat][count - 1].token < Int32(truncatingIfNeeded: token) {
            var cell = Cell(token: token)
            cell.start(credits, line: line)
            appendCell(cell, seat: seat)
            return
        }
        let index = cellIndex(seat: seat, token: token)
        // Through a local: `merge` reads `self`, and passing `&cells[seat][index]` would make
        // Swift copy the whole accumulator on every row to keep that read exclusive.
        var cell = cells[seat][index]
        merge(credits, into: &cell, seat: seat, token: token, line: line, log: &log)
        cells[seat][index] = cell
    }

    /// Appends `cell`, of a later token than the seat's others, to `seat`'s cells.
    @inline(__always)
    private mutating func appendCell(_ cell: Cell, seat: Int) {
        if seat > 0, cells[seat].isEmpty {
            // As many as the seat before holds: seats of one file look alike, and this spares
            // the growth steps of a wide file's 240 months.
            cells[seat].reserveCapacity(cells[seat - 1].count)
        }
        cells[seat].append(cell)
    }

    /// Where `seat`'s cell of `token` is, made empty (`line` 0) where the seat had none.
    private mutating func cellIndex(seat: Int, token: Int) -> Int {
        let count = cells[seat].count
        if count == 0 || cells[seat][count - 1].token < token {
            appendCell(Cell(token: token), seat: seat)
            return count
        }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if cells[seat][middle].token < token { low = middle + 1 } else { high = middle }
        }
        if cells[seat][low].token != token { cells[seat].insert(Cell(token: token), at: low) }
        return low
    }

    /// Takes in what `later`, a copy of this accumulator made right after the header, read from
    /// the rows that follow this one's: its workspaces, seats, plans and month tokens are
    /// renumbered after this one's, so that ids stay in order of first appearance in the file,
    /// and its cells are added, so that the two end as one accumulator of all the rows would.
    ///
    /// Meant for parts read without a diagnostic: `false` when a seat has a row for one month
    /// token in both, a duplicate that a reading of the whole file would have reported as it
    /// met it. The accumulator is then part-merged, to be thrown away. `later`'s cells are
    /// released seat by seat as they are added, which lowers the merge's peak memory.
    mutating func absorb(_ later: inout UsageAccumulator) -> Bool {
        // A name under two spellings is reported where it is met: such a file is read in one go.
        guard
            ![workspaces, seats, plans, later.workspaces, later.seats, later.plans].contains(where: \.hasOtherSpellings)
        else { return false }
        let workspaceIDs = workspaces.merge(later.workspaces)
        let seatIDs = seats.merge(later.seats) { workspaceIDs[$0] }
        let planIDs = plans.merge(later.plans)
        for (laterSeat, seat) in seatIDs.enumerated() where seat == cells.count {
            cells.append([])
            seatWorkspaces.append(workspaceIDs[later.seatWorkspaces[laterSeat]])
            seatPlans.append(-1)
        }
        // The later row that names a plan wins, as in `setPlan`.
        for (laterSeat, plan) in later.seatPlans.enumerated() where plan >= 0 {
            seatPlans[seatIDs[laterSeat]] = planIDs[plan]
        }
        let tokenIDs = later.tokens.indices.map { laterToken in
            let token = later.monthTable.withBytes(of: laterToken) { bytes in
                if let token = monthTable.id(of: bytes) { return token }
                tokens.append(later.tokens[laterToken])
                tokenReadable.append(later.tokenReadable[laterToken])
                tokenUsed.append(false)
                return monthTable.insert(bytes)
            }
            tokenUsed[token] = tokenUsed[token] || later.tokenUsed[laterToken]
            return token
        }
        for laterSeat in later.cells.indices {
            // Taken out, not copied, so that it can be renumbered in place.
            var laterCells: [Cell] = []
            swap(&laterCells, &later.cells[laterSeat])
            let seat = seatIDs[laterSeat]
            if cells[seat].isEmpty {
                // A seat first met in the later part (nearly all of them): its cells move over
                // whole, renumbered, in token order. Through a buffer, as the merge runs on one
                // thread while the others wait: the array checked its uniqueness on every cell.
                let inOrder = laterCells.withUnsafeMutableBufferPointer { laterCells in
                    var inOrder = true
                    for index in laterCells.indices {
                        laterCells[index].renumber(Int32(truncatingIfNeeded: tokenIDs[Int(laterCells[index].token)]))
                        if index > 0 && laterCells[index - 1].token >= laterCells[index].token { inOrder = false }
                    }
                    return inOrder
                }
                if !inOrder { laterCells.sort { $0.token < $1.token } }
                cells[seat] = laterCells
                continue
            }
            for cell in laterCells {
                let index = cellIndex(seat: seat, token: tokenIDs[Int(cell.token)])
                guard cells[seat][index].line == 0 else { return false }
                var placed = Cell(token: tokenIDs[Int(cell.token)])
                placed.start(cell.credits, line: cell.line)
                cells[seat][index] = placed
            }
        }
        return true
    }

    /// Puts a row's credits into `cell`: the first row's as they are, a later row's summed and
    /// reported once.
    private func merge(_ credits: Int, into cell: inout Cell, seat: Int, token: Int, line: Int, log: inout DiagnosticLog) {
        if cell.line == 0 {
            cell.start(credits, line: line)
            return
        }
        let (sum, overflow) = cell.credits.addingReportingOverflow(credits)
        if overflow {
            log.error("the credits of \(describe(seat: seat)) in \(tokens[token].text) add up to more than 64 bits", line: line)
            return
        }
        cell.credits = sum
        if !cell.repeated {
            cell.markRepeated()
            log.warning(duplicateMessage(seat: seat, month: tokens[token].text, firstLine: cell.line), line: line)
        }
    }

    /// The seat for messages: `seat "ana"`, with its workspace when the file names workspaces.
    func describe(seat: Int) -> String {
        let name = "seat \"\(seats.names[seat].messageExcerpt)\""
        return hasWorkspaceColumn ? "\(name) of workspace \"\(workspaces.names[seatWorkspaces[seat]].messageExcerpt)\"" : name
    }

    /// Whether the months from `first` to `last` fit in `maxMonths`; reports them when not. Every
    /// seat holds a month array this long: one mistyped year must not exhaust memory.
    private func spanFits(from first: Month, to last: Month, tokenMonths: [Month?], log: inout DiagnosticLog) -> Bool {
        guard first.distance(to: last) + 1 > Self.maxMonths else { return true }
        let firstLine = self.firstLine(of: first, tokenMonths: tokenMonths)
        let lastLine = self.firstLine(of: last, tokenMonths: tokenMonths)
        log.error(
            "the months run from \(first) (line \(firstLine)) to \(last) (line \(lastLine)), more than "
                + "\(Self.maxMonths / 12) years; check for a mistyped year",
            line: max(firstLine, lastLine))
        return false
    }

    /// Reports each workspace whose credits in a month pass what a value may be: a workspace's
    /// month is priced as a whole, so its total must stay within the limit too.
    private func checkMonthTotals(
        _ seatsByWorkspace: [[SeatHistory]], from firstMonth: Month, monthCount: Int, log: inout DiagnosticLog
    ) {
        for (workspace, seats) in seatsByWorkspace.enumerated() {
            var monthTotals = [Int](repeating: 0, count: monthCount)
            for seat in seats {
                let (leadingZeros, recorded) = (seat.usage.leadingZeros, seat.usage.recorded)
                for (index, credits) in recorded.enumerated() {
                    let offset = leadingZeros + index
                    let (sum, overflow) = monthTotals[offset].addingReportingOverflow(credits)
                    monthTotals[offset] = overflow ? WholeNumber.maximum + 1 : min(sum, WholeNumber.maximum + 1)
                }
            }
            if let offset = monthTotals.firstIndex(where: { $0 > WholeNumber.maximum }) {
                let name = hasWorkspaceColumn ? "workspace \"\(workspaces.names[workspace].messageExcerpt)\"" : "the file"
                log.error(
                    "the credits of \(name) in \(firstMonth.advanced(by: offset)) add up to more than "
                        + "\(WholeNumber.maximum.groupedThousands); check for a wrong value",
                    line: nil)
            }
        }
    }

    /// Reports each name met under two Unicode spellings, which are one name (NFC).
    private func reportSpellings(log: inout DiagnosticLog) {
        let kinds = [("workspace", workspaces), ("seat", seats), ("plan", plans)]
        for (kind, table) in kinds {
            for collapse in table.collapsed {
                log.warning(
                    "\(kind) \"\(table.names[collapse.id].messageExcerpt)\" is written with other Unicode characters than on "
                        + "line \(collapse.firstLine) (the same letters, composed differently); both are read as one \(kind)",
                    line: collapse.line)
            }
        }
    }

    /// The first line of a row in `month`, a month some row has.
    private func firstLine(of month: Month, tokenMonths: [Month?]) -> Int {
        tokens.indices.first { tokenUsed[$0] && tokenMonths[$0] == month }.map { tokens[$0].line } ?? 0
    }

    private func duplicateMessage(seat: Int, month: String, firstLine: Int) -> String {
        "\(describe(seat: seat)) has another row for \(month) (first on line \(firstLine)); their credits were summed"
    }

    /// Reads the months in the file's date order and builds the history, reporting what only
    /// shows once the whole file is read: the date order, rows that turn out to be the same
    /// month, credits that add up beyond 64 bits. The cells are released seat by seat as the
    /// history is built, so the two are never held whole at once; the accumulator is spent.
    mutating func finish(dateOrder requested: DateOrder?, log: inout DiagnosticLog) -> Summary {
        let pending = tokens.compactMap { token -> PendingDate? in
            guard case let .success(.fullDate(date)) = token.parsed else { return nil }
            return PendingDate(date: date, text: token.text, line: token.line)
        }
        let outcome = DateOrderResolver.resolve(pending, requested: requested, log: &log)
        let tokenMonths = tokens.map { token -> Month? in
            guard case let .success(parsed) = token.parsed else { return nil }
            return outcome.month(of: parsed)
        }
        let tokenDays = tokens.map { token -> Int? in
            guard case let .success(parsed) = token.parsed else { return nil }
            return outcome.day(of: parsed)
        }
        let dateOrder = outcome.dateOrder
        let months = Set(tokens.indices.filter { tokenUsed[$0] }.compactMap { tokenMonths[$0] }).sorted()
        guard let firstMonth = months.first, let lastMonth = months.last else {
            return Summary(history: nil, months: [], dateOrder: dateOrder, tokenMonths: tokenMonths)
        }
        let monthCount = firstMonth.distance(to: lastMonth) + 1
        guard spanFits(from: firstMonth, to: lastMonth, tokenMonths: tokenMonths, log: &log) else {
            return Summary(history: nil, months: months, dateOrder: dateOrder, tokenMonths: tokenMonths)
        }
        var seatsByWorkspace = [[SeatHistory]](repeating: [], count: workspaces.names.count)
        var fold = SeatMonthFold(
            firstMonth: firstMonth, monthCount: monthCount, tokenMonths: tokenMonths, tokenDays: tokenDays)
        var total = 0
        var totalOverflows = false
        for seat in cells.indices {
            let seatCells = cells[seat]
            cells[seat] = []
            for cell in seatCells {
                guard let repeated = fold.take(cell.credits, line: cell.line, token: Int(cell.token)) else { continue }
                log.warning(
                    duplicateMessage(seat: seat, month: repeated.month.description, firstLine: repeated.firstLine),
                    line: repeated.laterLine)
            }
            guard let (firstOffset, usage) = fold.endSeat() else { continue }
            for credits in usage {
                let (sum, overflow) = total.addingReportingOverflow(credits)
                total = sum
                totalOverflows = totalOverflows || overflow
            }
            let plan = seatPlans[seat] < 0 ? nil : plans.names[seatPlans[seat]].lowercased()
            seatsByWorkspace[seatWorkspaces[seat]].append(
                SeatHistory(
                    id: seats.names[seat], plan: plan, firstOffset: firstOffset,
                    usage: SeatUsage(leadingZeros: firstOffset, recorded: usage)))
        }
        totalOverflows = totalOverflows || fold.overflows
        reportSpellings(log: &log)
        if let dailyLine = fold.dailyLine {
            log.warning(
                "the file has a row per day (line \(dailyLine) is a seat's second day of a month); "
                    + "each seat's credits are summed per month", line: dailyLine)
        }
        if totalOverflows {
            log.error("the credits of the file add up to more than 64 bits; check for a wrong value", line: nil)
        }
        checkMonthTotals(seatsByWorkspace, from: firstMonth, monthCount: monthCount, log: &log)
        let workspaceHistories = workspaces.names.indices
            .filter { !seatsByWorkspace[$0].isEmpty }
            .map { WorkspaceHistory(name: workspaces.names[$0], seats: seatsByWorkspace[$0].sorted { $0.id < $1.id }) }
            .sorted { $0.name < $1.name }
        let history = UsageHistory(
            workspaces: workspaceHistories, firstMonth: firstMonth, lastMonth: lastMonth,
            hasWorkspaceColumn: hasWorkspaceColumn)
        return Summary(history: history, months: months, dateOrder: dateOrder, tokenMonths: tokenMonths)
    }
}
