import Foundation

/// How a workspace whose own level is fixed follows the level the other workspaces of its
/// portfolio share beyond their own lines (`SharedDepartures`).
///
/// A fixed level's forecast starts from its months brought to the as-of level along its slope;
/// where every workspace stood above its line for the last months together (the whole country's
/// births rose 2.6% in 1988 after 0.6% a year), that is a level they share, not each one's noise,
/// and it persists. Each workspace's carry-over sees only its own last month, shrunk as one
/// history's noise; fifty-one states' bands held 72.5% (P10–P90) of their months from twelve
/// origins with the medians low (a third of the actuals below them), 75.3% following the
/// shared level.
///
/// **Shared level.** The others' mean departures `c₀ … c_{n−1}` over the workspace's months
/// (`SharedDepartures.others(than:from:)`) are smoothed as a local level (`LocalLevel.chosen`:
/// only where it beats a fixed level by the information criterion, so the mean of independent
/// noise, as in generated portfolios, gives nothing), with weight `α_c`, level `ℓ_c` and
/// one-step prediction variance `σ_c²`.
///
/// **Loading.** The workspace's own departures `d₀ … d_{n−1}` regressed on the others':
/// `β = clamp(Σ dₜcₜ / Σ cₜ², 0, 1)`, how far it has moved with them (a workspace whose departures
/// did not move with the others' has `β` near 0). Not above 1: a workspace that swung
/// wider than the others has its own spread for that.
///
/// **What it moves.** With `m̄_c` the recency-weighted mean of `cₜ` (the part of the shared level
/// the seat draws already hold, as `SeatsUsageModel.drawnLevel` weighs the months):
/// - every month is lifted by `G = clamp(β·(ℓ_c − m̄_c), ±1)`;
/// - the shared level walks, month `h` adding `h − 1` steps of `β·α_c·σ_c`, as a local level's
///   does;
/// - the last month's shared part `β·(c_{n−1} − m̄_c)` is taken out of the carry-over's gap, which
///   the shared level now carries.
package struct SharedLevel: Equatable {
    /// `β`, the workspace's loading on the others' departures.
    package let loading: Double
    /// `G = clamp(β·(ℓ_c − m̄_c), ±1)`, the lift of every forecast month.
    package let levelGap: Double
    /// `β·α_c·σ_c`, the standard deviation of the shared level's monthly step (0 where `σ_c` was
    /// not measured).
    package let walkSigma: Double
    /// `β·(c_{n−1} − m̄_c)`, the shared part of the last month's departure.
    package let lastMonthShare: Double

    /// The shared level of a workspace with `departures` from its own line and `others`, the
    /// other workspaces' mean departures in the same months, its seat draws weighing the months
    /// with `halfLife`; `nil` where the others' departures do not wander (or cover fewer than
    /// five months, `LocalLevel.smoothingPrice(months:)`), or the workspace has moved against
    /// them (`β = 0`).
    package init?(departures: [Double], others: [Double], halfLife: Double?) {
        precondition(departures.count == others.count, "one mean of the others per month")
        var cross = 0.0
        var squares = 0.0
        for (own, shared) in zip(departures, others) {
            cross += own * shared
            squares += shared * shared
        }
        // The loading first: one pass, where the level's fit takes one per smoothing weight.
        guard squares > 0, cross > 0, let level = LocalLevel.chosen(logs: others) else { return nil }
        let loading = min(1, cross / squares)
        let drawn = SeatsUsageModel.drawnLevel(others, halfLife: halfLife)
        self.loading = loading
        levelGap = min(1, max(-1, loading * (level.level - drawn)))
        walkSigma = loading * level.smoothing * (level.predictionVariance ?? 0).squareRoot()
        lastMonthShare = loading * (others[others.count - 1] - drawn)
    }
}
