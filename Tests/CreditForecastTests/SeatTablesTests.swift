import CreditCore
import CreditTestSupport
import Testing

@testable import CreditForecast

/// The seat draws' quantile tables, counted slot by slot: slot `i` of 256 holds the smallest
/// value whose cumulative weight reaches `(i + ½)/256`.
@Suite struct SeatTablesTests {
    /// Every month weighs the same (no recency), `κ = 1`, no jitter: the weights are exact.
    let parameters = SeatsModelParameters(recencyHalfLife: nil, pooledPriorMonths: 1, jitterSigma: 0)

    func tables(_ seats: [SeatHistory], months: Int) -> [[Double]] {
        let tables = SeatTables(
            workspace: WorkspaceHistory(name: "w", seats: seats), monthCount: months, seatCount: nil, slope: 0, season: .none,
            parameters: parameters)
        return tables.seatRows.map { Array(tables.tables[$0..<($0 + SeatsUsageModel.tableSize)]) }
    }

    /// The slots of `row` holding `value`, to within rounding (a seat's mean is a weighted sum).
    func count(_ value: Double, in row: [Double]) -> Int { row.filter { abs($0 - value) <= 1e-12 * max(1, value) }.count }

    @Test func aSeatDrawsItsColleaguesMonthsRelativeToItsOwnMean() {
        // "big" uses 900, 1,100, 1,000 (mean 1,000); "new" joins in the last month with 10.
        // Relative to their means the pool holds 0.9 and 1.1 at 1/6 each and 1 at 2/3 (each
        // seat weighs ½), a table of 43, 170 and 43 slots (1/6 of 256 is 42.7, 5/6 is 213.3).
        // "new" keeps ½ of its own 10 and draws ½ from that table times 10: 9 at 43/512, 10 at
        // 426/512 and 11 at 43/512, so 22, 213 and 21 slots (43/512 of 256 is 21.5, 469/512 is
        // 234.5). Pooled as they were, half its draws would have been "big"'s months, a hundred
        // times its own.
        let rows = tables([Fixtures.seat("big", [900, 1_100, 1_000]), Fixtures.seat("new", firstOffset: 2, [0, 0, 10])], months: 3)
        #expect(count(9, in: rows[1]) == 22 && count(10, in: rows[1]) == 213 && count(11, in: rows[1]) == 21)
        // "big" keeps ¾ (three months against κ = 1): 900 and 1,100 at ¼ + 43/1024 each, 1,000
        // at ¼ + 170/1024: 75, 106 and 75 slots (299/1024 of 256 is 74.75, 725/1024 is 181.25).
        #expect(count(900, in: rows[0]) == 75 && count(1_000, in: rows[0]) == 106 && count(1_100, in: rows[0]) == 75)
    }

    @Test func aSeatThatNeverUsedAnythingDrawsThePooledMonthsAsTheyAre() {
        // "idle" has no mean to scale by: it keeps ⅔ of its own zeros and draws ⅓ from the pool
        // as it is, half "big"'s 1,000 and half its own 0: 0 at 5/6 (213 slots), 1,000 at 1/6 (43).
        let rows = tables([Fixtures.seat("big", [1_000, 1_000]), Fixtures.seat("idle", [0, 0])], months: 2)
        #expect(count(0, in: rows[1]) == 213 && count(1_000, in: rows[1]) == 43)
        #expect(count(1_000, in: rows[0]) == 256)
    }
}
