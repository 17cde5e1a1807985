/// Exact multi-rank selection by most-significant-digit radix: the values at several ranks of an
/// array of integers, without sorting it.
///
/// One pass finds the minimum and maximum, one counts the values into 256 buckets of
/// `(value − min) >> shift` (a rank among the values equal to the minimum or the maximum is then
/// answered at once), one gathers the values of the buckets that hold a requested rank;
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
        // Two minima and two maxima, over even and odd positions, halve the chain of compares
        // each value waits on; four values a round spread the loop's own steps over more values.
        var low = data[0]
        var high = data[0]
        var low2 = data[0]
        var high2 = data[0]
        var index = 1
        while index &+ 4 <= count {
            let (first, second, third, fourth) = (data[index], data[index &+ 1], data[index &+ 2], data[index &+ 3])
            low = first < low ? first : low
            high = first > high ? first : high
            low2 = second < low2 ? second : low2
            high2 = second > high2 ? second : high2
            low = third < low ? third : low
            high = third > high ? third : high
            low2 = fourth < low2 ? fourth : low2
            high2 = fourth > high2 ? fourth : high2
            index &+= 4
        }
        while index < count {
            low = data[index] < low ? data[index] : low
            high = data[index] > high ? data[index] : high
            index &+= 1
        }
        low = low2 < low ? low2 : low
        high = high2 > high ? high2 : high
        if low == high {
            for index in ranks.indices { values[index] = low }
            return
        }
        let range = UInt(bitPattern: high &- low)
        let shift = UInt(max(0, UInt.bitWidth - range.leadingZeroBitCount - 8))
        // Constants, so that the passes below keep them in registers.
        let base = low
        let top = high
        /// The bucket of `value`.
        func bucketOf(_ value: Int) -> Int { Int(truncatingIfNeeded: UInt(bitPattern: value &- base) &>> shift) }
        // Counting goes through a table slot per value, and when consecutive values share a
        // bucket each must wait for the previous one's store. Value `i` therefore counts in lane
        // `i % 4`, so that only every fourth value can wait.
        // 4 lanes × 256 counts, 256 counts summed over lanes, and 256 gather steps.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * 256 + 256 + 256) { table in
            let laneCounts = UnsafeMutableBufferPointer(rebasing: table[0..<1024])
            let counts = UnsafeMutableBufferPointer(rebasing: table[1024..<1280])
            let steps = UnsafeMutableBufferPointer(rebasing: table[1280..<1536])
            laneCounts.initialize(repeating: 0)
            let lane0 = laneCounts.baseAddress!
            let (lane1, lane2, lane3) = (lane0 + 256, lane0 + 512, lane0 + 768)
            var index = 0
            while index &+ 4 <= count {
                lane0[bucketOf(data[index])] &+= 1
                lane1[bucketOf(data[index &+ 1])] &+= 1
                lane2[bucketOf(data[index &+ 2])] &+= 1
                lane3[bucketOf(data[index &+ 3])] &+= 1
                index &+= 4
            }
            while index < count {
                lane0[bucketOf(data[index])] &+= 1
                index &+= 1
            }
            for bucket in 0..<256 {
                counts[bucket] = laneCounts[bucket] &+ laneCounts[256 | bucket] &+ laneCounts[512 | bucket] &+ laneCounts[768 | bucket]
            }
            // Trials pile up at the minimum or the maximum (every trial that ends a month at 0): a
            // rank in the first or last bucket is answered at once if it lies among the values
            // equal to that end, instead of by gathering and resolving its bucket.
            let atLow = ranks[0] < counts[0] ? occurrences(of: base, in: data) : 0
            let atHigh = ranks[ranks.count - 1] >= count - counts[255] ? occurrences(of: top, in: data) : 0
            var innerStart = 0
            while innerStart < ranks.count && ranks[innerStart] < atLow {
                values[innerStart] = base
                innerStart += 1
            }
            var innerEnd = ranks.count
            while innerEnd > innerStart && ranks[innerEnd - 1] >= count - atHigh {
                values[innerEnd - 1] = top
                innerEnd -= 1
            }
            guard innerStart < innerEnd else { return }
            let ranks = UnsafeBufferPointer(rebasing: ranks[innerStart..<innerEnd])
            let values = UnsafeMutableBufferPointer(rebasing: values[innerStart..<innerEnd])

            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * ranks.count) { plan in
                // plan[i]: bucket of rank i; plan[n + i]: values before that bucket; plan[2n + i]:
                // where the bucket's values will lie in `data`. steps[b]: 1 if bucket b holds a rank.
                steps.initialize(repeating: 0)
                let n = ranks.count
                var bucket = 0
                var before = 0
                var offset = 0
                for index in 0..<n {
                    while before + counts[bucket] <= ranks[index] {
                        before += counts[bucket]
                        bucket += 1
                    }
                    if steps[bucket] == 0 {
                        steps[bucket] = 1
                        plan[2 * n + index] = offset
                        offset += counts[bucket]
                    } else {
                        plan[2 * n + index] = plan[2 * n + index - 1]
                    }
                    plan[index] = bucket
                    plan[n + index] = before
                }
                // Gather in two steps. First the values of the buckets with a rank, in file order,
                // to the front of scratch, without a branch per value (whether a value's bucket
                // holds a rank is as unpredictable as the values): every value is written to the
                // next free slot, which only a wanted value takes. The slot is always below the
                // value's own index, so inside scratch.
                var gathered = 0
                for value in data {
                    scratch[gathered] = value
                    gathered &+= steps[bucketOf(value)]
                }
                // Then those few values, bucket by bucket, into `data`, which is no longer needed.
                // The lanes, summed, are no longer needed either: their first 256 slots serve as
                // each bucket's cursor, which spares an allocation of its own.
                let cursors = laneCounts
                for index in 0..<n { cursors[plan[index]] = plan[2 * n + index] }
                for index in 0..<gathered {
                    let value = scratch[index]
                    let target = bucketOf(value)
                    data[cursors[target]] = value
                    cursors[target] += 1
                }
                // Resolve each gathered bucket, with the matching stretch of scratch as its scratch.
                var first = 0
                while first < n {
                    var end = first + 1
                    while end < n && plan[end] == plan[first] { end += 1 }
                    let start = plan[2 * n + first]
                    let size = counts[plan[first]]
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: end - first) { local in
                        for index in first..<end { local[index - first] = ranks[index] - plan[n + first] }
                        select(
                            UnsafeMutableBufferPointer(rebasing: data[start..<(start + size)]),
                            scratch: UnsafeMutableBufferPointer(rebasing: scratch[start..<(start + size)]),
                            ranks: UnsafeBufferPointer(local),
                            into: UnsafeMutableBufferPointer(rebasing: values[first..<end])
                        )
                    }
                    first = end
                }
            }
        }
    }

    /// How many of `data` equal `value`. A pass of its own and not inlined: folded into the
    /// counting pass, these compares were compiled to branches that mispredict on every pile.
    /// The count is arithmetic, not a compare: `element == value ? 1 : 0` was compiled to a
    /// branch too (the baseline x86-64 target has no 64-bit vector compare), taken for about
    /// half of the values when a pile is that large.
    @inline(never)
    private static func occurrences(of value: Int, in data: UnsafeMutableBufferPointer<Int>) -> Int {
        var differing = 0
        for element in data {
            // The top bit of `d | -d` is set exactly when `d` is not zero.
            let difference = element ^ value
            differing &+= Int(bitPattern: UInt(bitPattern: difference | (0 &- difference)) >> 63)
        }
        return data.count - differing
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
