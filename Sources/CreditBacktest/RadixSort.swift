/// Least-significant-digit radix sort of whole numbers, for the one column of trial values each
/// score needs sorted.
///
/// A comparison sort spends most of a backtest's time on these columns (a thousand trial values,
/// hundreds of thousands of times). Trial values of one month sit in a narrow range, so after
/// subtracting the minimum two or three byte-wide counting passes sort them, with no
/// data-dependent branches.
enum RadixSort {
    /// Sorts `values` ascending, using `scratch` (at least as long) as the second buffer.
    static func sort(_ values: UnsafeMutableBufferPointer<Int>, scratch: UnsafeMutableBufferPointer<Int>) {
        let count = values.count
        guard count > 1 else { return }
        precondition(scratch.count >= count, "the scratch buffer is too short")
        var low = values[0]
        var high = values[0]
        for value in values {
            low = min(low, value)
            high = max(high, value)
        }
        let range = UInt(bitPattern: high &- low)
        guard range > 0 else { return }
        var source = values
        var target = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
        var shift: UInt = 0
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            while shift < UInt(UInt.bitWidth), range >> shift > 0 {
                counts.initialize(repeating: 0)
                for value in source { counts[Int((UInt(bitPattern: value &- low) >> shift) & 0xFF)] &+= 1 }
                var total = 0
                for bucket in 0..<256 {
                    let size = counts[bucket]
                    counts[bucket] = total
                    total &+= size
                }
                for value in source {
                    let bucket = Int((UInt(bitPattern: value &- low) >> shift) & 0xFF)
                    target[counts[bucket]] = value
                    counts[bucket] &+= 1
                }
                swap(&source, &target)
                shift += 8
            }
        }
        // After an odd number of passes the sorted values are in the scratch buffer.
        if source.baseAddress != values.baseAddress {
            _ = values.update(fromContentsOf: source)
        }
    }
}
