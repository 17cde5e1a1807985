import Testing

@testable import CreditCore

@Suite struct SeatUsageTests {
    @Test func monthsBeforeTheFirstRowAreZerosWithoutMemory() {
        let usage = SeatUsage(leadingZeros: 3, recorded: [5, 0, 7])
        #expect(Array(usage) == [0, 0, 0, 5, 0, 7])
        #expect(usage.count == 6 && usage[2] == 0 && usage[3] == 5 && usage[5] == 7)
        #expect(usage.recorded == [5, 0, 7])
    }

    @Test func theWholeMonthsKeepOnlyTheZerosBeforeTheFirstOffset() {
        // Zeros up to the seat's first month are dropped; a nonzero value there is kept.
        #expect(SeatUsage([0, 0, 4, 0], firstOffset: 2).leadingZeros == 2)
        #expect(SeatUsage([0, 0, 4, 0], firstOffset: 2).recorded == [4, 0])
        #expect(SeatUsage([0, 9, 4], firstOffset: 2).leadingZeros == 1)
        #expect(SeatUsage([0, 9, 4], firstOffset: 2).recorded == [9, 4])
        #expect(SeatUsage([1, 2]).leadingZeros == 0)
    }

    @Test func equalWhenEveryMonthIsHoweverHeld() {
        #expect(SeatUsage(leadingZeros: 2, recorded: [1]) == [0, 0, 1])
        #expect(SeatUsage(leadingZeros: 1, recorded: [0, 1]) == SeatUsage(leadingZeros: 2, recorded: [1]))
        #expect(SeatUsage(leadingZeros: 2, recorded: [1]) != [0, 1])
        #expect(SeatUsage(leadingZeros: 2, recorded: [1]).description == "[0, 0, 1]")
    }

    @Test func aPrefixKeepsTheLeadingZerosApart() {
        let usage = SeatUsage(leadingZeros: 3, recorded: [5, 6, 7])
        #expect(usage.prefix(4) == [0, 0, 0, 5] && usage.prefix(4).leadingZeros == 3)
        #expect(usage.prefix(2) == [0, 0] && usage.prefix(2).recorded.isEmpty)
        #expect(usage.prefix(6) == usage)
    }
}
