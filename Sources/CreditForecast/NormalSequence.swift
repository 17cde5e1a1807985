/// Standard normal draws one at a time, both of each `Xoshiro256StarStar.nextNormalPair()` used:
/// the first on one call, the second on the next. A model that needs one normal per forecast
/// month draws a pair every second month, and a trial's draws stay a pure function of its
/// generator.
public struct NormalSequence: Sendable {
    @usableFromInline var spare = 0.0
    @usableFromInline var hasSpare = false

    /// A sequence with no draw held back.
    @inlinable
    public init() {}

    /// The next standard normal: the held-back half of the last pair, or the first of a new one.
    @inlinable
    public mutating func next(using generator: inout Xoshiro256StarStar) -> Double {
        if hasSpare {
            hasSpare = false
            return spare
        }
        let pair = generator.nextNormalPair()
        spare = pair.1
        hasSpare = true
        return pair.0
    }
}
