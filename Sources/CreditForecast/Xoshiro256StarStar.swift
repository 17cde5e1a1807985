import Foundation

/// xoshiro256** 1.0 (Blackman and Vigna 2018): the forecast's pseudo-random generator.
///
/// Fast (a few shifts, rotates and one multiply per 64 bits), 256 bits of state, passes the
/// BigCrush and PractRand batteries, and is fully reproducible: unlike
/// `SystemRandomNumberGenerator`, the same seed gives the same numbers on every machine.
///
/// Every Monte Carlo trial gets its own generator, keyed by `(seed, workspace, trial)` through
/// `init(seed:stream:trial:)`, so a trial's numbers do not depend on the thread that runs it, on
/// batch boundaries, or on the other workspaces in the file.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator whose 256-bit state is four outputs of SplitMix64 seeded with `seed`, as the
    /// authors recommend (never the all-zero state).
    public init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A generator with the given raw state (not all zero), for checking against the reference
    /// implementation.
    public init(state0: UInt64, state1: UInt64, state2: UInt64, state3: UInt64) {
        precondition(state0 | state1 | state2 | state3 != 0, "xoshiro256** needs a non-zero state")
        (s0, s1, s2, s3) = (state0, state1, state2, state3)
    }

    /// The generator of one trial: the 64-bit key mixes the run's `seed`, the workspace's
    /// `stream` (its `StableHash` name hash) and the trial index through the SplitMix64 output
    /// function, and then seeds the generator as `init(seed:)` does.
    ///
    /// `key = mix(mix(mix(seed ⊕ C₁) ⊕ stream) + trial + C₂)`, with `mix` the SplitMix64 finaliser.
    public init(seed: UInt64, stream: UInt64, trial: UInt64) {
        let first = SplitMix64.mix(seed ^ 0x6A09_E667_F3BC_C909)
        let second = SplitMix64.mix(first ^ stream)
        self.init(seed: SplitMix64.mix(second &+ trial &+ 0xBB67_AE85_84CA_A73B))
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Two independent standard normal draws (Marsaglia's polar method: one logarithm and no
    /// trigonometry per pair; about 21% of uniform pairs are rejected and redrawn).
    @inlinable
    public mutating func nextNormalPair() -> (Double, Double) {
        while true {
            let u = Double(Int64(bitPattern: next()) >> 11) * 0x1.0p-52
            let v = Double(Int64(bitPattern: next()) >> 11) * 0x1.0p-52
            let s = u * u + v * v
            if s < 1 && s > 0 {
                let factor = (-2.0 * log(s) / s).squareRoot()
                return (u * factor, v * factor)
            }
        }
    }

    @inlinable
    func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 &- count))
    }
}
