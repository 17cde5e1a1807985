import CreditLedger
import CreditReports

/// `creditcast ledger` as a workbook whose pool follows its inputs: change a month's usage,
/// accrual or cap (the shaded columns) and the opening, forfeited, shortfall, pay-as-you-go,
/// closing and cost cells of that month and every later one recalculate by the pool's rules.
///
/// The formulas restate `CreditPool.runMonth` for a pool without purchased credits, under the
/// rules' cap timing and pay-as-you-go price:
///
/// - accrual timing: `forfeited = accrual − min(accrual, max(0, cap − opening))`,
///   `closing = max(0, opening + accrual − forfeited − used)`,
///   `shortfall = max(0, used − (opening + accrual − forfeited))`;
/// - close timing: `closing = min(max(0, opening + accrual − used), cap)`,
///   `forfeited = max(0, max(0, opening + accrual − used) − cap)`,
///   `shortfall = max(0, used − (opening + accrual))`;
/// - `payg = shortfall`, and `cost = round(payg × price in micro-dollars ÷ 10,000) ÷ 100`: the
///   cents rounded half-up once a month, in whole numbers that a spreadsheet holds exactly.
///
/// Purchased lots (expiry, use order, auto-purchase) are more than cell formulas should carry,
/// so a ledger with any purchase, or rules with an auto-purchase, is written as values, and its
/// About sheet says so.
public enum LedgerWorkbook {
    /// The workbook of `report`, replayed under `rules`. With `cachedValues` false every
    /// formula is stored with 0 as its value, so that only a reader that recalculates shows the
    /// ledger's figures (the tests' check that the formulas reproduce the rules).
    public static func workbook(_ report: LedgerReport, rules: PurchaseRules, cachedValues: Bool = true) throws(WorkbookError) -> Workbook {
        let live =
            rules.autoPurchase == nil && !report.sections.contains { $0.rows.contains { $0.purchased > 0 || $0.purchasedBalance > 0 } }
        let sheet = live ? formulaSheet(report, rules: rules, cachedValues: cachedValues) : valueSheet(report)
        return try Workbook(sheets: [WorkbookSheet(name: "About", lines: aboutLines(live: live, rules: rules)), sheet])
    }

    /// The columns of the live ledger, after `workspace` when the report names workspaces.
    static let formulaColumns: [WorkbookColumn] = [
        WorkbookColumn("month", .text), WorkbookColumn("opening", .whole), WorkbookColumn("accrual", .whole, isInput: true),
        WorkbookColumn("cap", .whole, isInput: true), WorkbookColumn("used", .whole, isInput: true),
        WorkbookColumn("forfeited", .whole), WorkbookColumn("shortfall", .whole), WorkbookColumn("payg", .whole),
        WorkbookColumn("closing", .whole), WorkbookColumn("cost", .dollars),
    ]

    private static func formulaSheet(_ report: LedgerReport, rules: PurchaseRules, cachedValues: Bool) -> WorkbookSheet {
        let named = report.namesWorkspaces
        let columns = (named ? [WorkbookColumn("workspace", .text)] : []) + formulaColumns
        let at = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.title, $0) })
        var rows: [[WorkbookCell]] = []
        for section in report.sections {
            for (index, month) in section.rows.enumerated() {
                // Row 1 is the header, so the n-th data row is spreadsheet row n + 1.
                let row = rows.count + 2
                func cell(_ title: String, _ offset: Int = 0) -> String { columnLetters(at[title]!) + String(row + offset) }
                let (opening, accrual, cap, used) = (cell("opening"), cell("accrual"), cell("cap"), cell("used"))
                let (forfeited, shortfall, payg) = (cell("forfeited"), cell("shortfall"), cell("payg"))
                func formula(_ text: String, _ value: Double) -> WorkbookCell { .formula(text, value: cachedValues ? value : 0) }
                var cells: [WorkbookCell] = named ? [section.workspace.map(WorkbookCell.text) ?? .empty] : []
                cells.append(.text(month.month.description))
                // A workspace's first month opens with its starting balance; every later one with
                // the month before's closing.
                cells.append(index == 0 ? .credits(month.opening) : formula(cell("closing", -1), Double(month.opening)))
                cells += [.credits(month.accrual), .credits(month.cap), .credits(month.used)]
                switch rules.capTiming {
                case .accrual:
                    let available = "(\(opening)+\(accrual)-\(forfeited))"
                    cells += [
                        formula("\(accrual)-MIN(\(accrual),MAX(0,\(cap)-\(opening)))", Double(month.forfeited)),
                        formula("MAX(0,\(used)-\(available))", Double(month.shortfall)),
                        formula(shortfall, Double(month.payAsYouGo)),
                        formula("MAX(0,\(available)-\(used))", Double(month.closing)),
                    ]
                case .close:
                    let left = "MAX(0,\(opening)+\(accrual)-\(used))"
                    cells += [
                        formula("MAX(0,\(left)-\(cap))", Double(month.forfeited)),
                        formula("MAX(0,\(used)-(\(opening)+\(accrual)))", Double(month.shortfall)),
                        formula(shortfall, Double(month.payAsYouGo)),
                        formula("MIN(\(left),\(cap))", Double(month.closing)),
                    ]
                }
                cells.append(
                    formula("ROUND(\(payg)*\(rules.payAsYouGoPrice.micros)/10000,0)/100", Double(month.cost.cents) / 100))
                rows.append(cells)
            }
        }
        return WorkbookSheet(name: "Ledger", columns: columns, rows: rows)
    }

    private static func valueSheet(_ report: LedgerReport) -> WorkbookSheet {
        let named = report.namesWorkspaces
        let titles = (named ? ["workspace"] : []) + LedgerReport.csvColumns
        var rows: [[WorkbookCell]] = []
        for section in report.sections {
            for month in section.rows {
                let workspace: [WorkbookCell] = named ? [section.workspace.map(WorkbookCell.text) ?? .empty] : []
                rows.append(
                    workspace + [.text(month.month.description)]
                        + [
                            month.opening, month.accrual, month.forfeited, month.used, month.purchased, month.payAsYouGo, month.closing,
                            month.cap,
                        ]
                        .map(WorkbookCell.credits)
                        + [.number(Double(month.cost.cents) / 100)]
                        + [month.purchasedBalance, month.expired, month.shortfall].map(WorkbookCell.credits))
            }
        }
        return WorkbookSheet(
            name: "Ledger", columns: titles.map { WorkbookColumn($0, NumberStyle.ofColumn($0) ?? .general) }, rows: rows)
    }

    private static func aboutLines(live: Bool, rules: PurchaseRules) -> [String] {
        let timing = rules.capTiming == .accrual ? "when credits accrue (accrual timing)" : "at the month's close (close timing)"
        guard live else {
            return [
                "creditcast ledger",
                "This ledger has purchased credits or an auto-purchase, which the sheet's formulas do not model:",
                "the Ledger sheet holds the replayed values, not formulas.",
            ]
        }
        return [
            "creditcast ledger",
            "Shaded columns (accrual, cap, used) are inputs: change one and the pool recalculates from that month on.",
            "The cap applies \(timing); pay-as-you-go costs \(rules.payAsYouGoPrice) a credit, rounded half-up to the cent once a month.",
            "A workspace's first month opens with its starting balance; later months open with the month before's closing.",
        ]
    }

    /// The spreadsheet letters of a zero-based column: 0 is A, 25 is Z, 26 is AA.
    static func columnLetters(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }
}
