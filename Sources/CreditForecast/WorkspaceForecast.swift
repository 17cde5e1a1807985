import CreditCore

/// What the Monte Carlo runs say about one workspace over the horizon.
public struct WorkspaceForecast: Sendable, Equatable {
    /// The workspace's name.
    public var name: String
    /// The plan name, or `mixed` when seats carry their own plans.
    public var plan: String
    /// Seats in the first forecast month.
    public var seats: Int
    /// The pool balance at the start of the forecast.
    public var startingBalance: Int
    /// The cap in the first forecast month.
    public var cap: Int
    /// One entry per forecast month, in order.
    public var months: [MonthForecast]
    /// Probability that at least one month of the horizon forfeits credits.
    public var probabilityOfAnyCapHit: Double
    /// Probability that at least one month of the horizon has a shortfall.
    public var probabilityOfAnyShortfall: Double
    /// The first month by which a cap hit has more than a 50% chance of having happened.
    public var capHitLikelyBy: Month?
    /// The first month by which a shortfall has more than a 50% chance of having happened.
    public var shortfallLikelyBy: Month?
    /// Expected credits forfeited over the horizon.
    public var expectedForfeited: Double
    /// Expected shortfall credits over the horizon.
    public var expectedShortfall: Double
    /// Expected pay-as-you-go spend over the horizon, to the cent.
    public var expectedPayAsYouGoCost: Money
    /// Expected spend on auto-purchased packages over the horizon, to the cent.
    public var expectedPackageCost: Money
    /// What the seats cost over the horizon (seat-months × each plan's seat price), to the
    /// cent; `nil` when a plan involved has no seat price.
    public var seatFees: Money?
    /// The usage of the history's last months (at most `ForecastEngine.recentHistoryMonths`),
    /// oldest first, ending with the as-of month.
    public var recentUsage: [Int]
    /// The replayed closing balances of the history's last months, ending with the as-of month
    /// like `recentUsage`; fewer (or none) when the pool's balance is given for a later month
    /// than the history's first.
    public var recentClosing: [Int]
    /// Trials run for this workspace.
    public var trials: Int
    /// Each trial's closing balance per month, `trials × months.count`, row-major; empty unless
    /// the caller asked for sample paths.
    public var closingPaths: [Int]

    /// What the credits cost over the horizon: expected pay-as-you-go and auto-purchased
    /// packages.
    public var expectedCreditSpend: Money { expectedPayAsYouGoCost + expectedPackageCost }

    /// Creates a workspace forecast; the engine is the usual source.
    public init(
        name: String, plan: String, seats: Int, startingBalance: Int, cap: Int, months: [MonthForecast],
        probabilityOfAnyCapHit: Double, probabilityOfAnyShortfall: Double, capHitLikelyBy: Month?,
        shortfallLikelyBy: Month?, expectedForfeited: Double, expectedShortfall: Double,
        expectedPayAsYouGoCost: Money, trials: Int, closingPaths: [Int] = [], expectedPackageCost: Money = .zero,
        seatFees: Money? = nil, recentUsage: [Int] = [], recentClosing: [Int] = []
    ) {
        self.recentUsage = recentUsage
        self.recentClosing = recentClosing
        self.expectedPackageCost = expectedPackageCost
        self.seatFees = seatFees
        self.name = name
        self.plan = plan
        self.seats = seats
        self.startingBalance = startingBalance
        self.cap = cap
        self.months = months
        self.probabilityOfAnyCapHit = probabilityOfAnyCapHit
        self.probabilityOfAnyShortfall = probabilityOfAnyShortfall
        self.capHitLikelyBy = capHitLikelyBy
        self.shortfallLikelyBy = shortfallLikelyBy
        self.expectedForfeited = expectedForfeited
        self.expectedShortfall = expectedShortfall
        self.expectedPayAsYouGoCost = expectedPayAsYouGoCost
        self.trials = trials
        self.closingPaths = closingPaths
    }
}

/// The distribution of one forecast month across trials.
public struct MonthForecast: Sendable, Equatable {
    /// The month.
    public var month: Month
    /// Seats counted this month.
    public var seats: Int
    /// Credits accrued this month.
    public var accrual: Int
    /// The cap this month.
    public var cap: Int
    /// Usage percentiles: P10, P50, P90.
    public var usage: Percentiles
    /// Opening balance percentiles (last month's closing).
    public var opening: Percentiles
    /// Closing balance percentiles.
    public var closing: Percentiles
    /// Mean closing balance.
    public var closingMean: Double
    /// Probability that the month forfeits credits.
    public var probabilityOfCapHit: Double
    /// Probability that the month's usage exceeds the credits available.
    public var probabilityOfShortfall: Double
    /// Expected credits forfeited this month.
    public var forfeitedMean: Double
    /// Expected shortfall credits this month.
    public var shortfallMean: Double
    /// Expected pay-as-you-go spend this month, to the cent.
    public var payAsYouGoCostMean: Money
    /// Probability that some month from the first forecast month through this one forfeits
    /// credits: cumulative, so the first month's is "within 1 month", the third's "within 3".
    public var probabilityOfCapHitByThen: Double
    /// Probability that some month from the first forecast month through this one has a
    /// shortfall (cumulative, like `probabilityOfCapHitByThen`).
    public var probabilityOfShortfallByThen: Double

    /// Creates a month forecast. The cumulative probabilities default to zero for callers that
    /// build months by hand without them.
    public init(
        month: Month, seats: Int, accrual: Int, cap: Int, usage: Percentiles, opening: Percentiles,
        closing: Percentiles, closingMean: Double, probabilityOfCapHit: Double, probabilityOfShortfall: Double,
        forfeitedMean: Double, shortfallMean: Double, payAsYouGoCostMean: Money,
        probabilityOfCapHitByThen: Double = 0, probabilityOfShortfallByThen: Double = 0
    ) {
        self.probabilityOfCapHitByThen = probabilityOfCapHitByThen
        self.probabilityOfShortfallByThen = probabilityOfShortfallByThen
        self.month = month
        self.seats = seats
        self.accrual = accrual
        self.cap = cap
        self.usage = usage
        self.opening = opening
        self.closing = closing
        self.closingMean = closingMean
        self.probabilityOfCapHit = probabilityOfCapHit
        self.probabilityOfShortfall = probabilityOfShortfall
        self.forfeitedMean = forfeitedMean
        self.shortfallMean = shortfallMean
        self.payAsYouGoCostMean = payAsYouGoCostMean
    }
}

/// Percentiles of a credit quantity across trials (nearest-rank, so always a value some trial had).
///
/// With the `n` trials' values sorted ascending, `x₁ ≤ … ≤ xₙ`, the P-th percentile is `x_k` with
/// `k = ⌈P·n/100⌉` (at least 1): see `Percentiles.nearestRank(percent:count:)`.
public struct Percentiles: Sendable, Equatable {
    /// The 5th percentile.
    public var p5: Int
    /// The 10th percentile.
    public var p10: Int
    /// The median (the lower middle value of an even count).
    public var p50: Int
    /// The 90th percentile.
    public var p90: Int
    /// The 95th percentile.
    public var p95: Int

    /// Creates percentiles.
    public init(p5: Int, p10: Int, p50: Int, p90: Int, p95: Int) {
        self.p5 = p5
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
    }
}
