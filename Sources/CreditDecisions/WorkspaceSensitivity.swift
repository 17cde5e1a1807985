import CreditCore

/// One workspace's sensitivity analysis: its baseline results and every driver's effect.
public struct WorkspaceSensitivity: Sendable, Equatable {
    /// The workspace's name.
    public var workspace: String
    /// The first month of the renewal year.
    public var renewal: Month
    /// The strategy recommended in the baseline, whose cost every setting reports.
    public var strategy: String
    /// The results without any change.
    public var baseline: SensitivityOutcome
    /// Every driver's effect, in `SensitivityDriver` order.
    public var effects: [SensitivityEffect]

    /// An analysis with the given values.
    public init(workspace: String, renewal: Month, strategy: String, baseline: SensitivityOutcome, effects: [SensitivityEffect]) {
        self.workspace = workspace
        self.renewal = renewal
        self.strategy = strategy
        self.baseline = baseline
        self.effects = effects
    }

    /// The effects as a tornado for `measure`: the widest swing first; equal swings in driver
    /// order, so the order is the same from run to run.
    public func tornado(_ measure: SensitivityMeasure) -> [SensitivityEffect] {
        effects.sorted { lhs, rhs in
            let left = lhs.swing(measure)
            let right = rhs.swing(measure)
            return left != right ? left > right : lhs.driver < rhs.driver
        }
    }
}
