import CreditCore

/// A whole backtest: its scores, its records where it kept them, and what is needed to reproduce
/// them.
public struct BacktestRun: Sendable, Equatable {
    /// The settings the run used.
    public var settings: BacktestSettings
    /// The history's first month.
    public var firstMonth: Month
    /// The history's last month: nothing after it could be compared.
    public var lastMonth: Month
    /// The cut-off months, oldest first.
    public var origins: [Month]
    /// Workspaces in the history (not all may have enough history at every origin).
    public var workspaceCount: Int
    /// The caller's fingerprint of the inputs.
    public var inputHash: String
    /// One record per origin, workspace, model and step, in that order (models as in
    /// `settings.scoredModels`); empty when the run handed them on as they came
    /// (`Backtest.run`'s `deliver`).
    public private(set) var records: [BacktestRecord]
    /// Every record's scores, gathered in the records' order, whether the run kept them or not.
    public private(set) var tally: BacktestTally

    /// A run that kept its `records`, scored in their order; `Backtest.run` is the usual source.
    public init(
        settings: BacktestSettings, firstMonth: Month, lastMonth: Month, origins: [Month], workspaceCount: Int,
        inputHash: String, records: [BacktestRecord]
    ) {
        self.init(
            settings: settings, firstMonth: firstMonth, lastMonth: lastMonth, origins: origins, workspaceCount: workspaceCount,
            inputHash: inputHash, records: records,
            tally: BacktestTally(models: settings.scoredModels, horizon: settings.horizon, records: records))
    }

    /// A run with the given values: `records` those `tally` scored, or none when they were handed
    /// on.
    package init(
        settings: BacktestSettings, firstMonth: Month, lastMonth: Month, origins: [Month], workspaceCount: Int,
        inputHash: String, records: [BacktestRecord], tally: BacktestTally
    ) {
        self.settings = settings
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.origins = origins
        self.workspaceCount = workspaceCount
        self.inputHash = inputHash
        self.records = records
        self.tally = tally
    }

    /// The models scored, candidates first.
    public var models: [BacktestModel] { settings.scoredModels }
}
