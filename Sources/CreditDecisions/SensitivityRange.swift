/// One driver of one workspace at its P10 (`low`) and P90 (`high`).
public struct SensitivityRange: Sendable, Equatable {
    /// The driver.
    public var driver: SensitivityDriver
    /// The driver at its P10 (the lower usage, fewer seats, the plan below).
    public var low: SensitivitySetting
    /// The driver at its P90 (the higher usage, more seats, the plan above).
    public var high: SensitivitySetting

    /// A range with the given ends.
    public init(driver: SensitivityDriver, low: SensitivitySetting, high: SensitivitySetting) {
        self.driver = driver
        self.low = low
        self.high = high
    }
}
