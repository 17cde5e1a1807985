import CreditDecisions

/// The one-line reason a watchlist gives for a workspace's status, for a CRM note.
enum WatchlistReason {
    /// Why `entry` has its status, in words, with the chances that decided it.
    static func text(_ entry: WatchlistEntry, thresholds: WatchlistThresholds) -> String {
        let window = "within \(thresholds.windowMonths) month\(thresholds.windowMonths == 1 ? "" : "s")"
        let shortfall = FixedDecimal.percent(entry.probabilityInWindow.shortfall)
        let capHit = FixedDecimal.percent(entry.probabilityInWindow.capHit)
        switch entry.status {
        case .runningShort:
            let by = entry.shortfallLikelyBy.map { ", from \($0)" } ?? ""
            return "\(shortfall) chance of running short \(window)\(by), about "
                + "\(FixedDecimal.groupedWhole(entry.atStakeInWindow.shortfall)) credits short "
                + "(\(entry.atStakeInWindow.payAsYouGo.formatted) pay-as-you-go): talk about a package"
        case .nearCap:
            let by = entry.capHitLikelyBy.map { ", from \($0)" } ?? ""
            return "\(capHit) chance of forfeiting at the cap \(window)\(by), about "
                + "\(FixedDecimal.groupedWhole(entry.expectedForfeitedNextQuarter)) credits next quarter: advise using more or changing plan"
        case .healthy:
            // An event likely only after the window is said, so a quiet row is not read as never.
            var later: [String] = []
            if let by = entry.shortfallLikelyBy { later.append("shortfall likely by \(by)") }
            if let by = entry.capHitLikelyBy { later.append("cap likely by \(by)") }
            let beyond =
                later.isEmpty
                ? "" : "; \(later.joined(separator: ", ")), beyond the \(thresholds.windowMonths)-month window"
            return "no action: \(shortfall) chance of a shortfall and \(capHit) of a cap hit \(window)\(beyond)"
        }
    }
}
