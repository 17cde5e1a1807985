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

    /// The setting as a change from the baseline, for charts: `−18%`, `+1.8% a month`,
    /// `−1 seat`, `+3 seats`, `launch`, `same plan`. Percentages are rounded to a tenth and
    /// written without a trailing `.0`; the minus is a true minus sign (U+2212).
    public var change: String {
        switch self {
        case let .multiplier(factor): Self.percentChange(factor)
        case let .monthlyGrowth(factor): Self.percentChange(factor) + " a month"
        case let .seats(delta): "\(delta < 0 ? "\u{2212}" : "+")\(abs(delta)) seat\(abs(delta) == 1 ? "" : "s")"
        case let .plan(name): name ?? "same plan"
        }
    }

    /// `factor` as a signed percentage change, from its exact millionths.
    static func percentChange(_ factor: UsageMultiplier) -> String {
        let change = factor.millionths - UsageMultiplier.denominator
        // Tenths of a percent: 1,000 millionths each, rounded half away from zero.
        let tenths = (abs(change) + 500) / 1_000
        let sign = tenths == 0 ? "" : change < 0 ? "\u{2212}" : "+"
        let digits = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return "\(sign)\(digits)%"
    }
}
