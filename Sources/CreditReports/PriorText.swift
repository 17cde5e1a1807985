import CreditForecast
import Foundation

/// The `seats` model's `PortfolioPrior` in a reader's words, for every Markdown report of a
/// forecast: the trend the workspaces' own trends were weighed against, the seasonality, the
/// working days and the month length where they were measured, the spread a fixed level's
/// months were weighed against, and the level the workspaces share beyond their own lines.
enum PriorText {
    /// What the seats model learnt from the portfolio (or assumed, standalone), as three
    /// Markdown bullets (one more for each of the working days, the month length and, with two
    /// workspaces or more to measure it, the shared level) ending in a line break.
    static func bullets(_ prior: PortfolioPrior) -> String {
        // A log effect as the percentage change it makes: +0.5%, -8.0%.
        func change(_ log: Double) -> String {
            let text = FixedDecimal.text(expm1(log) * 100, places: 1)
            return (text.hasPrefix("-") ? "" : "+") + text + "%"
        }
        let trend = prior.trend
        var out = "- **Trend prior:** "
        if trend.workspaces == 0 {
            out +=
                "each workspace's own trend, weighed against a flat one (±\(FixedDecimal.text(trend.sigma * 100, places: 1))% a month).\n"
        } else {
            out +=
                "each workspace's own trend, weighed against how trends spread across the \(trend.workspaces.groupedThousands) "
                + "workspaces with three months or more: \(change(trend.mean)) ± \(FixedDecimal.text(trend.sigma * 100, places: 1))% a month.\n"
        }
        let season = prior.seasonality
        let flat = season.effects.allSatisfy { $0 == 0 }
        if season.isMeasured && flat {
            out +=
                "- **Seasonality:** none; no yearly pattern stands out of the noise across the "
                + "\(season.workspaces.groupedThousands) workspaces with a year or more.\n"
        } else if flat {
            // `SeatsUsageModel` then reads a short history's trend as possibly part of a season.
            out +=
                "- **Seasonality:** none assumed"
                + (trend.workspaces == 0 ? "" : ": fewer than two workspaces have a year of history to measure one")
                + "; a trend seen over less than a year is weighed as possibly part of a season.\n"
        } else {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            out +=
                "- **Seasonality:** learnt from the \(season.workspaces.groupedThousands) workspaces with a year or more: "
                + zip(months, season.effects).map { "\($0) \(change($1))" }.joined(separator: ", ") + ".\n"
        }
        if season.workingDayElasticity != 0 {
            // One weekday more than a calendar month's mean of about 21.7.
            let oneDay = season.workingDayElasticity * log(22.7 / 21.7)
            out +=
                "- **Working days:** usage follows a month's weekdays with an elasticity of "
                + "\(FixedDecimal.text(season.workingDayElasticity, places: 2)): one weekday more than the calendar month's mean "
                + "moves the month by \(change(oneDay)).\n"
        }
        if season.monthLengthElasticity != 0 {
            out +=
                "- **Month length:** with no season to hold it, usage follows a month's days with an elasticity of "
                + "\(FixedDecimal.text(season.monthLengthElasticity, places: 2)): a February of 28 days moves the month by "
                + "\(change(season.monthLengthElasticity * MonthLength.logRatio(days: 28))) against the mean month, one of 31 days by "
                + "\(change(season.monthLengthElasticity * MonthLength.logRatio(days: 31))).\n"
        }
        out +=
            "- **Spread prior:** where a workspace's level is fixed, its months' spread about its trend line is weighed "
            + "against ±\(FixedDecimal.text(prior.factorSigma * 100, places: 1))% (a log standard deviation).\n"
        let shared = prior.sharedDepartures
        if let level = shared.level, let counted = shared.counts.last {
            let size = FixedDecimal.text(abs(expm1(level.level)) * 100, places: 1)
            out +=
                "- **Shared level:** the \(counted.groupedThousands) workspaces with three months or more and none idle stand together "
                + "\(size)% \(level.level < 0 ? "below" : "above") their own trend lines, a level that wanders (smoothing "
                + "\(FixedDecimal.text(level.smoothing, places: 2))); where a workspace's level is fixed, it follows as far as it has "
                + "moved with the others.\n"
        } else if shared.counts.contains(where: { $0 >= 2 }) {
            out += "- **Shared level:** none; the workspaces' departures from their own trend lines do not wander together.\n"
        }
        return out
    }
}
