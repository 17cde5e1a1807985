/// One bin of a reliability table: forecasts whose probability fell in `lower ..< upper` (the
/// last bin includes 1), and how often the event then happened.
///
/// For a calibrated forecast `observedFrequency` is close to `meanProbability` in every bin with
/// enough forecasts.
public struct ReliabilityBin: Sendable, Equatable {
    /// The bin's lowest probability.
    public var lower: Double
    /// The bin's upper bound (exclusive, except 1 for the last bin).
    public var upper: Double
    /// Forecasts in the bin.
    public var count: Int
    /// Their mean forecast probability (the bin's middle when it is empty).
    public var meanProbability: Double
    /// The share of them in which the event happened (0 when the bin is empty).
    public var observedFrequency: Double

    /// A bin with the given values.
    public init(lower: Double, upper: Double, count: Int, meanProbability: Double, observedFrequency: Double) {
        self.lower = lower
        self.upper = upper
        self.count = count
        self.meanProbability = meanProbability
        self.observedFrequency = observedFrequency
    }

    /// The `bins` equal-width bins of `forecasts`' probabilities.
    public static func table(_ forecasts: [EventForecast], bins: Int = 10) -> [ReliabilityBin] {
        var tally = Tally(bins: bins)
        for forecast in forecasts { tally.add(forecast) }
        return tally.bins
    }

    /// `bins` (in probability order) with neighbours merged until each holds at least
    /// `minimumCount` forecasts, so that no point of a reliability chart rests on a handful of
    /// events; what is left over at the top joins the last bin. Counts, mean probabilities and
    /// observed frequencies are those of the merged forecasts; empty bins vanish.
    public static func pooled(_ bins: [ReliabilityBin], minimumCount: Int) -> [ReliabilityBin] {
        var pooled: [ReliabilityBin] = []
        var open: ReliabilityBin?
        func merge(_ a: ReliabilityBin, _ b: ReliabilityBin) -> ReliabilityBin {
            let count = a.count + b.count
            guard count > 0 else {
                return ReliabilityBin(lower: a.lower, upper: b.upper, count: 0, meanProbability: 0, observedFrequency: 0)
            }
            func weighted(_ x: Double, _ y: Double) -> Double { (x * Double(a.count) + y * Double(b.count)) / Double(count) }
            return ReliabilityBin(
                lower: a.lower, upper: b.upper, count: count, meanProbability: weighted(a.meanProbability, b.meanProbability),
                observedFrequency: weighted(a.observedFrequency, b.observedFrequency))
        }
        for bin in bins where bin.count > 0 {
            let merged = open.map { merge($0, bin) } ?? bin
            if merged.count >= minimumCount {
                pooled.append(merged)
                open = nil
            } else {
                open = merged
            }
        }
        if let rest = open {
            if let last = pooled.popLast() { pooled.append(merge(last, rest)) } else { pooled.append(rest) }
        }
        return pooled
    }
}
