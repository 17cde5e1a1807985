/// The action a workspace needs, most urgent first.
public enum WatchlistStatus: String, Sendable, CaseIterable, Comparable {
    /// A shortfall is likely soon: a sales conversation about packages.
    case runningShort = "running-short"
    /// Forfeiting at the cap is likely soon: advise using more credits or changing plan.
    case nearCap = "near-cap"
    /// Neither is likely within the window.
    case healthy

    /// Urgency order: running short costs the customer money, so it comes first.
    public static func < (lhs: WatchlistStatus, rhs: WatchlistStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
