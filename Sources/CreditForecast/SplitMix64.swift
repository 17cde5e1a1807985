/// SplitMix64 (Steele, Lea and Flood 2014): a tiny 64-bit generator used here only to expand a
/// 64-bit key into the 256-bit state of `Xoshiro256StarStar` and to mix stream keys.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; it advances by the golden-ratio increment on every draw.
    public var state: UInt64

    /// A generator starting from `state`.
    public init(state: UInt64) {
        self.state = state
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijective avalanche mix of `value`.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
