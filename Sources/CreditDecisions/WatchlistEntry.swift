import CreditCore
import CreditForecast

/// One workspace on the watchlist: where its pool stands and what the forecast says about the
/// next months.
public struct WatchlistEntry: Sendable, Equatable {
    /// 1 for the most urgent workspace.
    public var rank: Int
    /// The workspace's name.
    public var workspace: String
    /// What it needs.
    public var status: WatchlistStatus
    /// Its plan, or `mixed`.
    public var plan: String
    /// Seats in the first forecast month.
    public var seats: Int
    /// The pool balance now.
    public var balance: Int
    /// The cap in the first forecast month.
    public var cap: Int
    /// `balance / cap` (0 for a zero cap).
    public var fractionOfCap: Double
    /// P(cap hit) within 1 month and within 3 months (or the horizon, if shorter).
    public var probabilityOfCapHit: (oneMonth: Double, threeMonths: Double)
    /// P(shortfall) within 1 month and within 3 months (or the horizon, if shorter).
    public var probabilityOfShortfall: (oneMonth: Double, threeMonths: Double)
    /// P(cap hit) and P(shortfall) within the thresholds' window.
    public var probabilityInWindow: (capHit: Double, shortfall: Double)
    /// Expected credits forfeited over the next 3 months.
    public var expectedForfeitedNextQuarter: Double
    /// What is at stake within the thresholds' window: the expected pay-as-you-go bill, the
    /// expected shortfall in credits (what purchases or pay-as-you-go must cover) and the
    /// expected credits forfeited at the cap, each summed over the window's months.
    public var atStakeInWindow: (payAsYouGo: Money, shortfall: Double, forfeited: Double)
    /// The first month by which a cap hit has reached the cap threshold, if any month does.
    public var capHitLikelyBy: Month?
    /// The first month by which a shortfall has reached the shortfall threshold, if any does.
    public var shortfallLikelyBy: Month?

    /// Whether two entries hold the same values (written out because tuples are not Equatable).
    public static func == (lhs: WatchlistEntry, rhs: WatchlistEntry) -> Bool {
        lhs.rank == rhs.rank && lhs.workspace == rhs.workspace && lhs.status == rhs.status && lhs.plan == rhs.plan
            && lhs.seats == rhs.seats && lhs.balance == rhs.balance && lhs.cap == rhs.cap && lhs.fractionOfCap == rhs.fractionOfCap
            && lhs.probabilityOfCapHit == rhs.probabilityOfCapHit && lhs.probabilityOfShortfall == rhs.probabilityOfShortfall
            && lhs.probabilityInWindow == rhs.probabilityInWindow
            && lhs.expectedForfeitedNextQuarter == rhs.expectedForfeitedNextQuarter && lhs.atStakeInWindow == rhs.atStakeInWindow
            && lhs.capHitLikelyBy == rhs.capHitLikelyBy && lhs.shortfallLikelyBy == rhs.shortfallLikelyBy
    }

    /// The entry of `forecast` under `thresholds`, ranked later.
    package init(_ forecast: WorkspaceForecast, thresholds: WatchlistThresholds) {
        let months = forecast.months
        func byThen(_ count: Int, _ value: KeyPath<MonthForecast, Double>) -> Double {
            guard !months.isEmpty else { return 0 }
            return months[min(count, months.count) - 1][keyPath: value]
        }
        func likely(_ value: KeyPath<MonthForecast, Double>, _ threshold: Double) -> Month? {
            months.first { $0[keyPath: value] >= threshold }?.month
        }
        rank = 0
        workspace = forecast.name
        plan = forecast.plan
        seats = forecast.seats
        balance = forecast.startingBalance
        cap = forecast.cap
        fractionOfCap = forecast.cap > 0 ? Double(forecast.startingBalance) / Double(forecast.cap) : 0
        probabilityOfCapHit = (byThen(1, \.probabilityOfCapHitByThen), byThen(3, \.probabilityOfCapHitByThen))
        probabilityOfShortfall = (byThen(1, \.probabilityOfShortfallByThen), byThen(3, \.probabilityOfShortfallByThen))
        probabilityInWindow = (
            byThen(thresholds.windowMonths, \.probabilityOfCapHitByThen),
            byThen(thresholds.windowMonths, \.probabilityOfShortfallByThen)
        )
        expectedForfeitedNextQuarter = months.prefix(3).reduce(0) { $0 + $1.forfeitedMean }
        let window = months.prefix(thresholds.windowMonths)
        atStakeInWindow = (
            window.reduce(Money.zero) { $0 + $1.payAsYouGoCostMean }, window.reduce(0) { $0 + $1.shortfallMean },
            window.reduce(0) { $0 + $1.forfeitedMean }
        )
        capHitLikelyBy = likely(\.probabilityOfCapHitByThen, thresholds.capProbability)
        shortfallLikelyBy = likely(\.probabilityOfShortfallByThen, thresholds.shortfallProbability)
        if probabilityInWindow.shortfall >= thresholds.shortfallProbability {
            status = .runningShort
        } else if probabilityInWindow.capHit >= thresholds.capProbability {
            status = .nearCap
        } else {
            status = .healthy
        }
    }

    /// What decides the entry's place within its status after the month it acts by: the
    /// expected shortfall in credits for running short (the pay-as-you-go bill, or what
    /// auto-purchases must cover), the expected credits forfeited for near the cap, the
    /// shortfall then the forfeit when healthy.
    var moneyAtStake: (Double, Double) {
        switch status {
        case .runningShort: (atStakeInWindow.shortfall, atStakeInWindow.forfeited)
        case .nearCap: (atStakeInWindow.forfeited, atStakeInWindow.shortfall)
        case .healthy: (atStakeInWindow.shortfall, atStakeInWindow.forfeited)
        }
    }

    /// The probability that breaks a tie of money: the shortfall chance for running short, the
    /// cap chance for near the cap, the larger of the two when healthy.
    var urgency: Double {
        switch status {
        case .runningShort: probabilityInWindow.shortfall
        case .nearCap: probabilityInWindow.capHit
        case .healthy: max(probabilityInWindow.shortfall, probabilityInWindow.capHit)
        }
    }

    /// The first month the status's event becomes likely (the earlier of the two when healthy).
    public var actionBy: Month? {
        switch status {
        case .runningShort: shortfallLikelyBy
        case .nearCap: capHitLikelyBy
        case .healthy: [shortfallLikelyBy, capHitLikelyBy].compactMap { $0 }.min()
        }
    }
}
