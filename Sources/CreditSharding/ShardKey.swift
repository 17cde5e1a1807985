import CreditCore

/// Every member name of a shard file, written and read through this one table so that the
/// writer (`ShardFile`) and the reader (`ShardFile+Reading`) cannot drift apart.
enum ShardKey: String, CaseIterable {
    case accrual
    case annual
    case asOf = "as_of"
    case atHigh = "at_high"
    case atLow = "at_low"
    case autoPurchase = "auto_purchase"
    case baseline
    case cap
    case capLikelyBy = "cap_likely_by"
    case capProbability = "cap_probability"
    case checksum
    case closing
    case closingMean = "closing_mean"
    case costCents = "cost_cents"
    case credits
    case delta
    case driver
    case effects
    case expectedCostCents = "expected_cost_cents"
    case expectedForfeited = "expected_forfeited"
    case expectedPackageCents = "expected_package_cents"
    case expectedPaygCents = "expected_payg_cents"
    case expectedShortfall = "expected_shortfall"
    case expectedUnusedCredits = "expected_unused_credits"
    case factorSigma = "factor_sigma"
    case firstMonth = "first_month"
    case extra
    case extraMean = "extra_mean"
    case extraLargest = "extra_largest"
    case forecasts
    case forfeitedMean = "forfeited_mean"
    case format
    case formatVersion = "format_version"
    case high
    case horizon
    case inputHash = "input_hash"
    case lastMonth = "last_month"
    case kind
    case low
    case maxTrials = "max_trials"
    case millionths
    case model
    case month
    case months
    case name
    case need
    case opening
    case outcomes
    case pAnyCap = "p_any_cap"
    case pAnyPayg = "p_any_payg"
    case pAnyShortfall = "p_any_shortfall"
    case pCap = "p_cap"
    case pCapByThen = "p_cap_by_then"
    case pShortfall = "p_shortfall"
    case pShortfallByThen = "p_shortfall_by_then"
    case p90CostCents = "p90_cost_cents"
    case paygCents = "payg_cents"
    case plan
    case portfolioPrior = "portfolio_prior"
    case portfolioWorkspaces = "portfolio_workspaces"
    case precision
    case priceCents = "price_cents"
    case pricing
    case recentClosing = "recent_closing"
    case recentUsage = "recent_usage"
    case renewal
    case renewals
    case report
    case risk
    case rules
    case scenarios
    case seasonEffects = "season_effects"
    case seasonFirstMonth = "season_first_month"
    case seasonWorkingDayElasticity = "season_working_day_elasticity"
    case seasonMonthLengthElasticity = "season_month_length_elasticity"
    case seasonErrorVariances = "season_error_variances"
    case seasonWorkspaces = "season_workspaces"
    case seatFeeCents = "seat_fee_cents"
    case seats
    case seed
    case sensitivity
    case shard
    case shards
    case sharedDepartureCounts = "shared_departure_counts"
    case sharedDepartureSums = "shared_departure_sums"
    case shortfallLikelyBy = "shortfall_likely_by"
    case shortfallMean = "shortfall_mean"
    case shortfallProbability = "shortfall_probability"
    case startingBalance = "starting_balance"
    case startingBalances = "starting_balances"
    case strategy
    case thresholds
    case toolVersion = "tool_version"
    case trendMean = "trend_mean"
    case trendSigma = "trend_sigma"
    case trendWorkspaces = "trend_workspaces"
    case trials
    case upfront
    case usage
    case usageState = "usage_state"
    case windowMonths = "window_months"
    case workspace
    case workspaces
}

extension JSONValue {
    /// An object whose members are named by shard keys, in the order given.
    static func keyed(_ members: [(ShardKey, JSONValue)]) -> JSONValue {
        .object(members.map { ($0.0.rawValue, $0.1) })
    }
}
