import Foundation

/// The common factor's prior spread, learnt across a portfolio.
extension PortfolioPrior {
    /// The months past the line's last that `lineErrorVariance(of:)` scores: a forecast's months
    /// lie one to several months past the history, and the errors one month ahead alone
    /// understate what it meets (a generated portfolio with trends then fell to 74% P10–P90).
    static let errorMonthsAhead = 3

    /// `σ₀` learnt across the portfolio: with `W` workspaces of three months or more, their mean
    /// squared errors about the trend lines before them, `lineErrorVariances`
    /// (`lineErrorVariance(of:)`), and `m` their median,
    ///
    ///     σ₀² = m^{W/(W+k_σ)} · (σ_s²)^{k_σ/(W+k_σ)},
    ///
    /// the standalone `σ_s = commonFactorPriorSigma` weighted as `k_σ = factorPriorWorkspaces`
    /// workspaces, on the log scale as a spread is a scale. The standalone prior is wide so that
    /// a workspace with a short history gets a wide forecast; a portfolio whose months do follow
    /// their trend lines (a steady total however its seats come and go) says how wide that needs
    /// to be. Errors out of sample, not residuals, as they are what a forecast meets, and the
    /// median, so that one erratic workspace does not set every other's. `σ_s` with fewer than
    /// two such workspaces or a median of zero.
    package static func factorSigma(lineErrorVariances: [Double], parameters: SeatsModelParameters) -> Double {
        let standalone = parameters.commonFactorPriorSigma
        let variances = lineErrorVariances.sorted()
        guard variances.count >= 2 else { return standalone }
        let middle = variances.count / 2
        let median = variances.count % 2 == 1 ? variances[middle] : (variances[middle - 1] + variances[middle]) / 2
        guard median > 0 else { return standalone }
        let share = Double(variances.count) / (Double(variances.count) + parameters.factorPriorWorkspaces)
        return (pow(median, share) * pow(standalone * standalone, 1 - share)).squareRoot()
    }

    /// `e²`: the mean squared error of predicting months `t … t + errorMonthsAhead − 1` of
    /// `logs` (a workspace's seasonally adjusted log usage per seat, `TrendEstimate`) by the
    /// least-squares line through months `0 … t − 1` extended (with `slope`, the line through
    /// their mean with that slope: the line a model that uses it draws), over every `t ≥ 3` and
    /// the months that exist; `nil` with fewer than three months. A history of three months has
    /// one error to give, month 2's past the line through months 0 and 1 (`t ≥ 2`): a portfolio
    /// whose workspaces are all that young (a product three months after its launch, the first
    /// origin of a backtest) then learns its `σ₀` rather than taking the standalone one, whose
    /// bands are some ±30% wide. That error's variance, six times the months' own for a free line
    /// through independent months, lies among those of the errors one to three months past the
    /// line through three months (3.3, 5.8 and 9.3 times), so a young portfolio's months are
    /// judged on errors of the same size as an older one's. Running sums keep it linear in `n`.
    package static func lineErrorVariance(of logs: [Double], slope fixedSlope: Double? = nil) -> Double? {
        guard logs.count >= 3 else { return nil }
        let firstLine = min(3, logs.count - 1)
        var sumY = 0.0
        var sumTY = 0.0
        var squares = 0.0
        var count = 0
        for (t, y) in logs.enumerated() {
            if t >= firstLine {
                let months = Double(t)
                let meanT = (months - 1) / 2
                let slope = fixedSlope ?? (sumTY - meanT * sumY) / TrendEstimate.timeSpread(months: t)
                for ahead in t..<min(logs.count, t + errorMonthsAhead) {
                    let error = logs[ahead] - sumY / months - slope * (Double(ahead) - meanT)
                    squares += error * error
                    count += 1
                }
            }
            sumY += y
            sumTY += Double(t) * y
        }
        return squares / Double(count)
    }
}
