import CreditCore

/// What `creditcast check FILE` reports about a usage file: its shape, its totals and every
/// problem found, even when the file cannot be imported.
public struct UsageCheck: Sendable, Equatable {
    /// The file, as given.
    public var file: String
    /// The layout found, `nil` when no header was found.
    public var format: UsageFormat?
    /// The field separator used, `nil` when the file could not be read.
    public var delimiter: UInt8?
    /// The order full dates were read in, `nil` when the file has none that needed one.
    public var dateOrder: DateOrder?
    /// Data rows read (not the header, title lines, blank lines or a total row).
    public var rows: Int
    /// Distinct seats (workspace and seat) with usage.
    public var seats: Int
    /// Workspaces with usage.
    public var workspaces: Int
    /// The months that have rows, in order.
    public var months: [Month]
    /// All credits read.
    public var totalCredits: Int
    /// Credits per month with rows.
    public var creditsByMonth: [Month: Int]
    /// Credits per seat, keyed `seat`, or `workspace/seat` when the file names workspaces.
    public var creditsBySeat: [String: Int]
    /// The errors, in line order.
    public var errors: [ImportDiagnostic]
    /// The warnings, in line order.
    public var warnings: [ImportDiagnostic]

    init(
        file: String, format: UsageFormat?, delimiter: UInt8?, dateOrder: DateOrder?, rows: Int,
        history: UsageHistory?, months: [Month], errors: [ImportDiagnostic], warnings: [ImportDiagnostic]
    ) {
        self.file = file
        self.format = format
        self.delimiter = delimiter
        self.dateOrder = dateOrder
        self.rows = rows
        self.months = months
        self.errors = errors
        self.warnings = warnings
        var creditsByOffset = [Int](repeating: 0, count: history?.monthCount ?? 0)
        var creditsBySeat: [String: Int] = [:]
        for workspace in history?.workspaces ?? [] {
            for seat in workspace.seats {
                let key = history!.hasWorkspaceColumn ? "\(workspace.name)/\(seat.id)" : seat.id
                // A file whose credits overflow has an error saying so; the summary saturates.
                creditsBySeat[key] = seat.usage.reduce(0, Self.saturatingSum)
                for (offset, credits) in seat.usage.enumerated() {
                    creditsByOffset[offset] = Self.saturatingSum(creditsByOffset[offset], credits)
                }
            }
        }
        self.seats = creditsBySeat.count
        self.workspaces = history?.workspaces.count ?? 0
        self.creditsByMonth =
            history.map { history in
                Dictionary(uniqueKeysWithValues: months.map { ($0, creditsByOffset[history.firstMonth.distance(to: $0)]) })
            } ?? [:]
        self.creditsBySeat = creditsBySeat
        self.totalCredits = creditsByOffset.reduce(0, Self.saturatingSum)
    }

    private static func saturatingSum(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? .max : sum
    }

    /// The summary as JSON with the keys `file, format, delimiter, rows, seats, workspaces,
    /// months, total_credits, credits_by_month, credits_by_seat, errors, warnings`, in that
    /// order, months and seats sorted: the same file always gives the same text.
    public func jsonText() -> String {
        func diagnostics(_ list: [ImportDiagnostic]) -> JSONValue {
            .array(list.map { .object([("line", $0.line.map(JSONValue.integer) ?? .null), ("message", .string($0.message))]) })
        }
        let json = JSONValue.object([
            ("file", .string(file)),
            ("format", format.map { .string($0.rawValue) } ?? .null),
            ("delimiter", delimiter.map { .string(String(UnicodeScalar($0))) } ?? .null),
            ("rows", .integer(rows)),
            ("seats", .integer(seats)),
            ("workspaces", .integer(workspaces)),
            ("months", .array(months.map { .string($0.description) })),
            ("total_credits", .integer(totalCredits)),
            ("credits_by_month", .object(creditsByMonth.sorted { $0.key < $1.key }.map { ($0.key.description, .integer($0.value)) })),
            ("credits_by_seat", .object(creditsBySeat.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ("errors", diagnostics(errors)),
            ("warnings", diagnostics(warnings)),
        ])
        return json.pretty + "\n"
    }

    /// A few lines for a person: the file's shape and totals, then each warning and error as
    /// `describing` words it (`file:line: message` unless a caller adds its options).
    public func text(describing: (ImportDiagnostic) -> String = \.description) -> String {
        var lines = ["file: \(file)"]
        if let format, let delimiter {
            lines.append("format: \(format), \(Self.delimiterName(delimiter))-separated")
        }
        lines.append("rows: \(rows.groupedThousands)")
        lines.append("seats: \(seats.groupedThousands) in \(workspaces.groupedThousands) workspace\(workspaces == 1 ? "" : "s")")
        if let first = months.first, let last = months.last {
            let count = first.distance(to: last) + 1
            lines.append("months: \(first) to \(last) (\(count) month\(count == 1 ? "" : "s"))")
        }
        if let dateOrder { lines.append("dates read as \(dateOrder.pattern) (--date-order \(dateOrder))") }
        lines.append("total credits: \(totalCredits.groupedThousands)")
        if !warnings.isEmpty {
            lines.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s"):")
            lines += warnings.map(describing)
        }
        if errors.isEmpty {
            lines.append("no errors")
        } else {
            lines.append("\(errors.count) error\(errors.count == 1 ? "" : "s"):")
            lines += errors.map(describing)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func delimiterName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        default: "\"\(String(UnicodeScalar(delimiter)))\""
        }
    }
}
