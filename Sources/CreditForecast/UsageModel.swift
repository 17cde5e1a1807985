import CreditCore

/// A usage model: how one Monte Carlo trial draws a workspace's usage for every forecast month.
///
/// A model is fitted once per workspace (and horizon) from the history, then asked for one trial
/// at a time. `drawTrial` must not allocate and must draw only from `generator`, so that a trial
/// is a pure function of its generator's key (see `Xoshiro256StarStar.init(seed:stream:trial:)`).
public protocol UsageModel: Sendable {
    /// Writes one trial's workspace usage, in whole non-negative credits, for forecast months
    /// `1 ... usage.count` (index 0 is the month after the as-of month).
    func drawTrial(into usage: UnsafeMutableBufferPointer<Int>, using generator: inout Xoshiro256StarStar)
}
