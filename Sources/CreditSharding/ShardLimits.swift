/// The bounds every count and value read from a shard file must keep before it is trusted.
///
/// A shard file crosses machines and may be edited, cut off or damaged; a merge allocates by its
/// counts and sums its figures, so each is checked where it is read, against a bound far above
/// anything a run can write and low enough that nothing downstream overflows or allocates
/// without limit.
public enum ShardLimits {
    /// Workspaces in a portfolio: 100 million.
    public static let portfolioWorkspaces = 100_000_000
    /// A credit figure's magnitude (balances, usage, caps, percentiles, means): 10¹⁸, the
    /// horizon's 120 months of the most usage a month can hold (`UsageHistory.maximumCredits`)
    /// at the largest usage multiplier (1,000), with room to spare.
    public static let credits = 1_000_000_000_000_000_000
    /// A money figure, in cents: any amount a 64-bit count of cents holds, but never negative.
    /// The engine's own costs reach above 10¹⁷ cents at the input limits, so no tighter bound
    /// would be honest.
    public static let cents = Int.max
    /// A line of the file, in bytes: 64 MiB (a workspace of 120 months in many scenarios is a few
    /// megabytes).
    public static let lineBytes = 64 << 20
    /// Scenarios in a run, the baseline included.
    public static let scenarios = 1_000
    /// A spread on the log scale, the seats model's prior `trend_sigma` (a standard deviation of
    /// workspaces' monthly log slopes) and `factor_sigma` (of a month's log usage about its trend
    /// line): 0 to 1,000. The estimates stay below it: slopes are held to ±0.1 a month, so their
    /// spread is at most 0.15, and a month's error about the line through a workspace's earlier
    /// months is at most a few times the range of its log usage per seat, a few hundred at the
    /// input limits. Within it a simulated month stays finite (its log variance, 10⁶ at most, is
    /// far from overflowing), and so does the percentage a report states. It bounds each of the
    /// prior's shared departures too (a month's log usage about its workspace's line), so a
    /// month's sum of them is within `logSpread` times its count.
    public static let logSpread = 1_000
    /// A slope on the log scale, the seats model's prior `trend_mean` (log-credits a month):
    /// −1 to 1, ten times the ±0.1 a month every slope is held to, of which the prior's mean is a
    /// shrunk average; a report states it as a monthly change (+172% at 1).
    public static let logSlope = 1
}
