extension Percentiles {
    /// The percentile levels reported, in per cent: P5, P10, P50, P90, P95.
    public static let levels = [5, 10, 50, 90, 95]

    /// The 1-based nearest rank of the `percent`-th percentile of `count` values:
    /// `k = ⌈percent · count / 100⌉`, at least 1.
    ///
    /// The nearest-rank percentile of values sorted ascending, `x₁ ≤ … ≤ x_count`, is `x_k`: the
    /// smallest value such that at least `percent`% of the values are at or below it. It is always
    /// a value some trial had, and P50 of an even count is the lower middle value.
    public static func nearestRank(percent: Int, count: Int) -> Int {
        max(1, (percent * count + 99) / 100)
    }

    /// The nearest-rank P5, P10, P50, P90 and P95 of `values` (which must not be empty).
    public init(nearestRankOf values: [Int]) {
        var copy = values
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count)
        defer { scratch.deallocate() }
        self = copy.withUnsafeMutableBufferPointer { Percentiles(selectingIn: $0, scratch: scratch) }
    }

    /// The nearest-rank percentiles of `buffer`'s values; `buffer` and `scratch` (at least as
    /// long) are overwritten.
    init(selectingIn buffer: UnsafeMutableBufferPointer<Int>, scratch: UnsafeMutableBufferPointer<Int>) {
        precondition(!buffer.isEmpty, "percentiles of no values")
        let count = buffer.count
        let levels = Self.levels
        var result = (0, 0, 0, 0, 0)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 10) { space in
            for (index, percent) in levels.enumerated() { space[index] = Self.nearestRank(percent: percent, count: count) - 1 }
            let values = UnsafeMutableBufferPointer(rebasing: space[5..<10])
            QuantileSelection.select(buffer, scratch: scratch, ranks: UnsafeBufferPointer(rebasing: space[0..<5]), into: values)
            result = (values[0], values[1], values[2], values[3], values[4])
        }
        self.init(p5: result.0, p10: result.1, p50: result.2, p90: result.3, p95: result.4)
    }
}
