import CreditCore
import CreditLedger
import CreditReports
import CreditTestSupport
import Foundation
import Testing

@testable import CreditWorkbook

@Suite struct LedgerWorkbookTests {
    /// The rules document's worked examples: (name, rules, opening, accrual a month, usage).
    static let examples: [(name: String, rules: PurchaseRules, opening: Int, accrual: Int, usage: [Int])] = [
        ("walk-through", Fixtures.rules(.accrual), 0, 30_000, [18_000, 5_000, 8_000, 50_000]),
        ("at the cap, accrual timing", Fixtures.rules(.accrual), 140_000, 30_000, [10_000, 5_000, 25_000, 40_000, 60_000]),
        ("at the cap, close timing", Fixtures.rules(.close), 140_000, 30_000, [10_000, 5_000, 25_000, 40_000, 60_000]),
        ("short of credits", Fixtures.rules(.accrual), 10_000, 20_000, [40_000, 45_000, 30_000]),
        // Odd pay-as-you-go credits, so the cost rounds half a cent up: 12,345 × $0.035 = $432.075.
        ("a half cent", Fixtures.rules(.accrual), 0, 20_000, [32_345, 20_000]),
    ]

    static func ledger(_ example: (name: String, rules: PurchaseRules, opening: Int, accrual: Int, usage: [Int])) -> LedgerReport {
        let rows = Ledger(rules: example.rules, cap: .monthsOfAccrual(5)).replay(
            from: Month(year: 2026, month: 4)!, opening: example.opening,
            accruals: Array(repeating: example.accrual, count: example.usage.count), usage: example.usage)
        return LedgerReport(workspaces: [(nil, rows)])
    }

    @Test func columnLettersCountAsSpreadsheetsDo() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52, 701, 702].map(LedgerWorkbook.columnLetters) == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func theWalkThroughsFormulasReadAsTheRules() throws {
        let workbook = try LedgerWorkbook.workbook(Self.ledger(Self.examples[0]), rules: Fixtures.rules(.accrual))
        let sheet = try #require(workbook.sheets.last)
        #expect(sheet.name == "Ledger")
        #expect(
            sheet.columns.map(\.title) == [
                "month", "opening", "accrual", "cap", "used", "forfeited", "shortfall", "payg", "closing", "cost",
            ])
        #expect(sheet.columns.filter(\.isInput).map(\.title) == ["accrual", "cap", "used"])
        #expect(
            sheet.rows[1] == [
                .text("2026-05"), .formula("I2", value: 12_000), .number(30_000), .number(150_000), .number(5_000),
                .formula("C3-MIN(C3,MAX(0,D3-B3))", value: 0), .formula("MAX(0,E3-(B3+C3-F3))", value: 0), .formula("G3", value: 0),
                .formula("MAX(0,(B3+C3-F3)-E3)", value: 37_000), .formula("ROUND(H3*35000/10000,0)/100", value: 0),
            ])
        // The first month opens with the starting balance, a value.
        #expect(sheet.rows[0][1] == .number(0))
    }

    @Test func closeTimingCutsTheClosingBalance() throws {
        let workbook = try LedgerWorkbook.workbook(Self.ledger(Self.examples[2]), rules: Fixtures.rules(.close))
        let row = try #require(workbook.sheets.last?.rows.first)
        #expect(row[5] == .formula("MAX(0,MAX(0,B2+C2-E2)-D2)", value: 10_000))
        #expect(row[8] == .formula("MIN(MAX(0,B2+C2-E2),D2)", value: 150_000))
    }

    @Test func aLedgerWithPurchasesIsWrittenAsValues() throws {
        let package = try Fixtures.pricing.package(ofCredits: 100_000)
        let rules = Fixtures.rules(.accrual, autoPurchase: package)
        let rows = Ledger(rules: rules, cap: .monthsOfAccrual(5)).replay(
            from: Month(year: 2026, month: 4)!, opening: 10_000, accruals: [20_000, 20_000, 20_000], usage: [40_000, 45_000, 30_000])
        let workbook = try LedgerWorkbook.workbook(LedgerReport(workspaces: [(nil, rows)]), rules: rules)
        let sheet = try #require(workbook.sheets.last)
        #expect(sheet.columns.map(\.title) == LedgerReport.csvColumns)
        #expect(sheet.rows.allSatisfy { $0.allSatisfy { if case .formula = $0 { false } else { true } } })
        // April buys one package: $2,500, with 90,000 credits left in the lot.
        #expect(sheet.rows[0][9] == .number(2_500))
        #expect(sheet.rows[0][10] == .number(90_000))
        #expect(workbook.sheets[0].lines[1].hasPrefix("This ledger has purchased credits or an auto-purchase"))
    }

    /// Opens the workbook's Ledger sheet in LibreOffice Calc with every formula recalculated on
    /// load, and returns its cells as Calc computed them, row by row.
    static func recalculated(_ path: String, in directory: String) throws -> [[String]] {
        let profile = directory + "/calc-profile"
        try FileManager.default.createDirectory(atPath: profile + "/user", withIntermediateDirectories: true)
        // Calc keeps an xlsx file's stored results unless told to recalculate: here, always.
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """.write(toFile: profile + "/user/registrymodifications.xcu", atomically: true, encoding: .utf8)
        // Comma, quote, UTF-8, line 1, standard formats, no "as shown", sheet 2 (the Ledger).
        _ = try ExternalCommand.run(
            Calc.soffice!,
            [
                "--headless", "-env:UserInstallation=file://\(profile)", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", directory, path,
            ])
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = try String(contentsOfFile: "\(directory)/\(name)-Ledger.csv", encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(.enabled(if: Calc.soffice != nil, Comment(rawValue: Calc.missing)))
    func calcRecalculatesTheFormulasToTheLedger() throws {
        let directory = try TestFiles.directory()
        for (index, example) in Self.examples.enumerated() {
            let ledger = Self.ledger(example)
            // Stored results of 0, so only a recalculation can show the ledger's figures.
            let workbook = try LedgerWorkbook.workbook(ledger, rules: example.rules, cachedValues: false)
            let path = "\(directory)/ledger-\(index).xlsx"
            try Workbook.bytes(of: workbook.sheets).write(to: URL(fileURLWithPath: path))
            let rows = try Self.recalculated(path, in: directory)
            #expect(rows.first == LedgerWorkbook.formulaColumns.map(\.title), "\(example.name)")
            let expected = ledger.sections[0].rows.map { month in
                [month.month.description]
                    + [month.opening, month.accrual, month.cap, month.used, month.forfeited, month.shortfall]
                    .map(String.init) + [String(month.payAsYouGo), String(month.closing), Self.calcNumber(month.cost)]
            }
            #expect(Array(rows.dropFirst()) == expected, "\(example.name)")
        }
    }

    /// Money as Calc writes a number: no trailing zeros (`432.08`, `350`, `0`).
    static func calcNumber(_ money: Money) -> String {
        let cents = money.cents
        if cents % 100 == 0 { return String(cents / 100) }
        if cents % 10 == 0 { return "\(cents / 100).\(cents % 100 / 10)" }
        return "\(cents / 100).\(String(format: "%02d", cents % 100))"
    }
}
