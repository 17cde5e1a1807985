extension ReliabilityBin {
    /// A reliability table gathered one forecast at a time, so that a backtest keeps its bins,
    /// not its forecasts. The same forecasts in the same order give `table`'s bins to the bit.
    struct Tally: Sendable, Equatable {
        private var counts: [Int]
        private var happened: [Int]
        private var sums: [Double]

        /// `bins` empty equal-width bins (at least one).
        init(bins: Int = 10) {
            precondition(bins >= 1, "at least one bin")
            counts = [Int](repeating: 0, count: bins)
            happened = counts
            sums = [Double](repeating: 0, count: bins)
        }

        /// Adds one forecast to the bin its probability falls in.
        mutating func add(_ forecast: EventForecast) {
            let index = min(counts.count - 1, max(0, Int(forecast.probability * Double(counts.count))))
            counts[index] += 1
            sums[index] += forecast.probability
            if forecast.happened { happened[index] += 1 }
        }

        /// The table: every bin, empty ones at their middle probability.
        var bins: [ReliabilityBin] {
            let size = counts.count
            return (0..<size).map { index in
                let lower = Double(index) / Double(size)
                let upper = Double(index + 1) / Double(size)
                let count = counts[index]
                return ReliabilityBin(
                    lower: lower, upper: upper, count: count,
                    meanProbability: count > 0 ? sums[index] / Double(count) : (lower + upper) / 2,
                    observedFrequency: count > 0 ? Double(happened[index]) / Double(count) : 0
                )
            }
        }
    }
}
