/// Gives each distinct byte string (within a scope) a dense id, without making a `String` per
/// lookup: the importer's per-row path looks up a seat name for every row.
///
/// The entry found last is tried first, then the one interned after it: exports repeat a
/// workspace or a month over many rows in a row, and list the months of each seat (or the seats
/// of each month) in the same order again and again, and comparing bytes is cheaper than
/// hashing them.
struct ByteInterner {
    private var recent = -1
    private var storage: [UInt8] = []
    /// Entry `id` is `storage[ends[id - 1]..<ends[id]]` (from 0 for the first).
    private var ends: [Int] = []
    private var scopes: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing, linear probing; -1 is a free slot.
    private var slots: [Int32]

    init() {
        slots = [Int32](repeating: -1, count: 64)
    }

    /// The id of `bytes` in `scope`, if interned.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, scope: Int = 0) -> Int? {
        if recent >= 0 {
            if scopes[recent] == scope, self.bytes(of: recent, equal: bytes) { return recent }
            let next = recent + 1
            if next < ends.count, scopes[next] == scope, self.bytes(of: next, equal: bytes) {
                recent = next
                return next
            }
        }
        let hash = Self.hash(bytes, scope: scope)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if hashes[id] == hash, scopes[id] == scope, self.bytes(of: id, equal: bytes) {
                recent = id
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `bytes` in `scope`, which must not be interned yet, and returns its id.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, scope: Int = 0) -> Int {
        let id = ends.count
        storage.append(contentsOf: bytes)
        ends.append(storage.count)
        scopes.append(scope)
        hashes.append(Self.hash(bytes, scope: scope))
        if ends.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for existing in 0..<ends.count { place(existing) }
        } else {
            place(id)
        }
        recent = id
        return id
    }

    /// The number of entries.
    var count: Int { ends.count }

    /// The scope entry `id` was interned in.
    func scope(of id: Int) -> Int { scopes[id] }

    /// `body` applied to the bytes of entry `id`.
    func withBytes<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = id == 0 ? 0 : ends[id - 1]
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[id]])) }
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[id]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id)
    }

    private func bytes(of id: Int, equal bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(of: id) { $0.sameBytes(as: bytes) }
    }

    /// Eight bytes at a time with a multiply-and-fold mix: names are short and this runs per row.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, scope: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: scope) &* multiplier ^ UInt64(bytes.count)
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
                hash ^= hash >> 32
                index += 8
            }
            var tail: UInt64 = 0
            while index < bytes.count {
                tail = tail << 8 | UInt64(bytes[index])
                index += 1
            }
            hash = (hash ^ tail) &* multiplier
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ hash >> 32
    }
}
