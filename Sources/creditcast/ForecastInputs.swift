import CreditCore
import CreditForecast
import CreditLedger
import CreditSharding
import UsageImport

/// What forecast, watchlist and renew read before they simulate, read the same way by all three:
/// the prices and rules, the whole history, every workspace's pool, the share of them this
/// shard forecasts, and the seats model's prior.
///
/// The prior is learnt from the whole history, never from the shard's part: that is what lets
/// every shard forecast its workspaces exactly as a single run does. A shard given
/// `--portfolio` reads only its own part of the usage file (`creditcast split`) and takes
/// what the whole file would have told it (the prior, the workspaces' count and months, the
/// file's hash) from the portfolio file instead.
struct ForecastInputs {
    let pricing: Pricing
    let rules: PurchaseRules
    /// Every workspace of the usage file (or of its part, with `--portfolio`), cut at `--as-of`.
    let history: UsageHistory
    let resolver: PoolResolver
    /// The workspaces this run forecasts (all of them without `--shard`), their pools, and their
    /// positions in `history`.
    let part: (history: UsageHistory, pools: [WorkspacePool], positions: [Int])
    let portfolioPrior: PortfolioPrior?
    /// Workspaces in the whole portfolio.
    let portfolioCount: Int
    /// The whole usage file's hash state, when only a part of it was read.
    let usageState: UInt64?
    /// Whether the usage file holds a workspace outside `history`: in another shard's part of a
    /// split file, or starting after `--as-of`. Rows naming one in a workspaces or scenario file
    /// are not looked for in `history`.
    let heldElsewhere: @Sendable (String) -> Bool

    /// Reads the inputs the options name; errors are `CommandFailure`s.
    init(pool: PoolOptions, running: RunOptions, reading: ImportOptions, modelling: ModelOptions, sharding: ShardOptions) throws {
        pricing = try pool.loadPricing()
        rules = try pool.purchaseRules(pricing)
        let portfolio = try sharding.loadPortfolio()
        let startingLater: Set<String>
        if let portfolio {
            (history, startingLater) = try Self.part(
                of: portfolio, pool: pool, running: running, reading: reading, asOf: modelling.asOf, path: sharding.portfolio ?? "")
        } else {
            (history, startingLater) = try pool.loadHistoryCut(running, reading: reading, asOf: modelling.asOf)
        }
        let splitPart = portfolio == nil ? nil : sharding.selected
        heldElsewhere = { name in startingLater.contains(name) || splitPart.map { !$0.contains(name) } ?? false }
        let (resolver, pools) = try pool.forecastPools(history, pricing: pricing, heldElsewhere: heldElsewhere)
        self.resolver = resolver
        part = (sharding.selected ?? .whole).select(history: history, pools: pools)
        if !running.quiet, let warning = Self.unseenSeatsWarning(part.history, part.pools) {
            Terminal.standardError.write("creditcast: warning: \(warning)\n")
        }
        let usesPrior = modelling.model == .seats && !modelling.standalone
        portfolioPrior = portfolio.flatMap { usesPrior ? $0.prior : nil } ?? modelling.portfolioPrior(for: history)
        portfolioCount = portfolio?.workspaceCount ?? history.workspaces.count
        usageState = portfolio?.usageState
    }

    /// Words for the workspaces whose pools have more seats than the usage file shows, or `nil`.
    ///
    /// Each seat missing from the file is drawn like the average seat in it, as a seat that has
    /// just joined would be. That is a guess the file cannot confirm, and a wrong one multiplies
    /// the forecast: a file with one row per team and `--seats 10` forecasts ten teams' usage.
    /// So it is said, once for the run, with the first such workspace as an example.
    static func unseenSeatsWarning(_ history: UsageHistory, _ pools: [WorkspacePool]) -> String? {
        let lastOffset = history.monthCount - 1
        let unseen = zip(history.workspaces, pools).compactMap { workspace, pool -> (String, Int, Int)? in
            let shown = workspace.seatCount(atOffset: lastOffset)
            guard let seats = pool.seats, seats > shown else { return nil }
            return (workspace.name, seats, shown)
        }
        guard let (name, seats, shown) = unseen.first else { return nil }
        let count = unseen.count == 1 ? "1 workspace has" : "\(unseen.count.groupedThousands) workspaces have"
        return
            "\(count) more seats than the usage file shows (\"\(name.messageExcerpt)\": \(seats.groupedThousands) seats, \(shown.groupedThousands) in the file); "
            + "each seat not in the file is forecast to use credits like the average seat in it, as if it had just joined. "
            + "If the file holds a team's usage in fewer rows than seats, that overstates usage: give one row per seat."
    }

    /// The part of the usage file this shard reads, over the whole file's months and cut at
    /// `asOf`, checked to be a part of the portfolio `portfolio` describes. A part that holds the
    /// header alone (the hash gave its shard no workspace) is no workspace over those months.
    private static func part(
        of portfolio: PortfolioFile, pool: PoolOptions, running: RunOptions, reading: ImportOptions, asOf: Month?, path: String
    ) throws -> (history: UsageHistory, startingLater: Set<String>) {
        let read =
            UsageFileLayout.holdsHeaderOnly(fileAt: running.usage, options: reading.importOptions)
            ? UsageHistory(workspaces: [], firstMonth: portfolio.firstMonth, lastMonth: portfolio.lastMonth, hasWorkspaceColumn: true)
            : try pool.loadHistory(running, reading: reading, asOf: nil)
        guard portfolio.firstMonth <= read.firstMonth, read.lastMonth <= portfolio.lastMonth else {
            throw CommandFailure(
                PortfolioFileError.mismatch(
                    path: path,
                    reason:
                        "\(running.usage) runs from \(read.firstMonth) to \(read.lastMonth), outside the split file's \(portfolio.firstMonth) to \(portfolio.lastMonth)"
                ))
        }
        let whole = read.widened(from: portfolio.firstMonth, through: portfolio.lastMonth)
        var history = whole
        if let asOf {
            do { history = try whole.truncated(through: asOf) } catch {
                throw CommandFailure([FlagWording.message(error, usageFile: running.usage)])
            }
        }
        guard history.lastMonth == portfolio.asOf else {
            throw CommandFailure(
                PortfolioFileError.mismatch(
                    path: path, reason: "it was written for --as-of \(portfolio.asOf) but this run forecasts from \(history.lastMonth)"))
        }
        return (history, Set(whole.workspaces.map(\.name)).subtracting(history.workspaces.map(\.name)))
    }
}
