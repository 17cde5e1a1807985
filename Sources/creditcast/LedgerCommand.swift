import ArgumentParser
import CreditCore
import CreditLedger
import CreditReports
import Foundation
import UsageImport

/// `creditcast ledger`: the spreadsheet, one row per month.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Replay monthly usage through the pool's rules, month by month.",
        discussion: """
            Give usage inline (--usage with --plan, --seats and --start) or as an export \
            (--usage-file, every workspace in it). Example, the vendor's walk-through:
              creditcast ledger --plan growth --seats 10 --start 2026-04 --usage 18000,5000,8000,50000
            """
    )

    @Option(help: "Monthly usage, comma-separated, from --start on.")
    var usage: String?

    @Option(help: "The month of the first --usage value (YYYY-MM).")
    var start: Month?

    @Option(name: .customLong("usage-file"), help: "A usage export (CSV) to replay, every workspace in it.")
    var usageFile: String?

    @Option(help: "Buy a package at the start of a month, MONTH:CREDITS (repeatable), e.g. 2026-06:100000.")
    var buy: [ScheduledBuy] = []

    @Option(help: "Output format: table, csv, markdown or json (table on a terminal, csv otherwise).")
    var format: LedgerFormat?

    @OptionGroup var pool: PoolOptions
    @OptionGroup var reading: ImportOptions

    func validate() throws {
        switch (usage, usageFile) {
        case (nil, nil): throw ValidationError("give --usage (with --start) or --usage-file")
        case (.some, .some): throw ValidationError("give either --usage or --usage-file, not both")
        case (.some, nil) where start == nil: throw ValidationError("--usage needs --start, the month of its first value (YYYY-MM)")
        default: break
        }
        if let usage, parsedUsage(usage) == nil {
            throw ValidationError(
                "--usage takes whole credit counts from 0 to \(UsageHistory.maximumCredits.groupedThousands) separated by commas, e.g. 18000,5000,8000"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            let pricing = try pool.loadPricing()
            let history = try loadHistory()
            let replay = HistoryReplay(
                pricing: pricing, rules: try pool.purchaseRules(pricing),
                scheduledPurchases: try scheduledPurchases(pricing, months: history.months)
            )
            let resolver = try pool.resolver(pricing, history: history)
            let workspaces: [HistoryReplay.Workspace]
            do { workspaces = try replay.replay(history, resolver: resolver) } catch { throw CommandFailure(error) }
            let ledger = LedgerReport(
                workspaces: workspaces.map { (history.hasWorkspaceColumn ? $0.name : nil, $0.months) }
            )
            let chosen = format ?? (Terminal.standardOutputIsTerminal ? .table : .csv)
            print(ledger.rendered(as: chosen), terminator: "")
        }
    }

    private func loadHistory() throws -> UsageHistory {
        if let usage, let start, let monthly = parsedUsage(usage) {
            return UsageHistory(monthlyUsage: monthly, startingAt: start)
        }
        do {
            let imported = try UsageImporter.load(fileAt: usageFile!, options: reading.importOptions)
            for warning in imported.warnings { Terminal.standardError.write("creditcast: warning: \(FlagWording.message(warning))\n") }
            return imported.history
        } catch {
            throw CommandFailure(error)
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
