import CreditDecisions

/// What each workspace line of a shard file holds beyond its figures, and the settings of the
/// report they become: the same in every shard of one run.
public enum ShardLayout: Sendable, Equatable {
    /// A forecast's lines, with each workspace's next twelve months when `annual`.
    case forecast(annual: Bool)
    /// A watchlist's lines, ranked by `thresholds`.
    case watchlist(WatchlistThresholds)
    /// A renewal's lines, recommended by `risk`, with each workspace's sensitivity when
    /// `sensitivity`.
    case renew(RenewalRisk, sensitivity: Bool)

    /// The command whose reports the lines become.
    public var kind: ShardKind {
        switch self {
        case .forecast: .forecast
        case .watchlist: .watchlist
        case .renew: .renew
        }
    }
}
