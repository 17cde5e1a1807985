import CreditCore
import CreditLedger

/// The output of `creditcast ledger`: every workspace's month-by-month ledger in one of the
/// `LedgerFormat`s.
///
/// Workspaces are named (a `workspace` CSV column, a heading per block) only when the input
/// named them; a file without a workspace column prints as the vendor's walk-through does.
public struct LedgerReport: Sendable, Equatable {
    /// The workspaces, in the order printed.
    public var sections: [LedgerSection]

    /// A report of `sections`.
    public init(sections: [LedgerSection]) {
        self.sections = sections
    }

    /// A report of each workspace's rows; `workspace` is `nil` when the input had no workspace
    /// column.
    public init(workspaces: [(workspace: String?, rows: [LedgerMonth])]) {
        self.sections = workspaces.map { LedgerSection(workspace: $0.workspace, rows: $0.rows) }
    }

    /// Whether any workspace has a name, so that the output carries workspace names.
    public var namesWorkspaces: Bool { sections.contains { $0.workspace != nil } }

    /// The CSV header: the walk-through's columns, then the ones the walk-through never needs,
    /// after a leading `workspace` column when workspaces are named.
    public static let csvColumns = [
        "month", "opening", "accrual", "forfeited", "used", "purchased", "payg", "closing", "cap",
        "cost", "purchased_balance", "expired", "shortfall",
    ]

    /// The report in `format`, ending in a line break.
    public func rendered(as format: LedgerFormat) -> String {
        switch format {
        case .table: table
        case .csv: csv
        case .markdown: markdown
        case .json: json
        }
    }

    /// CSV: one row per workspace and month, plain numbers, money with two decimals.
    public var csv: String {
        let named = namesWorkspaces
        var table = CSVTable(header: (named ? ["workspace"] : []) + Self.csvColumns)
        for section in sections {
            for row in section.rows {
                let workspace: [CSVCell] = named ? [section.workspace.map(CSVCell.text) ?? .empty] : []
                table.rows.append(
                    workspace + [
                        .month(row.month), .integer(row.opening), .integer(row.accrual), .integer(row.forfeited),
                        .integer(row.used), .integer(row.purchased), .integer(row.payAsYouGo), .integer(row.closing),
                        .integer(row.cap), .money(row.cost), .integer(row.purchasedBalance), .integer(row.expired),
                        .integer(row.shortfall),
                    ])
            }
        }
        return table.text
    }

    /// Aligned plain text, one block per workspace (headed by its name when named), each with a
    /// totals line for the flows (accrual, forfeited, used, purchased, payg, cost).
    public var table: String {
        blocks { section in
            let heading = section.workspace.map { "workspace: \(ReportText.singleLine($0))\n" } ?? ""
            let table = TextTable(
                headings: Self.humanColumns.map(\.title), alignments: Self.humanColumns.map(\.alignment),
                rows: Self.humanRows(section.rows)
            )
            return heading + table.text
        }
    }

    /// A GitHub-flavoured table per workspace, under a heading with its name when named.
    public var markdown: String {
        blocks { section in
            let heading = section.workspace.map { "## \(MarkdownTable.escape($0))\n\n" } ?? ""
            return heading + MarkdownTable(columns: Self.humanColumns, rows: Self.humanRows(section.rows)).text
        }
    }

    /// `{"workspaces":[{"workspace":…,"months":[{"month":"2026-04","opening":0,…}]}]}` on one
    /// line: keys in column order and snake_case, money as a decimal string so no reader turns
    /// it into a binary float.
    public var json: String {
        let workspaces = sections.map { section in
            JSONValue.object([
                ("workspace", .optional(section.workspace)),
                (
                    "months",
                    .array(
                        section.rows.map { row in
                            .object([
                                ("month", .string(row.month.description)),
                                ("opening", .integer(row.opening)),
                                ("accrual", .integer(row.accrual)),
                                ("forfeited", .integer(row.forfeited)),
                                ("used", .integer(row.used)),
                                ("purchased", .integer(row.purchased)),
                                ("payg", .integer(row.payAsYouGo)),
                                ("closing", .integer(row.closing)),
                                ("cap", .integer(row.cap)),
                                ("cost", .string(row.cost.description)),
                                ("purchased_balance", .integer(row.purchasedBalance)),
                                ("expired", .integer(row.expired)),
                                ("shortfall", .integer(row.shortfall)),
                            ])
                        })
                ),
            ])
        }
        return JSONValue.object([("workspaces", .array(workspaces))]).compact + "\n"
    }

    /// The blocks of every section, separated by a blank line.
    private func blocks(_ render: (LedgerSection) -> String) -> String {
        sections.map(render).joined(separator: "\n")
    }

    /// The columns people read, shared by the text table and the Markdown table.
    private static let humanColumns: [MarkdownTable.Column] = [
        .init("month"), .init("opening", .right), .init("accrual", .right), .init("forfeited", .right),
        .init("used", .right), .init("purchased", .right), .init("payg", .right), .init("closing", .right),
        .init("cap", .right), .init("cost", .right),
    ]

    /// Rows for people: thousands separators, cost in dollars, then a totals line of the flows
    /// (balances and caps do not add up, so their total cells stay empty).
    private static func humanRows(_ rows: [LedgerMonth]) -> [[String]] {
        var body = rows.map { row in
            [row.month.description]
                + [row.opening, row.accrual, row.forfeited, row.used, row.purchased, row.payAsYouGo, row.closing, row.cap]
                .map(\.groupedThousands) + [row.cost.formatted]
        }
        func sum(_ value: (LedgerMonth) -> Int) -> String { rows.reduce(0) { $0 + value($1) }.groupedThousands }
        body.append([
            "total", "", sum(\.accrual), sum(\.forfeited), sum(\.used), sum(\.purchased), sum(\.payAsYouGo), "", "",
            rows.reduce(Money.zero) { $0 + $1.cost }.formatted,
        ])
        return body
    }
}
