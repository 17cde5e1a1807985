import ArgumentParser
import CreditCore
import CreditLedger
import CreditReports
import CreditWorkbook
import Foundation
import UsageImport

/// `creditcast ledger`: the spreadsheet, one row per month.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Replay monthly usage through the pool's rules, month by month.",
        discussion: """
            Give a usage export (--usage FILE, every workspace in it, as in every command) or a \
            month's usage after another (--monthly-usage with --plan, --seats and --start). \
            Example, the vendor's walk-through:
              creditcast ledger --plan growth --seats 10 --start 2026-04 --monthly-usage 18000,5000,8000,50000
            """
    )

    @Option(help: "The usage export (CSV) to replay, every workspace in it; - reads standard input.")
    var usage: String?

    @Option(name: .customLong("monthly-usage"), help: "Monthly usage of one workspace, comma-separated, from --start on.")
    var monthlyUsage: String?

    @Option(help: "The month of the first --monthly-usage value (YYYY-MM).")
    var start: Month?

    /// The option's name before --usage meant a file in every command; kept to say so.
    @Option(name: .customLong("usage-file"), help: .hidden)
    var usageFile: String?

    @Option(help: "Buy a package at the start of a month, MONTH:CREDITS (repeatable), e.g. 2026-06:100000.")
    var buy: [ScheduledBuy] = []

    @Option(help: "Output format: table, csv, markdown or json (table on a terminal, csv otherwise).")
    var format: LedgerFormat?

    @Option(
        name: .customLong("xlsx"),
        help: ArgumentHelp(
            "Also write the ledger as an Excel workbook at FILE whose pool columns are formulas: change a month's usage, accrual or cap and the pool follows (values only when packages are bought).",
            valueName: "FILE"
        ))
    var xlsx: String?

    @OptionGroup(title: "Pool rules and prices") var pool: PoolOptions
    @OptionGroup(title: "Reading the usage file") var reading: ImportOptions

    func validate() throws {
        if let usageFile { throw ValidationError("--usage-file is now --usage \(usageFile): --usage names a file in every command") }
        if let usage, monthlyUsage == nil, parsedUsage(usage) != nil, !FileManager.default.fileExists(atPath: usage) {
            // The old inline form: numbers, and no file of that name.
            throw ValidationError(
                "--usage names a usage file in every command; for monthly numbers write --monthly-usage \(usage) (with --start)")
        }
        switch (usage, monthlyUsage) {
        case (nil, nil): throw ValidationError("give --usage FILE, or --monthly-usage with --start")
        case (.some, .some): throw ValidationError("give either --usage or --monthly-usage, not both")
        case (nil, .some) where start == nil:
            throw ValidationError("--monthly-usage needs --start, the month of its first value (YYYY-MM)")
        default: break
        }
        if let monthlyUsage, parsedUsage(monthlyUsage) == nil {
            throw ValidationError(
                "--monthly-usage takes whole credit counts from 0 to \(UsageHistory.maximumCredits.groupedThousands) separated by commas, e.g. 18000,5000,8000"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            let pricing = try pool.loadPricing()
            let history = try loadHistory()
            let rules = try pool.purchaseRules(pricing)
            let replay = HistoryReplay(
                pricing: pricing, rules: rules, scheduledPurchases: try scheduledPurchases(pricing, months: history.months))
            let resolver = try pool.resolver(pricing, history: history)
            let workspaces: [HistoryReplay.Workspace]
            do { workspaces = try replay.replay(history, resolver: resolver) } catch { throw CommandFailure(error) }
            let ledger = LedgerReport(
                workspaces: workspaces.map { (history.hasWorkspaceColumn ? $0.name : nil, $0.months) }
            )
            if let xlsx { try writeWorkbook(ledger, rules: rules, to: xlsx) }
            let chosen = format ?? (Terminal.standardOutputIsTerminal ? .table : .csv)
            print(ledger.rendered(as: chosen), terminator: "")
        }
    }

    private func loadHistory() throws -> UsageHistory {
        if let monthlyUsage, let start, let monthly = parsedUsage(monthlyUsage) {
            return UsageHistory(monthlyUsage: monthly, startingAt: start)
        }
        do {
            let imported = try UsageImporter.load(fileAt: usage!, options: reading.importOptions)
            for warning in imported.warnings { Terminal.standardError.write("creditcast: warning: \(FlagWording.message(warning))\n") }
            return imported.history
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Writes `ledger` as a workbook at `path`, all or nothing, never over an input file.
    private func writeWorkbook(_ ledger: LedgerReport, rules: PurchaseRules, to path: String) throws {
        let file: ReportFile
        do { file = try LedgerWorkbook.workbook(ledger, rules: rules).file(at: path) } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        do {
            try ReportSet.write(
                [(path, file)], reportDirectory: nil, inputPaths: pool.inputFiles(usage: usage ?? "").filter { !$0.isEmpty })
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
    }

    private func parsedUsage(_ text: String) -> [Int]? {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ (0...UsageHistory.maximumCredits).contains($0 ?? -1) }) else { return nil }
        return values.map { $0! }
    }

    private func scheduledPurchases(_ pricing: Pricing, months: ClosedRange<Month>) throws -> [Month: [CreditPackage]] {
        var purchases: [Month: [CreditPackage]] = [:]
        for buy in buy {
            // A purchase in a month the ledger never runs would be silently left out.
            guard months.contains(buy.month) else {
                throw CommandFailure([FlagWording.buyOutsideLedger(buy.month, credits: buy.credits, months: months)])
            }
            do { purchases[buy.month, default: []].append(try pricing.package(ofCredits: buy.credits)) } catch {
                throw CommandFailure(error)
            }
        }
        return purchases
    }
}

/// A package bought in a given month, as `--buy 2026-06:100000` names it.
struct ScheduledBuy: ExpressibleByArgument {
    var month: Month
    var credits: Int

    init?(argument: String) {
        let parts = argument.split(separator: ":")
        guard parts.count == 2, let month = Month(String(parts[0])), let credits = Int(parts[1]), credits > 0 else { return nil }
        self.month = month
        self.credits = credits
    }
}
