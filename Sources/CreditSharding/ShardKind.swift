/// The command whose reports a shard's result becomes: what `creditcast merge` writes.
public enum ShardKind: String, Sendable, CaseIterable {
    /// `creditcast forecast`: report.md, forecast.csv, summary.csv, charts, provenance.json, and
    /// scenarios.csv/md when a scenario file was given.
    case forecast
    /// `creditcast watchlist`: watchlist.csv, watchlist.md, provenance.json.
    case watchlist
    /// `creditcast renew`: renew.csv, renew.md, provenance.json.
    case renew

    /// The report directory the command writes to when `--out` is left out.
    public var defaultDirectory: String {
        switch self {
        case .forecast: "creditcast-report"
        case .watchlist: "creditcast-watchlist"
        case .renew: "creditcast-renew"
        }
    }
}
