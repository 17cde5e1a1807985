import ArgumentParser
import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import ScenarioImport
import UsageImport

/// The pool's set-up and prices, shared by every command that runs the rules.
struct PoolOptions: ParsableArguments {
    @Option(help: "Pricing file (YAML; see samples/pricing.yaml). Built-in vendor prices when left out.")
    var pricing: String?

    @Option(help: "Plan of every workspace: launch, growth, pro, or a plan of the pricing file.")
    var plan: String?

    @Option(help: "Seats of every workspace, every month, 1 to 10,000,000 (counted from the usage file when left out).")
    var seats: Int?

    @Option(
        help:
            "Pool balance, 0 to 1,000,000,000,000: for ledger, opening its first month; for forecast, the balance now (replayed from 0 when left out)."
    )
    var balance: Int?

    @Option(help: "A fixed cap in credits, 0 to 1,000,000,000,000 (cap_months × the month's accrual when left out).")
    var cap: Int?

    @Option(
        name: .customLong("cap-timing"),
        help: "When the cap applies: accrual (new accruals only top up) or close (the closing balance is cut).")
    var capTiming: CapTiming?

    @Option(name: .customLong("auto-purchase"), help: "Buy packages of this many credits whenever the pool and lots run short.")
    var autoPurchase: Int?

    @Option(help: "Workspaces file: workspace,plan,seats[,balance,as_of,cap].")
    var workspaces: String?

    func validate() throws {
        // A pool of no seats accrues nothing and forecasts nothing: --seats 0 is a slip.
        for (name, value, range) in [
            ("--seats", seats, 1...UsageHistory.maximumSeats), ("--balance", balance, 0...UsageHistory.maximumCredits),
            ("--cap", cap, 0...UsageHistory.maximumCredits),
        ] {
            if let value, !range.contains(value) {
                throw ValidationError("\(name) must be from \(range.lowerBound) to \(range.upperBound.groupedThousands)")
            }
        }
        if let autoPurchase, autoPurchase <= 0 { throw ValidationError("--auto-purchase must be a package size in credits") }
    }

    /// The pricing file's prices (or the built-in ones) with `--cap-timing` applied.
    func loadPricing() throws -> Pricing {
        var loaded = Pricing.standard
        if let pricing {
            do { loaded = try Pricing(contentsOfFile: pricing) } catch { throw CommandFailure(error) }
        }
        if let capTiming { loaded.capTiming = capTiming }
        return loaded
    }

