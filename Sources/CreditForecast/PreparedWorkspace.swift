import CreditCore
import CreditLedger

/// One workspace ready to simulate: its starting pool, the seats, accrual and cap of every
/// forecast month, its random stream and its fitted usage model.
struct PreparedWorkspace<Model: UsageModel>: Sendable {
    /// The workspace's name.
    var name: String
    /// The plan name, or `mixed`.
    var plan: String
    /// Seats in the first forecast month.
    var seats: Int
    /// The pool at the start of the forecast (balance and any purchased lots).
    var start: CreditPool
    /// Credits accrued in the first forecast month.
    var accrual: Int
    /// The cap in the first forecast month.
    var cap: Int
    /// Seats, accrual, cap and usage scale of every forecast month (a scenario's changes).
    var path: ForecastEngine.MonthPath
    /// The workspace's random streams, one per trial.
    var streams: TrialStream
    /// The fitted usage model.
    var model: Model
    /// The history's last months' usage and replayed closing balances, for charts
    /// (`WorkspaceForecast.recentUsage`, `recentClosing`).
    var recent: (usage: [Int], closing: [Int])
}
