import CreditCore
import CreditForecast
import CreditLedger
import UsageImport

/// What forecast, watchlist and renew read before they simulate, read the same way by all three:
/// the prices and rules, the whole history, every workspace's pool, the share of them this
/// shard forecasts, and the seats model's prior.
///
/// The prior is learnt from the whole history, never from the shard's part: that is what lets
/// every shard forecast its workspaces exactly as a single run does.
struct ForecastInputs {
    let pricing: Pricing
    let rules: PurchaseRules
    /// Every workspace of the usage file, cut at `--as-of`.
    let history: UsageHistory
    let resolver: PoolResolver
    /// The workspaces this run forecasts (all of them without `--shard`), their pools, and their
    /// positions in `history`.
    let part: (history: UsageHistory, pools: [WorkspacePool], positions: [Int])
    let portfolioPrior: PortfolioPrior?

    /// Reads the inputs the options name; errors are `CommandFailure`s.
    init(pool: PoolOptions, running: RunOptions, reading: ImportOptions, modelling: ModelOptions, sharding: ShardOptions) throws {
        pricing = try pool.loadPricing()
        rules = try pool.purchaseRules(pricing)
        history = try pool.loadHistory(running, reading: reading, asOf: modelling.asOf)
        let (resolver, pools) = try pool.forecastPools(history, pricing: pricing)
        self.resolver = resolver
        part = (sharding.selected ?? .whole).select(history: history, pools: pools)
        portfolioPrior = modelling.portfolioPrior(for: history)
    }
}
