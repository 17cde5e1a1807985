import CSVStream
import CreditCore
import CreditForecast
import CreditLedger

/// A scenario CSV as a finance user edits it in a spreadsheet:
/// `scenario,month,seats,plan,usage_multiplier` and an optional `workspace`.
///
/// Each row changes, from its month on, the named scenario's seats (`12` sets the count, `+3` or
/// `-2` adds or removes), plan (accrual and cap follow) and usage multiplier (`1.2` is 20% more
/// than the baseline forecast); a blank cell keeps the value in force, a blank workspace means
/// every workspace. Columns are found by name, ignoring case, spaces and underscores. Every
/// problem is reported at once as `file:line: message`.
public struct ScenarioFile: Sendable, Equatable {
    /// The name reports give the forecast without changes; no scenario may take it.
    public static let baselineName = "baseline"
    /// The most problems reported from one file.
    public static let maximumProblems = 50

    /// The scenarios, in the order their names first appear.
    public var scenarios: [ForecastEngine.Scenario]
    /// Each workspace a row names, with the first line naming it, in file order.
    public var workspaceLines: [(name: String, line: Int)]

    /// Whether two files read the same (written out because tuples are not Equatable).
    public static func == (lhs: ScenarioFile, rhs: ScenarioFile) -> Bool {
        lhs.scenarios == rhs.scenarios && lhs.workspaceLines.elementsEqual(rhs.workspaceLines) { $0 == $1 }
    }

    /// The columns, by their normalised header names.
    private enum Column: String, CaseIterable {
        case scenario, month, seats, plan, workspace
        case usageMultiplier = "usagemultiplier"
    }

    /// Reads the file at `path`; plans are looked up in `pricing`.
    public init(fileAt path: String, pricing: Pricing) throws(DecisionError) {
        try self.init(file: path, pricing: pricing) { body in try CSVStreamReader().read(fileAt: path, body) }
    }

    /// Reads `bytes` as if from a file named `file` (for messages).
    public init(bytes: [UInt8], file: String, pricing: Pricing) throws(DecisionError) {
        try self.init(file: file, pricing: pricing) { body in try CSVStreamReader().read(bytes: bytes, body) }
    }

    private init(file: String, pricing: Pricing, read: ((CSVRecord) throws -> Void) throws -> Void) throws(DecisionError) {
        var problems: [String] = []
        var columns: [Column: Int]?
        // After an unusable header the rows cannot be read; their problems would only be noise.
        var headerSeen = false
        var order: [String] = []
        var changes: [String: [ForecastEngine.ScenarioChange]] = [:]
        var workspaces: [(name: String, line: Int)] = []
        func problem(_ line: Int, _ message: String) {
            if problems.count < Self.maximumProblems { problems.append("\(file):\(line): \(message)") }
        }
        do {
            try read { record in
                guard !record.isBlank else { return }
                guard headerSeen else {
                    headerSeen = true
                    columns = Self.header(record, file: file, problem: problem)
                    return
                }
                guard let found = columns else { return }
                func cell(_ column: Column) -> String {
                    guard let index = found[column], index < record.count else { return "" }
                    return (record.string(at: index) ?? "\u{FFFD}").trimmingSpaces
                }
                let line = record.line
                let name = cell(.scenario)
                var ok = true
                if name.isEmpty {
                    problem(line, "the scenario name is empty; name the scenario this row belongs to")
                    ok = false
                } else if name.lowercased() == Self.baselineName {
                    problem(line, "\"\(Self.baselineName)\" is the forecast without changes; give this scenario another name")
                    ok = false
                }
                let monthText = cell(.month)
                let month = Month(monthText)
                if month == nil {
                    problem(line, monthText.isEmpty
                        ? "the month is empty; give the first month the change holds, like 2027-01"
                        : "month \"\(monthText)\" is not readable; write months like 2027-01")
                    ok = false
                }
                var seats: ForecastEngine.SeatChange?
                let seatsText = cell(.seats)
                if !seatsText.isEmpty {
                    seats = Self.seatChange(seatsText)
                    if seats == nil {
                        problem(line, "seats \"\(seatsText)\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove")
                        ok = false
                    }
                }
                var plan: Plan?
                let planText = cell(.plan)
                if !planText.isEmpty {
                    do { plan = try pricing.plan(named: planText) } catch {
                        problem(line, "\(error)")
                        ok = false
                    }
                }
                var multiplier: ForecastEngine.UsageMultiplier?
                let multiplierText = cell(.usageMultiplier)
                if !multiplierText.isEmpty {
                    multiplier = ForecastEngine.UsageMultiplier(decimal: multiplierText)
                    if multiplier == nil {
                        problem(line, "usage_multiplier \"\(multiplierText)\" is not a plain decimal of 0 or more with at most 6 decimals, like 1.2")
                        ok = false
                    }
                }
                let workspace = cell(.workspace)
                guard ok, let month else { return }
                if changes[name] == nil { order.append(name) }
                changes[name, default: []].append(ForecastEngine.ScenarioChange(
                    workspace: workspace.isEmpty ? nil : workspace, from: month, seats: seats, plan: plan, usageMultiplier: multiplier
                ))
                if !workspace.isEmpty, !workspaces.contains(where: { $0.name == workspace }) { workspaces.append((workspace, line)) }
            }
        } catch let error as CSVStreamError {
            problems.append(error.line.map { "\(file):\($0): \(error.message)" } ?? "\(file): \(error.message)")
        } catch {
            problems.append("\(file): \(error)")
        }
        if !headerSeen, problems.isEmpty {
            problems.append("\(file): the file is empty; its first row must name the columns scenario,month,seats,plan,usage_multiplier")
        }
        guard problems.isEmpty else { throw .badScenarioFile(problems) }
        scenarios = order.map { ForecastEngine.Scenario(name: $0, changes: changes[$0]!) }
        workspaceLines = workspaces
    }

    /// Checks that every workspace a row names is one of `known`, so a misspelt name does not
    /// silently change nothing.
    public func checkWorkspaces(known: Set<String>, file: String) throws(DecisionError) {
        let unknown = workspaceLines.filter { !known.contains($0.name) }
        guard unknown.isEmpty else {
            throw .badScenarioFile(unknown.prefix(Self.maximumProblems).map {
                "\(file):\($0.line): workspace \"\($0.name)\" is not in the usage file; check its spelling, or leave the cell blank for every workspace"
            })
        }
    }

    /// The column of each header cell; `nil` (after reporting why) when the header is unusable.
    private static func header(_ record: CSVRecord, file: String, problem: (Int, String) -> Void) -> [Column: Int]? {
        var found: [Column: Int] = [:]
        var usable = true
        for index in 0..<record.count {
            let raw = record.string(at: index) ?? ""
            let key = raw.lowercased().filter { $0 != " " && $0 != "_" && $0 != "\t" }
            guard let column = Column(rawValue: key) else {
                problem(record.line, "column \"\(raw)\" is not a scenario column; the columns are scenario, month, seats, plan, usage_multiplier and workspace")
                usable = false
                continue
            }
            if found[column] != nil {
                problem(record.line, "column \"\(raw)\" appears twice")
                usable = false
            }
            found[column] = index
        }
        for column in [Column.scenario, .month] where found[column] == nil {
            problem(record.line, "the header has no \(column.rawValue) column; the first row must name the columns scenario,month,seats,plan,usage_multiplier")
            usable = false
        }
        return usable ? found : nil
    }

    /// `12` → set 12; `+3` → add 3; `-2` → remove 2.
    private static func seatChange(_ text: String) -> ForecastEngine.SeatChange? {
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

private extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
