/// A usage model a backtest scores: the forecast's own models and the baselines every backtest
/// scores them against.
public enum BacktestModel: String, Sendable, CaseIterable, Comparable {
    /// The forecast's default model (`SeatsUsageModel`).
    case seats
    /// The forecast's `bootstrap` model (`BootstrapUsageModel`): whole historical months at random.
    case bootstrap
    /// Baseline: last month repeated, with random-walk errors (`NaiveUsageModel`).
    case naive
    /// Baseline: the mean of the history, with its spread (`MeanUsageModel`).
    case mean

    /// The baselines scored in every backtest, so a candidate is always compared with them.
    public static let baselines: [BacktestModel] = [.naive, .mean, .bootstrap]

    /// Whether the model is one of `baselines`.
    public var isBaseline: Bool { Self.baselines.contains(self) }

    /// The models a backtest of `candidates` scores: the candidates in the order given (without
    /// repeats), then every baseline not already among them.
    public static func scored(candidates: [BacktestModel]) -> [BacktestModel] {
        var models: [BacktestModel] = []
        for model in candidates + baselines where !models.contains(model) { models.append(model) }
        return models
    }

    /// Declaration order, so tables list models the same way every run.
    public static func < (lhs: BacktestModel, rhs: BacktestModel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
