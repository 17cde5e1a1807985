/// What a backtest compares the forecast with.
public enum BacktestTarget: String, Sendable, CaseIterable {
    /// The workspace's usage in the month.
    case usage
    /// The pool's closing balance in the month, as the ledger gives it on real usage.
    case balance
}
