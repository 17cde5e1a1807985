import CreditForecast

/// How a backtest is run.
public struct BacktestSettings: Sendable, Equatable {
    /// The most trials per workspace, origin and model: each worker holds one unit's trials of
    /// every month (at most 120) at once, so this bounds a worker's working set to about 200 MB.
    public static let maximumTrials = 100_000
    /// The most origins: ten years of monthly cut-offs.
    public static let maximumOrigins = 120

    /// Months forecast from each origin.
    public var horizon: Int
    /// How many cut-off months (origins) to forecast from: the latest ones that leave at least one
    /// month to compare with and have enough history before them.
    public var origins: Int
    /// Monte Carlo trials per workspace, origin and model.
    public var trials: Int
    /// The seed every random stream derives from, as in `ForecastSettings.seed`.
    public var seed: UInt64
    /// The models under test (the baselines are added: see `scoredModels`).
    public var candidates: [BacktestModel]
    /// The constants of the `seats` model.
    public var seatsParameters: SeatsModelParameters
    /// The fewest months of history (from a workspace's first month with data through the
    /// origin) a workspace needs to be forecast from that origin.
    public var minimumHistoryMonths: Int

    /// The least `minimumHistoryMonths` allowed: below three months neither a trend nor a spread
    /// can be estimated at all.
    public static let leastHistoryMonths = 3

    /// Settings with the given values.
    public init(
        horizon: Int = 6, origins: Int = 6, trials: Int = 1_000, seed: UInt64 = 1, candidates: [BacktestModel] = [.seats],
        seatsParameters: SeatsModelParameters = .standard, minimumHistoryMonths: Int = BacktestSettings.leastHistoryMonths
    ) {
        self.horizon = horizon
        self.origins = origins
        self.trials = trials
        self.seed = seed
        self.candidates = candidates
        self.seatsParameters = seatsParameters
        self.minimumHistoryMonths = minimumHistoryMonths
    }

    /// Every model scored: the candidates, then the baselines.
    public var scoredModels: [BacktestModel] { BacktestModel.scored(candidates: candidates) }
}
