import CreditBacktest
import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger

/// The input hash a report's provenance carries: the input files' bytes and every setting that
/// changes a figure, each mixed in as a named field, so that the same inputs give the same hash
/// on every machine and a changed input gives another.
///
/// Fields are written out one by one, by names fixed here, rather than by printing the settings'
/// structs: renaming a property changes no hash, and a property added to a fingerprinted type
/// is a decision to make here (the tests count each type's properties). Every field is
/// length-prefixed, so no two different inputs run together into the same bytes.
public struct InputFingerprint: Sendable {
    private var hash = StableHash()

    /// An empty fingerprint.
    public init() {}

    /// A fingerprint whose first file's bytes were mixed in elsewhere, leaving `state`
    /// (`StableHash.value` of those bytes): a shard that reads only its part of a usage file
    /// resumes from the whole file's state, so it carries the single run's hash.
    public init(resuming state: UInt64) {
        hash = StableHash(resuming: state)
    }

    /// The fingerprint as 16 lower-case hex digits.
    public var hex: String { hash.hex }

    /// Mixes in the bytes of the file at `path` (a file that cannot be read mixes in nothing;
    /// reading it for the run reports why).
    public mutating func file(at path: String) {
        hash.combine(fileAt: path)
    }

    /// Mixes in the field `name` with `value`.
    public mutating func field(_ name: String, _ value: String) {
        for part in [name, value] {
            hash.combine("\(part.utf8.count):")
            hash.combine(part)
        }
    }

    /// Mixes in the field `name` with `value` in words, `none` when there is none.
    public mutating func field(_ name: String, _ value: (some CustomStringConvertible)?) {
        field(name, value.map(\.description) ?? "none")
    }

    /// Mixes in a list: its length under `name`, then each item as `body` mixes it in.
    public mutating func list<Item>(_ name: String, _ items: [Item], _ body: (inout InputFingerprint, Item) -> Void) {
        field(name, items.count)
        for item in items { body(&self, item) }
    }

    /// Mixes in the plans, packages and pool rules of a pricing file.
    public mutating func pricing(_ pricing: Pricing) {
        list("plans", pricing.plans) { $0.plan($1) }
        field("cap_months", pricing.capMonths)
        field("cap_timing", pricing.capTiming.rawValue)
        field("package_expiry_months", pricing.packageExpiryMonths)
        field("payg_price", pricing.payAsYouGoPrice)
        list("packages", pricing.packages) { $0.package($1) }
    }

    /// Mixes in the month rules a run applies.
    public mutating func rules(_ rules: PurchaseRules) {
        field("rules_cap_timing", rules.capTiming.rawValue)
        field("rules_package_expiry_months", rules.packageExpiryMonths)
        field("auto_purchase", rules.autoPurchase != nil)
        if let package = rules.autoPurchase { self.package(package) }
        field("rules_payg_price", rules.payAsYouGoPrice)
    }

    /// Mixes in what the command line sets for every workspace's pool.
    public mutating func overrides(_ overrides: PoolResolver.Overrides) {
        field("plan", overrides.plan)
        field("seats", overrides.seats)
        field("balance", overrides.balance)
        field("balance_month", overrides.balanceMonth)
        field("cap", overrides.cap)
    }

    /// Mixes in a plan.
    public mutating func plan(_ plan: Plan) {
        field("plan_name", plan.name)
        field("monthly_allowance", plan.monthlyAllowance)
        // Only a priced plan adds the field, so that the inputs of every run before seat prices
        // keep their hash.
        if let price = plan.seatPrice { field("seat_price_cents", price.cents) }
    }

    /// Mixes in a credit package.
    public mutating func package(_ package: CreditPackage) {
        field("package_credits", package.credits)
        field("package_price_cents", package.price.cents)
    }

    /// Mixes in a run's scenarios and every change of each.
    public mutating func scenarios(_ scenarios: [Scenario]) {
        list("scenarios", scenarios) { fingerprint, scenario in
            fingerprint.field("scenario", scenario.name)
            fingerprint.list("changes", scenario.changes) { $0.change($1) }
        }
    }

    /// Mixes in one change of a scenario.
    public mutating func change(_ change: ScenarioChange) {
        field("change_workspace", change.workspace)
        field("change_from", change.from)
        switch change.seats {
        case nil: field("change_seats", "none")
        case let .set(count)?: field("change_seats", "set \(count)")
        case let .add(delta)?: field("change_seats", "add \(delta)")
        }
        field("change_plan", change.plan != nil)
        if let plan = change.plan { self.plan(plan) }
        field("change_usage_multiplier_millionths", change.usageMultiplier?.millionths)
    }

    /// Mixes in a watchlist's thresholds.
    public mutating func thresholds(_ thresholds: WatchlistThresholds) {
        field("shortfall_probability", thresholds.shortfallProbability)
        field("cap_probability", thresholds.capProbability)
        field("window_months", thresholds.windowMonths)
    }

    /// Mixes in the seats model's parameters.
    public mutating func seatsParameters(_ parameters: SeatsModelParameters) {
        field("recency_half_life", parameters.recencyHalfLife)
        field("pooled_prior_months", parameters.pooledPriorMonths)
        field("trend_prior_sigma", parameters.trendPriorSigma)
        field("trend_prior_workspaces", parameters.trendPriorWorkspaces)
        field("factor_prior_workspaces", parameters.factorPriorWorkspaces)
        field("trend_damping", parameters.trendDamping)
        field("max_slope", parameters.maxSlope)
        field("unseen_season_amplitude", parameters.unseenSeasonAmplitude)
        field("common_factor_prior_sigma", parameters.commonFactorPriorSigma)
        field("common_factor_prior_months", parameters.commonFactorPriorMonths)
        field("parameter_uncertainty", parameters.parameterUncertainty)
        field("jitter_below_months", parameters.jitterBelowMonths)
        field("jitter_sigma", parameters.jitterSigma)
        field("persistence_shrink_months", parameters.persistenceShrinkMonths)
        field("max_persistence", parameters.maxPersistence)
        field("local_level", parameters.localLevel)
        field("calendar_replay", parameters.calendarReplay)
        field("working_days", parameters.workingDays)
        field("month_length", parameters.monthLength)
        field("shared_level", parameters.sharedLevel)
    }
}
