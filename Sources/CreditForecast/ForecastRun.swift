import CreditCore

/// A whole forecast: every workspace's results and what is needed to reproduce them.
public struct ForecastRun: Sendable, Equatable {
    /// The settings the run used.
    public var settings: ForecastSettings
    /// The as-of month: the forecast starts the month after it.
    public var asOf: Month
    /// A hash of the inputs (usage, workspaces and pricing files' bytes and the settings), hex.
    public var inputHash: String
    /// Every workspace, sorted by name.
    public var workspaces: [WorkspaceForecast]

    /// Creates a run.
    public init(settings: ForecastSettings, asOf: Month, inputHash: String, workspaces: [WorkspaceForecast]) {
        self.settings = settings
        self.asOf = asOf
        self.inputHash = inputHash
        self.workspaces = workspaces
    }

    /// The run of `workspaces` forecast with `requested` settings, reporting the trial count the
    /// way every run does: with a `precision` each workspace stops on its own, so the run reports
    /// the most trials any workspace took. Both the engine and a merge of shards build runs
    /// through this, so they report the same count.
    public init(requested settings: ForecastSettings, asOf: Month, inputHash: String, workspaces: [WorkspaceForecast]) {
        var used = settings
        if settings.precision != nil { used.trials = workspaces.map(\.trials).max() ?? 0 }
        self.init(settings: used, asOf: asOf, inputHash: inputHash, workspaces: workspaces)
    }
}

/// The usage model that draws each trial's months.
public enum UsageModelKind: String, Sendable, CaseIterable {
    /// Each month resamples one whole historical month of the workspace; no trend.
    case bootstrap
    /// Per-seat usage with a workspace-wide common factor and a damped trend.
    case seats
}

/// How a forecast is run.
public struct ForecastSettings: Sendable, Equatable {
    /// The longest horizon, in months.
    public static let maximumHorizon = 120
    /// The most trials a workspace runs, fixed or in precision mode.
    public static let maximumTrials = 1_000_000
    /// The most trial-months (trials × horizon) a workspace runs: every trial's usage and closing
    /// balance of every month are held until the workspace is summarised (its percentiles are
    /// exact), so this bounds a workspace's working set to 192 MB. A million trials of 12 months,
    /// or a hundred thousand of 120. In precision mode it lowers `maxTrials` for long horizons.
    public static let maximumTrialMonths = 12_000_000

    /// Months forecast.
    public var horizon: Int
    /// Trials per workspace. With `precision` the engine returns the largest count any workspace
    /// ran (each workspace's own count is `WorkspaceForecast.trials`).
    public var trials: Int
    /// The seed every random stream derives from.
    public var seed: UInt64
    /// The usage model.
    public var model: UsageModelKind
    /// Run until every reported probability's standard error is below this, if set.
    public var precision: Double?
    /// Keep every trial's closing balances (for `--trials-out`).
    public var keepPaths: Bool
    /// The constants of the `seats` model.
    public var seatsParameters: SeatsModelParameters
    /// What the `seats` model weighs each workspace's history against; `nil` until estimated.
    /// `ForecastEngine` estimates it from the history it forecasts; a run's `settings` carry the
    /// prior used. Set it to forecast a share of a portfolio (a shard, one workspace) exactly as
    /// the whole portfolio's run does.
    public var portfolioPrior: PortfolioPrior?
    /// With `precision`, the most trials any workspace runs, whatever its standard errors; a
    /// workspace that stops here has `trials == maxTrials`.
    public var maxTrials: Int

    /// Settings with the given values.
    public init(
        horizon: Int = 12, trials: Int = 10_000, seed: UInt64 = 1, model: UsageModelKind = .seats, precision: Double? = nil,
        keepPaths: Bool = false, seatsParameters: SeatsModelParameters = .standard, portfolioPrior: PortfolioPrior? = nil,
        maxTrials: Int = 1_000_000
    ) {
        self.horizon = horizon
        self.trials = trials
        self.seed = seed
        self.model = model
        self.precision = precision
        self.keepPaths = keepPaths
        self.seatsParameters = seatsParameters
        self.portfolioPrior = portfolioPrior
        self.maxTrials = maxTrials
    }

    /// These settings with `portfolioPrior` estimated from every workspace of `history` when the
    /// `seats` model needs one and none is set.
    public func estimatingPortfolioPrior(from history: UsageHistory) -> ForecastSettings {
        guard model == .seats, portfolioPrior == nil else { return self }
        var settings = self
        settings.portfolioPrior = PortfolioPrior.estimate(from: history, parameters: seatsParameters)
        return settings
    }
}
