/// Integer sums over a workspace's trials, one slot per forecast month and statistic.
///
/// Sums of integers do not depend on the order they are added in, so tallies from blocks run on
/// any threads merge to the same totals. Layout: `statistic × months + month`.
///
/// The sums are 128-bit: a trial's month can bill `UsageHistory.maximumCredits` at the largest
/// pay-as-you-go price, or buy a billion of the smallest packages at the largest price, 10¹⁶
/// cents either way (`PricingLimits`), so a million trials over 120 months sum to about 10²⁴, far
/// past 64 bits and far inside 128. A block's own sums (at most `ForecastEngine.blockSize`
/// trials of one month, at most 2.5 × 10¹⁸) still fit the 64-bit scratch they are added from.
struct TrialTallies: Sendable {
    /// The statistics tallied, in layout order.
    enum Statistic: Int, CaseIterable {
        /// Trials whose month forfeited credits.
        case capHits
        /// Trials whose month had a shortfall.
        case shortfalls
        /// Credits forfeited.
        case forfeited
        /// Shortfall credits.
        case shortfall
        /// Pay-as-you-go cost, in cents.
        case payAsYouGoCents
        /// Packages auto-purchased, in cents.
        case packageCents
        /// Closing balances.
        case closing
        /// Trials whose first cap hit was this month.
        case firstCapHits
        /// Trials whose first shortfall was this month.
        case firstShortfalls
    }

    /// Forecast months.
    let months: Int
    /// The sums.
    var values: [Int128]
    /// Trials tallied.
    var trials = 0

    /// Empty tallies for `months` forecast months.
    init(months: Int) {
        self.months = months
        self.values = [Int128](repeating: 0, count: Statistic.allCases.count * months)
    }

    /// Slots a block's scratch tallies need.
    static func slotCount(months: Int) -> Int { Statistic.allCases.count * months }

    /// The sum of `statistic` in `month`.
    subscript(_ statistic: Statistic, _ month: Int) -> Int128 {
        values[statistic.rawValue * months + month]
    }

    /// The sum of `statistic` over the horizon.
    func total(_ statistic: Statistic) -> Int128 {
        let start = statistic.rawValue * months
        return values[start..<(start + months)].reduce(0, +)
    }

    /// The mean of `statistic` in `month` over the trials tallied.
    func mean(_ statistic: Statistic, _ month: Int) -> Double {
        Self.double(self[statistic, month]) / Double(trials)
    }

    /// The mean over the trials tallied of `statistic`'s sum over the horizon.
    func meanOfTotal(_ statistic: Statistic) -> Double {
        Self.double(total(statistic)) / Double(trials)
    }

    /// `Double(sum)`, the same correctly rounded value: a sum that fits 64 bits (nearly every
    /// one) converts in an instruction, where the standard library's generic 128-bit conversion
    /// took a call of a few thousand, 2% of a bootstrap forecast's instructions.
    static func double(_ sum: Int128) -> Double {
        if let small = Int(exactly: sum) { return Double(small) }
        return Double(sum)
    }

    /// Adds a block's sums, laid out the same way (the block's trials are counted separately).
    mutating func add(_ block: UnsafeBufferPointer<Int>) {
        for index in values.indices { values[index] += Int128(block[index]) }
    }

    /// Adds another run's sums of the same months (the trials are counted separately).
    mutating func add(_ other: TrialTallies) {
        for index in values.indices { values[index] += other.values[index] }
    }

    /// Whether the standard error `√(p(1−p)/n)` of every reported probability (each month's cap
    /// hit and shortfall, any cap hit, any shortfall) is below `limit`.
    func standardErrorsBelow(_ limit: Double) -> Bool {
        let n = Double(trials)
        guard n > 0 else { return false }
        func small(_ count: Int128) -> Bool {
            let p = Double(count) / n
            return (p * (1 - p) / n).squareRoot() < limit
        }
        for month in 0..<months where !small(self[.capHits, month]) || !small(self[.shortfalls, month]) {
            return false
        }
        return small(total(.firstCapHits)) && small(total(.firstShortfalls))
    }
}
