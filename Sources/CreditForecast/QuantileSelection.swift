/// Exact multi-rank selection by most-significant-digit radix: the values at several ranks of an
/// array of integers, without sorting it.
///
/// One pass finds the minimum and maximum, one counts the values into 256 buckets of
/// `(value − min) >> shift`, one gathers the values of the buckets that hold a requested rank;
/// each gathered bucket is then resolved the same way (a narrower range each time) or, once
/// small, by insertion sort. The passes have no data-dependent branches to mispredict, which is
/// where a comparison quickselect loses its time on the random values of trials.
enum QuantileSelection {
    /// At or below this many values, sort instead of counting.
    static let sortBelow = 48

    /// Writes to `values[i]` the value at 0-based rank `ranks[i]` of `data` in ascending order.
    ///
    /// `ranks` must be ascending and inside `data`; `scratch` must hold at least `data.count`
    /// values. Both `data` and `scratch` are overwritten.
    static func select(
        _ data: UnsafeMutableBufferPointer<Int>, scratch: UnsafeMutableBufferPointer<Int>,
        ranks: UnsafeBufferPointer<Int>, into values: UnsafeMutableBufferPointer<Int>
    ) {
        let count = data.count
        guard count > 0, !ranks.isEmpty else { return }
        if count <= sortBelow {
            insertionSort(data)
            for index in ranks.indices { values[index] = data[ranks[index]] }
            return
        }
        var low = data[0]
        var high = data[0]
        for value in data {
            low = min(low, value)
            high = max(high, value)
        }
        if low == high {
            for index in ranks.indices { values[index] = low }
            return
        }
        let range = UInt(bitPattern: high &- low)
        let shift = UInt(max(0, UInt.bitWidth - range.leadingZeroBitCount - 8))
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { table in
            let counts = UnsafeMutableBufferPointer(rebasing: table[0..<256])
            let next = UnsafeMutableBufferPointer(rebasing: table[256..<512])
            counts.initialize(repeating: 0)
            for value in data { counts[Int(UInt(bitPattern: value &- low) &>> shift)] &+= 1 }

            // The bucket of every rank, and where each such bucket's values will go in scratch.
            next.initialize(repeating: -1)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * ranks.count) { plan in
                // plan[i]: bucket of rank i; plan[n + i]: values before that bucket; plan[2n + i]:
                // the bucket's offset in scratch.
                let n = ranks.count
                var bucket = 0
                var before = 0
                var offset = 0
                for index in 0..<n {
                    while before + counts[bucket] <= ranks[index] {
                        before += counts[bucket]
                        bucket += 1
                    }
                    if next[bucket] < 0 {
                        next[bucket] = offset
                        plan[2 * n + index] = offset
                        offset += counts[bucket]
                    } else {
                        plan[2 * n + index] = plan[2 * n + index - 1]
                    }
                    plan[index] = bucket
                    plan[n + index] = before
                }
                for value in data {
                    let target = Int(UInt(bitPattern: value &- low) &>> shift)
                    let position = next[target]
                    if position >= 0 {
                        scratch[position] = value
                        next[target] = position + 1
                    }
                }
                // Resolve each gathered bucket, with the matching stretch of `data` as its scratch.
                var first = 0
                while first < n {
                    var end = first + 1
                    while end < n && plan[end] == plan[first] { end += 1 }
                    let start = plan[2 * n + first]
                    let size = counts[plan[first]]
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: end - first) { local in
                        for index in first..<end { local[index - first] = ranks[index] - plan[n + first] }
                        select(
                            UnsafeMutableBufferPointer(rebasing: scratch[start..<(start + size)]),
                            scratch: UnsafeMutableBufferPointer(rebasing: data[start..<(start + size)]),
                            ranks: UnsafeBufferPointer(local),
                            into: UnsafeMutableBufferPointer(rebasing: values[first..<end])
                        )
                    }
                    first = end
                }
            }
        }
    }

    private static func insertionSort(_ buffer: UnsafeMutableBufferPointer<Int>) {
        guard buffer.count > 1 else { return }
        for index in 1..<buffer.count {
            let value = buffer[index]
            var position = index
            while position > 0 && buffer[position - 1] > value {
                buffer[position] = buffer[position - 1]
                position -= 1
            }
            buffer[position] = value
        }
    }
}
