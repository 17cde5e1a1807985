/// When a workspace needs action, as probabilities on the forecast (not fixed balances).
///
/// A workspace is `running-short` when its chance of a shortfall within `windowMonths` reaches
/// `shortfallProbability`, and `near-cap` when its chance of forfeiting credits at the cap within
/// `windowMonths` reaches `capProbability`.
public struct WatchlistThresholds: Sendable, Equatable {
    /// The chance of a shortfall that calls for a sales conversation (default 30%).
    public var shortfallProbability: Double
    /// The chance of a cap hit that calls for advice to use more or change plan (default 50%).
    public var capProbability: Double
    /// The months ahead the chances are counted over (default 3, a quarter).
    public var windowMonths: Int

    /// The defaults: 30% for a shortfall, 50% for a cap hit, within 3 months.
    public static let standard = WatchlistThresholds(shortfallProbability: 0.3, capProbability: 0.5, windowMonths: 3)

    /// Thresholds with the given values.
    public init(shortfallProbability: Double, capProbability: Double, windowMonths: Int) {
        self.shortfallProbability = shortfallProbability
        self.capProbability = capProbability
        self.windowMonths = windowMonths
    }

    /// Checks every value is in range.
    public func validate() throws(DecisionError) {
        for (name, value) in [("shortfall", shortfallProbability), ("cap", capProbability)] where !(value > 0 && value <= 1) {
            throw .invalidThreshold("the \(name) threshold must be a probability above 0 and at most 1, such as 0.3")
        }
        guard windowMonths >= 1 else { throw .invalidThreshold("the watchlist window must be at least 1 month") }
    }
}
