/// What moving one driver to its P10 and P90 does to a workspace's results.
public struct SensitivityEffect: Sendable, Equatable {
    /// The driver and its two settings.
    public var range: SensitivityRange
    /// The results with the driver at its P10.
    public var atLow: SensitivityOutcome
    /// The results with the driver at its P90.
    public var atHigh: SensitivityOutcome

    /// An effect with the given results.
    public init(range: SensitivityRange, atLow: SensitivityOutcome, atHigh: SensitivityOutcome) {
        self.range = range
        self.atLow = atLow
        self.atHigh = atHigh
    }

    /// The driver.
    public var driver: SensitivityDriver { range.driver }

    /// How far apart the two settings put `measure`: the length of the tornado's bar. For the
    /// cost it is exact (cents), for a probability a difference of trial shares.
    public func swing(_ measure: SensitivityMeasure) -> Double {
        switch measure {
        case .renewalCost: Double(abs(atHigh.renewalCost.cents - atLow.renewalCost.cents)) / 100
        case .shortfallProbability: abs(atHigh.shortfallProbability - atLow.shortfallProbability)
        }
    }
}
