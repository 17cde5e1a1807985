/// When the pool's cap is applied in a month.
public enum CapTiming: String, Sendable, CaseIterable {
    /// The vendor's own words, and the default: new accruals only top the pool up to the cap at
    /// the start of the month; the rest of the accrual is forfeited.
    case accrual
    /// The lenient reading: the closing balance is cut to the cap; the cut is forfeited.
    case close
}
