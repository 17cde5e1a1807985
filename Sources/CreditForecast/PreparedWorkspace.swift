import CreditCore
import CreditLedger

/// One workspace ready to simulate: its starting pool, the accrual and cap of every forecast
/// month, its random stream and its fitted usage model.
struct PreparedWorkspace<Model: UsageModel>: Sendable {
    /// The workspace's name.
    var name: String
    /// The plan name, or `mixed`.
    var plan: String
    /// Seats over the horizon.
    var seats: Int
    /// The pool at the start of the forecast (balance and any purchased lots).
    var start: CreditPool
    /// Credits accrued each forecast month.
    var accrual: Int
    /// The cap each forecast month.
    var cap: Int
    /// `StableHash` of the name: the workspace's random stream.
    var stream: UInt64
    /// The fitted usage model.
    var model: Model
}
