import CreditCore
import Testing

@testable import UsageImport

/// How the accumulator holds a file: memory that follows the rows, however many month columns or
/// spellings the file has and however far apart its months are.
@Suite struct UsageAccumulatorTests {
    /// Adds `credits` for `seat` of one workspace in the month written `month`.
    private func add(_ accumulator: inout UsageAccumulator, seat: String, month: String, credits: Int, line: Int) {
        var log = DiagnosticLog(file: "usage.csv", limit: 50)
        let workspace = accumulator.defaultWorkspace()
        let seatID = try! withField(seat) { accumulator.seat($0, in: workspace, line: line) }.get()
        let token = try! withField(month) { accumulator.month($0, line: line) }.get()
        accumulator.add(credits, seat: seatID, month: token, line: line, log: &log)
        #expect(log.errors.isEmpty && log.warnings.isEmpty)
    }

    private static func monthText(_ offset: Int) -> String {
        Month(year: 2006, month: 1)!.advanced(by: offset).description
    }

    @Test func everyMonthOfAWideFileIsHeldAlikeInOneCellPerSeatAndMonth() {
        // 240 month columns: a seat's cells are one array in month order, the months past the
        // 36th held like the first ones (no second store that is slower per value).
        var accumulator = UsageAccumulator()
        for seat in 0..<50 {
            for month in 0..<240 {
                add(&accumulator, seat: "s\(seat)", month: Self.monthText(month), credits: seat + month, line: 2 + seat)
            }
        }
        #expect(accumulator.cells.count == 50)
        for (seat, cells) in accumulator.cells.enumerated() {
            #expect(cells.map(\.token) == (0..<240).map(Int32.init))
            #expect(cells.map(\.credits) == (0..<240).map { seat + $0 })
            #expect(cells.allSatisfy { $0.line == 2 + seat && !$0.repeated })
            // Each seat after the first reserves what the one before it holds, once.
            if seat > 0 { #expect(cells.capacity < 2 * 240) }
        }
        #expect(MemoryLayout<UsageAccumulator.Cell>.stride == 16)
    }

    @Test func rowsOutOfMonthOrderLandInMonthOrderAndRepeatsAreSummedOnce() {
        var accumulator = UsageAccumulator()
        // Tokens are numbered as months are first met: 2026-01 is 0, 2026-03 is 1, 2026-02 is 2.
        let rows = [("a", "2026-01"), ("b", "2026-03"), ("b", "2026-02"), ("a", "2026-02"), ("a", "2026-03"), ("b", "2026-01")]
        for (line, row) in rows.enumerated() { add(&accumulator, seat: row.0, month: row.1, credits: 10 * (line + 2), line: line + 2) }
        #expect(accumulator.cells.map { $0.map(\.token) } == [[0, 1, 2], [0, 1, 2]])
        #expect(accumulator.cells.map { $0.map(\.credits) } == [[20, 60, 50], [70, 30, 40]])
        var log = DiagnosticLog(file: "usage.csv", limit: 50)
        let seatID = try! withField("a") { accumulator.seat($0, in: 0, line: 8) }.get()
        let token = try! withField("2026-03") { accumulator.month($0, line: 8) }.get()
        accumulator.add(5, seat: seatID, month: token, line: 8, log: &log)
        accumulator.add(5, seat: seatID, month: token, line: 9, log: &log)
        #expect(accumulator.cells[0].map(\.credits) == [20, 70, 50])
        #expect(accumulator.cells[0][1].line == 6 && accumulator.cells[0][1].repeated)
        #expect(lineMessages(log.warnings) == ["8: seat \"a\" has another row for 2026-03 (first on line 6); their credits were summed"])
    }

    @Test func aSeatHoldsOnlyTheMonthsFromItsFirstRow() throws {
        // One stray row 20 years before the rest: the history spans 240 months, but every other
        // seat holds its own two months, not 240.
        var text = "seat,month,credits\nold,2006-05,10\n"
        for seat in 0..<1_000 {
            text += "s\(seat),2026-03,\(seat)\ns\(seat),2026-04,1\n"
        }
        let history = try UsageImporter.load(fileAt: temporaryFile(text)).history
        #expect(history.months == Month(year: 2006, month: 5)!...Month(year: 2026, month: 4)!)
        let seats = history.workspaces[0].seats
        #expect(seats.count == 1_001)
        let old = try #require(seats.first { $0.id == "old" })
        #expect(old.usage.leadingZeros == 0 && old.usage.recorded.count == 240 && old.usage.count == 240)
        for seat in seats where seat.id != "old" {
            #expect(seat.firstOffset == 238)
            #expect(seat.usage.leadingZeros == 238 && seat.usage.recorded.count == 2 && seat.usage.count == 240)
        }
        #expect(seats.first { $0.id == "s7" }?.usage.suffix(3) == [0, 7, 1])
        #expect(history.workspaces[0].monthlyUsage.first == 10)
        #expect(history.workspaces[0].monthlyUsage.suffix(2) == [499_500, 1_000])
    }
}
