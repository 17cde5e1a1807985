/// How far chance alone moves a band's coverage: a 90% interval for the share of forecasts
/// inside the band, the workspaces taken as the independent units.
///
/// A backtest's forecasts are not independent draws: a workspace's origins forecast overlapping
/// months, and a workspace that is hard to forecast misses at every origin. On a few workspaces
/// a coverage of 89% may then be as much chance as a band too wide (a panel of six city groups
/// gives an interval about 25 points wide), so a verdict on it says which.
///
/// **Estimate.** With `W` workspaces (those with forecasts), workspace `w` having `k_w` of its
/// `n_w` forecasts inside the band (a point mass may count by its share, so `k_w` need not be
/// whole), `N = Σn_w` and `p = Σk_w/N`:
///
/// - the cluster-robust (sandwich) variance of `p` is `V_c = W/(W − 1)·Σ(k_w − p·n_w)²/N²` and
///   the binomial one `V_b = p(1 − p)/N`;
/// - their ratio, the design effect, is held between 1 (independent forecasts) and `N/W` (every
///   forecast of a workspace the same), and is `N/W` where `p` is 0 or 1 (both variances are
///   then 0: no forecast strayed, and nothing says how much they would);
/// - the interval is Wilson's score interval for `p` on `n = N/deff` forecasts, with Student's
///   `t₀.₉₅` on `W − 1` degrees of freedom (`StudentT`) for `z`, as the design effect is itself
///   estimated from `W` workspaces:
///
///       (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), held within 0 … 1.
///
/// With one forecast per workspace this is Wilson's interval with Student's `t`. Workspaces that share shocks (city
/// groups in one housing market) are less independent than it assumes, so the interval is, if
/// anything, narrow.
public struct CoverageInterval: Sendable, Equatable {
    /// The share of forecasts inside the band.
    public let coverage: Double
    /// The interval's low end.
    public let lower: Double
    /// The interval's high end.
    public let upper: Double
    /// The workspaces it rests on.
    public let workspaces: Int

    /// A band of the forecast's percentiles.
    public enum Band: Sendable {
        /// P10–P90, nominally 80% of what happens.
        case central80
        /// P5–P95, nominally 90%.
        case central90

        /// The share of outcomes the band holds when the forecast is calibrated.
        public var nominal: Double {
            switch self {
            case .central80: 0.8
            case .central90: 0.9
            }
        }
    }

    /// The interval of `inside[w]` forecasts inside the band out of `counts[w]`, workspace by
    /// workspace (a workspace without forecasts is left out); `nil` with fewer than two
    /// workspaces with forecasts, as one workspace says nothing of how coverage varies.
    public init?(inside: [Double], counts: [Int]) {
        precondition(inside.count == counts.count, "one count per workspace")
        let groups = zip(inside, counts).filter { $0.1 > 0 }
        let workspaces = groups.count
        guard workspaces >= 2 else { return nil }
        let total = Double(groups.reduce(0) { $0 + $1.1 })
        let share = groups.reduce(0) { $0 + $1.0 } / total
        let binomial = share * (1 - share) / total
        let sandwich =
            Double(workspaces) / Double(workspaces - 1)
            * groups.reduce(0) { sum, group in
                let departure = group.0 - share * Double(group.1)
                return sum + departure * departure
            } / (total * total)
        let meanCount = total / Double(workspaces)
        let designEffect = binomial > 0 ? min(meanCount, max(1, sandwich / binomial)) : meanCount
        let n = total / designEffect
        let z = StudentT.quantile95(freedom: workspaces - 1)
        let z2n = z * z / n
        let centre = (share + z2n / 2) / (1 + z2n)
        let half = z * (share * (1 - share) / n + z2n / (4 * n)).squareRoot() / (1 + z2n)
        coverage = share
        // Wilson's interval reaches 0 where no forecast was inside and 1 where every one was;
        // rounding is not to leave it a hair short.
        lower = share == 0 ? 0 : max(0, centre - half)
        upper = share == 1 ? 1 : min(1, centre + half)
        self.workspaces = workspaces
    }

    /// Whether `share` (a nominal coverage, say) lies inside the interval.
    public func contains(_ share: Double) -> Bool { (lower...upper).contains(share) }
}
