/// How workspaces' monthly trends are spread, `b ~ N(mean, sigma²)`: the prior each workspace's
/// own, noisy slope is weighed against (empirical Bayes).
///
/// One workspace's history cannot tell a real trend from noise well: in a steady portfolio,
/// extrapolating the slopes that noise makes costs accuracy, while in a growing one dropping
/// them costs more. How far the slopes of many workspaces spread beyond their own sampling
/// error tells which portfolio this is, so `estimate(from:parameters:)` measures it across the
/// forecast's workspaces; a single workspace gets `standalone(_:)`.
///
/// **Estimate.** For the workspaces with a residual variance (three months or more), slopes
/// `b̂ᵢ` clamped to `±maxSlope` and sampling variances `vᵢ = r²ᵢ/Sₜₜ` (floored at 10⁻¹⁰), the
/// DerSimonian–Laird random-effects estimator (as in meta-analysis) gives, with `wᵢ = 1/vᵢ`,
/// `μ_F = Σwᵢb̂ᵢ/Σwᵢ` and `Q = Σwᵢ(b̂ᵢ − μ_F)²`:
///
///     τ̂² = max(0, (Q − (W − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ)),   μ̂ = Σw*ᵢb̂ᵢ/Σw*ᵢ with w*ᵢ = 1/(vᵢ + τ̂²)
///
/// over the `W` workspaces. It is blended with the standalone prior `N(0, τ₀²)`, weighted as
/// `k₀` workspaces (`trendPriorWorkspaces`), so that a handful of workspaces does not decide
/// alone: `σ² = (W·τ̂² + k₀·τ₀²)/(W + k₀)`, `mean = W·μ̂/(W + k₀)`.
///
/// **A season nobody could measure.** Where no two workspaces have a year of history
/// (`SeasonalProfile.isMeasured`), a line through a few months of a yearly season looks like a
/// trend (an airline's first months rising toward the summer). Each `vᵢ` then gains
/// `TrendEstimate.seasonAliasVariance` for a season of amplitude `unseenSeasonAmplitude`, and as
/// workspaces that share the calendar share that season, the part it would put into every slope
/// does not average out: the mean is multiplied by `τ₀²/(τ₀² + v_A)`, `v_A` the mean of those
/// variances, so it is kept only as far as the standalone prior's spread `τ₀` outweighs what
/// the season could have made.
///
/// **Posterior.** A workspace with slope `b̂` and sampling variance `v` then has the slope
/// `mean + (b̂ − mean)·σ²/(σ² + v)` and uncertainty `σ²v/(σ² + v)`.
public struct TrendPrior: Sendable, Equatable, Hashable {
    /// The prior mean slope, in log-credits per month.
    public var mean: Double
    /// The prior standard deviation of the slope, in log-credits per month.
    public var sigma: Double
    /// How many workspaces the prior was estimated from; 0 for the standalone prior.
    public var workspaces: Int

    /// A prior with the given values.
    public init(mean: Double, sigma: Double, workspaces: Int = 0) {
        self.mean = mean
        self.sigma = sigma
        self.workspaces = workspaces
    }

    /// The prior of a workspace forecast on its own: mean 0, standard deviation
    /// `parameters.trendPriorSigma`.
    public static func standalone(_ parameters: SeatsModelParameters) -> TrendPrior {
        TrendPrior(mean: 0, sigma: parameters.trendPriorSigma)
    }

    /// The prior estimated from `trends`, one per workspace; those without a residual variance
    /// (fewer than three months) say nothing about the spread and are left out.
    /// With `unseenSeason`, no season could be measured (`SeasonalProfile.isMeasured`), so each
    /// slope's variance gains what a yearly season of `parameters.unseenSeasonAmplitude` could
    /// put into it (`TrendEstimate.seasonAliasVariance`), and the mean of those, `v_A`, is the
    /// variance of the part workspaces that share the calendar share (see the type's documentation).
    public static func estimate(from trends: [TrendEstimate], parameters: SeatsModelParameters, unseenSeason: Bool = false)
        -> TrendPrior
    {
        let amplitude = unseenSeason ? parameters.unseenSeasonAmplitude : 0
        let measured = trends.compactMap { trend in
            trend.slopeVariance.map { (slope: trend.slope, variance: $0, season: trend.seasonAliasVariance(amplitude: amplitude)) }
        }
        let shared = measured.isEmpty ? 0 : measured.reduce(0) { $0 + $1.season } / Double(measured.count)
        return estimate(
            slopes: measured.map(\.slope), variances: measured.map { $0.variance + $0.season }, parameters: parameters,
            sharedSeasonVariance: shared)
    }

    /// The prior estimated from workspaces' slopes and their sampling variances, with
    /// `sharedSeasonVariance` (`v_A`) the variance of a season's part common to every slope.
    public static func estimate(
        slopes: [Double], variances: [Double], parameters: SeatsModelParameters, sharedSeasonVariance: Double = 0
    ) -> TrendPrior {
        precondition(slopes.count == variances.count, "one variance per slope")
        let slopes = slopes.map { min(parameters.maxSlope, max(-parameters.maxSlope, $0)) }
        let weights = variances.map { 1 / max(1e-10, $0) }
        let standalone = standalone(parameters)
        let count = Double(slopes.count)
        guard slopes.count >= 2 else { return standalone }
        let weightSum = weights.reduce(0, +)
        let fixedMean = zip(weights, slopes).reduce(0) { $0 + $1.0 * $1.1 } / weightSum
        let q = zip(weights, slopes).reduce(0) { $0 + $1.0 * ($1.1 - fixedMean) * ($1.1 - fixedMean) }
        let scale = weightSum - weights.reduce(0) { $0 + $1 * $1 } / weightSum
        let between = scale > 0 ? max(0, (q - (count - 1)) / scale) : 0
        var pooledWeight = 0.0
        var pooledSum = 0.0
        for (weight, slope) in zip(weights, slopes) {
            let randomEffectsWeight = 1 / (1 / weight + between)
            pooledWeight += randomEffectsWeight
            pooledSum += randomEffectsWeight * slope
        }
        let blend = parameters.trendPriorWorkspaces
        let variance = (count * between + blend * standalone.sigma * standalone.sigma) / (count + blend)
        // A season the workspaces share moves every slope alike, so averaging does not remove it:
        // the shared slope is kept as far as the standalone prior's spread outweighs it.
        let standaloneVariance = standalone.sigma * standalone.sigma
        let kept = sharedSeasonVariance > 0 ? standaloneVariance / (standaloneVariance + sharedSeasonVariance) : 1
        return TrendPrior(
            mean: kept * count * (pooledSum / pooledWeight) / (count + blend), sigma: variance.squareRoot(), workspaces: slopes.count
        )
    }

    /// The slope and its variance after weighing an estimate `slope` with sampling variance
    /// `variance` (`.infinity`: no evidence) against this prior.
    public func posterior(slope: Double, variance: Double) -> (slope: Double, variance: Double) {
        let priorVariance = sigma * sigma
        guard variance.isFinite else { return (mean, priorVariance) }
        guard priorVariance + variance > 0 else { return (slope, 0) }
        let weight = priorVariance / (priorVariance + variance)
        return (mean + weight * (slope - mean), weight * variance)
    }
}
