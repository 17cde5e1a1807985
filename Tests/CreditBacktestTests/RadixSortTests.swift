import CreditForecast
import Testing

@testable import CreditBacktest

@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 2, 7, 1_000, 4_099])
    func sortsLikeTheStandardLibrary(_ count: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(count) + 1)
        for spread in [UInt64(1), 300, 70_000, 1 << 40] {
            let values = (0..<count).map { _ in Int(generator.next(upperBound: spread)) - Int(spread / 3) }
            let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
            let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
            defer {
                buffer.deallocate()
                scratch.deallocate()
            }
            let slice = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            _ = slice.initialize(from: values)
            RadixSort.sort(slice, scratch: scratch)
            #expect(Array(slice) == values.sorted(), "count \(count), spread \(spread)")
        }
    }

    @Test func sortsExtremeValues() {
        let values = [Int.max, 0, Int.min, -1, 1, Int.max, Int.min + 1]
        let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count)
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count)
        defer {
            buffer.deallocate()
            scratch.deallocate()
        }
        _ = buffer.initialize(from: values)
        RadixSort.sort(buffer, scratch: scratch)
        #expect(Array(buffer) == values.sorted())
    }
}
