/// Which result a tornado is drawn for.
public enum SensitivityMeasure: String, Sendable, CaseIterable {
    /// The renewal year's cost of the recommended strategy.
    case renewalCost = "renewal_cost"
    /// The chance of a shortfall in the renewal year.
    case shortfallProbability = "p_shortfall"

    /// The measure in a reader's words.
    public var title: String {
        switch self {
        case .renewalCost: "renewal cost"
        case .shortfallProbability: "P(shortfall)"
        }
    }

    /// The measure's value in `outcome`: dollars for the cost, a probability for a shortfall.
    public func value(_ outcome: SensitivityOutcome) -> Double {
        switch self {
        case .renewalCost: Double(outcome.renewalCost.cents) / 100
        case .shortfallProbability: outcome.shortfallProbability
        }
    }
}
