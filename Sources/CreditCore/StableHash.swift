/// FNV-1a, 64-bit: a hash that is the same on every machine and every run.
///
/// Swift's `Hasher` is seeded per process, so it cannot name a workspace's random stream or
/// fingerprint a run's inputs. This is not a cryptographic hash: it identifies, it does not
/// authenticate.
public struct StableHash: Sendable {
    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash.
    public init() {}

    /// A hash that goes on from `value`, the `value` of a hash that combined some bytes
    /// elsewhere: FNV-1a's state is its value, so combining the rest here gives the hash of all.
    public init(resuming value: UInt64) {
        self.value = value
    }

    /// Mixes `bytes` in.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    /// Mixes `bytes` in: the same as the generic `combine`, compiled for an array so that a
    /// caller in another module (a merge checks every byte of every shard file) does not step
    /// through an unspecialised sequence a byte at a time.
    public mutating func combine(_ bytes: [UInt8]) {
        var value = value
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        self.value = value
    }

    /// Mixes the text's UTF-8 bytes in.
    public mutating func combine(_ text: String) {
        combine(text.utf8)
    }

    /// The hash of `text`'s UTF-8 bytes.
    public static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(text)
        return hash.value
    }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