    /// The month rules under `pricing`, with the `--auto-purchase` package.
    func purchaseRules(_ pricing: Pricing) throws -> PurchaseRules {
        do {
            let package = try autoPurchase.map { credits throws(PricingError) in try pricing.package(ofCredits: credits) }
            return PurchaseRules(pricing: pricing, autoPurchase: package)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The resolver that settles each workspace's pool of `history` from these options and the
    /// workspaces file, whose rows must name workspaces of `history` and plans of `pricing`;
    /// `--balance` opens `balanceMonth` (`nil`: the history's first month). A row for a workspace
    /// `heldElsewhere` names (another shard's part of a split file, or one that starts after
    /// `--as-of`) is expected to be missing from `history`.
    func resolver(
        _ pricing: Pricing, history: UsageHistory, balanceMonth: Month? = nil, heldElsewhere: (String) -> Bool = { _ in false }
    ) throws -> PoolResolver {
        var settings: [WorkspaceSettings] = []
        if let workspaces {
            do {
                let list = try WorkspaceListImporter.list(fileAt: workspaces)
                try list.check(
                    workspaces: history.workspaces.map(\.name),
                    elsewhere: heldElsewhere,
                    planProblem: { plan in
                        do {
                            _ = try pricing.plan(named: plan)
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    })
                settings = list.settings
            } catch {
                throw CommandFailure(error)
            }
        }
        let overrides = PoolResolver.Overrides(plan: plan, seats: seats, balance: balance, balanceMonth: balanceMonth, cap: cap)
        return PoolResolver(pricing: pricing, overrides: overrides, settings: settings)
    }
}

extension PoolOptions {
    /// The usage history of `running.usage`, read on at most `--threads` threads and cut at
    /// `asOf` when given; warnings go to standard error unless `--quiet`.
    func loadHistory(_ running: RunOptions, reading: ImportOptions, asOf: Month?) throws -> UsageHistory {
        try loadHistoryCut(running, reading: reading, asOf: asOf).history
    }

    /// `loadHistory`'s history, and the workspaces of the file that `asOf` leaves out because
    /// they start after it.
    func loadHistoryCut(_ running: RunOptions, reading: ImportOptions, asOf: Month?) throws -> (
        history: UsageHistory, startingLater: Set<String>
    ) {
        let imported: ImportedUsage
        do {
            var options = reading.importOptions
            options.threads = running.threads ?? 0
            imported = try UsageImporter.load(fileAt: running.usage, options: options)
        } catch {
            throw CommandFailure(error)
        }
        if !running.quiet {
            for warning in imported.warnings { Terminal.standardError.write("creditcast: warning: \(FlagWording.message(warning))\n") }
        }
        guard let asOf else { return (imported.history, []) }
        guard asOf <= imported.history.lastMonth else {
            throw CommandFailure([FlagWording.asOfAfterHistory(asOf, lastMonth: imported.history.lastMonth, usageFile: running.usage)])
        }
        do {
            let cut = try imported.history.truncated(through: asOf)
            return (cut, Set(imported.history.workspaces.map(\.name)).subtracting(cut.workspaces.map(\.name)))
        } catch {
            throw CommandFailure([FlagWording.message(error, usageFile: running.usage)])
        }
    }

    /// Every workspace's pool for a forecast of `history`, whose usage file holds the workspaces
    /// `heldElsewhere` names outside it: `--balance` is the balance now.
    func forecastPools(
        _ history: UsageHistory, pricing: Pricing, heldElsewhere: (String) -> Bool = { _ in false }
    ) throws -> (resolver: PoolResolver, pools: [WorkspacePool]) {
        let resolver = try resolver(
            pricing, history: history, balanceMonth: history.lastMonth.advanced(by: 1), heldElsewhere: heldElsewhere)
        do {
            return (resolver, try history.workspaces.map { try resolver.pool(named: $0.name, in: history) })
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The input files a forecast reads: the usage file, then the workspaces and pricing files.
    func inputFiles(usage: String) -> [String] {
        [usage, workspaces, pricing].compactMap { $0 }
    }

    /// The fingerprint of a run's inputs: the files' bytes, what `settings` mixes in (everything
    /// that changes a figure and nothing that does not: threads, paths, --quiet, --shard), the
    /// pool overrides, rules and prices. With `usageState` (a part of a usage file read with
    /// `--portfolio`) the whole usage file's bytes are the state it records, not `usage`'s.
    func fingerprint(
        usage: String, usageState: UInt64? = nil, resolver: PoolResolver, rules: PurchaseRules, pricing: Pricing,
        settings: (inout InputFingerprint) -> Void
    ) -> String {
        var fingerprint = usageState.map(InputFingerprint.init(resuming:)) ?? InputFingerprint()
        for file in inputFiles(usage: usage).dropFirst(usageState == nil ? 0 : 1) { fingerprint.file(at: file) }
        settings(&fingerprint)
        fingerprint.overrides(resolver.overrides)
        fingerprint.rules(rules)
        fingerprint.pricing(pricing)
        return fingerprint.hex
    }
}

extension PoolOptions {
    /// The scenarios of the scenario file at `path` (none without one), plans looked up in
    /// `pricing`, full dates read in `--date-order`, checked against the forecast of `history`
    /// over `horizon` months: its workspaces, their seats as `resolver` settles them, its months.
    /// A workspace `heldElsewhere` names (another shard's part of a split file, or one that
    /// starts after `--as-of`) is not looked for in `history`.
    func loadScenarios(
        _ path: String?, pricing: Pricing, history: UsageHistory, resolver: PoolResolver, horizon: Int, dateOrder: DateOrder?,
        heldElsewhere: (String) -> Bool = { _ in false }
    ) throws -> [Scenario] {
        guard let path else { return [] }
        do {
            let file = try ScenarioFile(fileAt: path, pricing: pricing, options: UsageImportOptions(dateOrder: dateOrder))
            var seats: [String: Int] = [:]
            for workspace in history.workspaces {
                seats[workspace.name] = try resolver.pool(named: workspace.name, in: history).seats ?? workspace.seats.count
            }
            let start = history.lastMonth.advanced(by: 1)
            try file.check(
                seats: seats, forecastMonths: start...start.advanced(by: horizon - 1), file: path,
                elsewhere: heldElsewhere)
            return file.scenarios
        } catch {
            throw CommandFailure(error)
        }
    }
}
