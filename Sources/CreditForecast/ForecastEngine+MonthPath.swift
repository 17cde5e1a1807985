import CreditCore

extension ForecastEngine {
    /// What a workspace's pool runs with in each forecast month: seats, accrual, cap, and the
    /// exact factor `numerator / denominator` its drawn usage is scaled by.
    struct MonthPath: Sendable, Equatable {
        /// Seats per month.
        var seats: [Int]
        /// Accrual per month.
        var accruals: [Int]
        /// Cap per month.
        var caps: [Int]
        /// Usage scale per month, as an exact fraction: seats now over seats before (each at most
        /// `UsageHistory.maximumSeats`) times the multiplier in millionths (at most
        /// `UsageMultiplier.maximum`), so both parts fit 64 bits.
        var usageScale: [(numerator: Int, denominator: Int)]
        /// What the month's seats cost; `nil` when a plan's seat price is unknown.
        var seatFees: [Money?]

        /// A path of `months` months, all zero and unscaled, to be filled in.
        init(months: Int) {
            seats = Array(repeating: 0, count: months)
            accruals = Array(repeating: 0, count: months)
            caps = Array(repeating: 0, count: months)
            usageScale = Array(repeating: (1, 1), count: months)
            seatFees = Array(repeating: .zero, count: months)
        }

        /// A path that keeps `seats`, `accrual`, `cap` and the monthly `seatFee` for `months`
        /// months, usage as drawn.
        init(months: Int, seats: Int, accrual: Int, cap: Int, seatFee: Money?) {
            self.seats = Array(repeating: seats, count: months)
            self.accruals = Array(repeating: accrual, count: months)
            self.caps = Array(repeating: cap, count: months)
            self.usageScale = Array(repeating: (1, 1), count: months)
            self.seatFees = Array(repeating: seatFee, count: months)
        }

        /// The seat fees of the months at `range`, to the cent; `nil` when any month's is unknown.
        func seatFees(in range: Range<Int>) -> Money? {
            seatFees[range].reduce(Money.zero) { sum, fee in sum.flatMap { sum in fee.map { sum + $0 } } }
        }

        /// Whether any month scales usage.
        var scalesUsage: Bool { usageScale.contains { $0.numerator != $0.denominator } }

        static func == (lhs: MonthPath, rhs: MonthPath) -> Bool {
            lhs.seats == rhs.seats && lhs.accruals == rhs.accruals && lhs.caps == rhs.caps && lhs.seatFees == rhs.seatFees
                && lhs.usageScale.elementsEqual(rhs.usageScale) { $0 == $1 }
        }

        /// `usage × numerator / denominator` of `month`, rounded half up, without overflow, and
        /// at most `UsageHistory.maximumCredits`, as drawn usage is.
        @inline(__always)
        func scaled(_ usage: Int, month: Int) -> Int {
            let (numerator, denominator) = usageScale[month]
            if numerator == denominator { return usage }
            let product = usage.multipliedFullWidth(by: numerator)
            let (low, carry) = product.low.addingReportingOverflow(UInt(denominator / 2))
            let high = product.high + (carry ? 1 : 0)
            // A quotient past 2⁶³ would trap the division; one that large is far past the maximum.
            guard high < denominator / 2 else { return UsageHistory.maximumCredits }
            return min(UsageHistory.maximumCredits, denominator.dividingFullWidth((high, low)).quotient)
        }
    }
}
