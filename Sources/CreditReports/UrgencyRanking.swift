import CreditForecast

/// The order in which a reader should look at workspaces: the likeliest to run short or to hit
/// the cap first.
///
/// Rank is the larger of P(any shortfall) and P(any cap hit), since either calls for action (buy
/// credits, or add usage or cut seats); ties go to the higher shortfall chance (it costs money),
/// then to the earlier month by which either is likely, then to the name, then to the run's own
/// order, so the order is total and the report deterministic.
enum UrgencyRanking {
    /// `workspaces`, most urgent first.
    static func sorted(_ workspaces: [WorkspaceForecast]) -> [WorkspaceForecast] {
        order(workspaces).map { workspaces[$0] }
    }

    /// The indices of `workspaces`, most urgent first; lets a caller keep what it holds per index
    /// (a chart path) with each workspace, even when two workspaces share a name.
    static func order(_ workspaces: [WorkspaceForecast]) -> [Int] {
        workspaces.indices.sorted { lhsIndex, rhsIndex in
            let lhs = workspaces[lhsIndex]
            let rhs = workspaces[rhsIndex]
            let left = max(lhs.probabilityOfAnyShortfall, lhs.probabilityOfAnyCapHit)
            let right = max(rhs.probabilityOfAnyShortfall, rhs.probabilityOfAnyCapHit)
            if left != right { return left > right }
            if lhs.probabilityOfAnyShortfall != rhs.probabilityOfAnyShortfall {
                return lhs.probabilityOfAnyShortfall > rhs.probabilityOfAnyShortfall
            }
            let leftBy = [lhs.shortfallLikelyBy, lhs.capHitLikelyBy].compactMap { $0 }.min()
            let rightBy = [rhs.shortfallLikelyBy, rhs.capHitLikelyBy].compactMap { $0 }.min()
            if leftBy != rightBy {
                guard let leftBy else { return false }
                guard let rightBy else { return true }
                return leftBy < rightBy
            }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhsIndex < rhsIndex
        }
    }
}
