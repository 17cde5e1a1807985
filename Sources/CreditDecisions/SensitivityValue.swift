import CreditForecast

/// Where a sensitivity setting puts its driver, in the driver's own terms.
public enum SensitivityValue: Sendable, Equatable, CustomStringConvertible {
    /// Usage scaled by this factor over the whole forecast (usage level, heaviest seats).
    case multiplier(UsageMultiplier)
    /// Usage scaled by this factor more each month: `factor^h` in the h-th forecast month (trend).
    case monthlyGrowth(UsageMultiplier)
    /// Seats added (negative: removed) from the first forecast month on.
    case seats(Int)
    /// Every seat on this plan from the first forecast month on; `nil` keeps the plan (there is
    /// no neighbouring plan on that side, or the seats are on several plans).
    case plan(String?)

    /// The setting as reports show it: `x0.85`, `x1.012 a month`, `1 seat more`, `3 seats fewer`,
    /// `launch`, `same plan`.
    public var description: String {
        switch self {
        case let .multiplier(factor): "x\(factor)"
        case let .monthlyGrowth(factor): "x\(factor) a month"
        // Words, not a sign: a CSV cell starting with "-" or "+" reads as a formula in a spreadsheet.
        case let .seats(delta): "\(abs(delta)) seat\(abs(delta) == 1 ? "" : "s") \(delta < 0 ? "fewer" : "more")"
        case let .plan(name): name ?? "same plan"
        }
    }
}
