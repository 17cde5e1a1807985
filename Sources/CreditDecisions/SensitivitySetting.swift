import CreditForecast

/// One end of a driver's range for one workspace: the value, and the scenario changes that put
/// the forecast there (run through `Scenario`, on the baseline's trials).
public struct SensitivitySetting: Sendable, Equatable {
    /// Where the driver is put.
    public var value: SensitivityValue
    /// The changes, all targeted at the workspace; none when the setting is the baseline's.
    public var changes: [ScenarioChange]

    /// A setting with the given value and changes.
    public init(value: SensitivityValue, changes: [ScenarioChange]) {
        self.value = value
        self.changes = changes
    }
}
