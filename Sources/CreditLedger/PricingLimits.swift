import CreditCore

/// The largest values a pricing file may set.
///
/// Far above any vendor's list, and low enough that every product the ledger and the forecast
/// form stays inside 64 bits even with a trillion credits of usage in a month
/// (`UsageHistory.maximumCredits`): a pricing file can be wrong, but it cannot make the tool trap.
public enum PricingLimits {
    /// Credits per seat per month.
    public static let allowance = 100_000
    /// The cap, in months of accrual.
    public static let capMonths = 24
    /// A purchased lot's life, in months.
    public static let expiryMonths = 120
    /// The pay-as-you-go price of a credit: $100, in millionths of a dollar.
    public static let payAsYouGoMicros = 100_000_000
    /// A seat's price for one month: $10,000, so that one workspace's seat fees over the longest
    /// horizon (`UsageHistory.maximumSeats` twice over, 120 months) stay below 10¹⁶ cents, as its
    /// pay-as-you-go cost does.
    public static let seatPrice = Money(units: 10_000)
    /// A package's price: $100,000, so that the billion smallest packages a trillion-credit
    /// shortfall buys cost at most 10¹⁶ cents in a month, as its pay-as-you-go cost does, and a
    /// block of a forecast's trials sums them inside 64 bits (`TrialTallies`). At $1,000,000 a
    /// forecast's block of 250 such months overflowed.
    public static let packagePrice = Money(units: 100_000)
    /// A package's size in credits: small packages would let a trillion-credit shortfall buy a
    /// billion packages.
    public static let packageCredits = 1_000...UsageHistory.maximumCredits
}
