/// The pool events a backtest checks the forecast's probabilities of.
public enum BacktestEvent: String, Sendable, CaseIterable {
    /// At least one month forfeits credits to the cap.
    case capHit = "cap_hit"
    /// At least one month has a shortfall (usage the pool and lots cannot cover).
    case shortfall
}
