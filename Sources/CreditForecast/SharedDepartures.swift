/// How far a portfolio's workspaces stood above or below their own trend lines, month by month,
/// summed over the workspaces: the movement they share beyond their lines, which each one's
/// history alone cannot tell from its noise (a year in which every state's births rose above its
/// line), measured across them so that their own noise averages out.
///
/// A workspace counts where its departures measure how far its months strayed
/// (`counts(_:)`: three months or more, none idle); its departures are those from its
/// least-squares line after the portfolio's season (`TrendEstimate.residuals`), added into the
/// sums of the history months they fall in. A workspace reads the others' mean departure
/// (`others(than:from:)`), itself left out: with six workspaces its own noise is a sixth of the
/// mean, and a workspace that shares nothing would seem to follow the mean as closely as one
/// that shares everything. `SharedLevel` is what a workspace makes of it.
public struct SharedDepartures: Sendable, Equatable, Hashable {
    /// `Σᵢ rᵢ,ₜ`: the departures of the workspaces that count, summed per history month.
    public var sums: [Double]
    /// How many workspaces' departures each month's sum holds.
    public var counts: [Int]

    /// Departures with the given sums and counts, one of each per history month.
    public init(sums: [Double], counts: [Int]) {
        precondition(sums.count == counts.count, "one count per sum")
        self.sums = sums
        self.counts = counts
    }

    /// No departures: a workspace forecast on its own, or a prior from before they were measured.
    public static let none = SharedDepartures(sums: [], counts: [])

    /// Whether `trend`'s departures measure how far its months strayed: three months or more (a
    /// line through two leaves no departure), none idle (an idle month's log is the offset's).
    package static func counts(_ trend: TrendEstimate) -> Bool { trend.months >= 3 && !trend.hasIdleMonth }

    /// The departures of `trends`, whose histories cover `monthCount` months, after the same
    /// season.
    package static func measure(from trends: [TrendEstimate], monthCount: Int) -> SharedDepartures {
        var sums = [Double](repeating: 0, count: max(0, monthCount))
        var counts = [Int](repeating: 0, count: max(0, monthCount))
        for trend in trends where Self.counts(trend) {
            for (t, departure) in trend.residuals.enumerated() {
                sums[trend.firstOffset + t] += departure
                counts[trend.firstOffset + t] += 1
            }
        }
        return SharedDepartures(sums: sums, counts: counts)
    }

    /// `c₋ᵢ,ₜ = (Σⱼ rⱼ,ₜ − rᵢ,ₜ)/(countₜ − 1)`: the other workspaces' mean departure in each month
    /// of a workspace whose `departures` (which the sums hold) start at history month
    /// `firstOffset`. `nil` where some month has no other workspace, or the sums do not reach
    /// the workspace's months (a prior measured on another history).
    package func others(than departures: [Double], from firstOffset: Int) -> [Double]? {
        guard firstOffset >= 0, firstOffset + departures.count <= sums.count else { return nil }
        var others: [Double] = []
        others.reserveCapacity(departures.count)
        for (t, departure) in departures.enumerated() {
            let count = counts[firstOffset + t] - 1
            guard count > 0 else { return nil }
            others.append((sums[firstOffset + t] - departure) / Double(count))
        }
        return others
    }

    /// The level every workspace's departures share, through the last months that two or more
    /// workspaces count in: the local level of their mean departure (`LocalLevel.chosen`), or
    /// `nil` where it does not wander (the mean is independent noise about zero) or fewer than
    /// five such months end the history (`LocalLevel.smoothingPrice(months:)`).
    public var level: LocalLevel? {
        let start = (counts.lastIndex { $0 < 2 } ?? -1) + 1
        return LocalLevel.chosen(logs: (start..<counts.count).map { sums[$0] / Double(counts[$0]) })
    }
}
