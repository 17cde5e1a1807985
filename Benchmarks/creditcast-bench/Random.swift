#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// BenchRandom: small, fast and the same on every platform, so generated data depend only on
/// the seed (Swift's `SystemRandomNumberGenerator` is not seedable).
struct BenchRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for `seed`, mixed with `stream` so that every workspace gets its own
    /// independent sequence whatever order they are generated in.
    init(seed: UInt64, stream: UInt64 = 0) {
        state = seed &+ stream &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal (Box–Muller; one of the pair is thrown away, which is fine here).
    mutating func normal() -> Double {
        let u = 1 - unit()  // (0, 1]
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// `exp(N(mu, sigma))`.
    mutating func logNormal(mu: Double = 0, sigma: Double) -> Double {
        exp(mu + sigma * normal())
    }

    /// Uniform in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}
