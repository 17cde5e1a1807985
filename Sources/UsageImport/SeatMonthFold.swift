import CreditCore

/// Folds one seat's rows at a time into its month totals, as the last step of an import.
///
/// A seat may have more than one row for a month in two ways, which the fold tells apart by
/// the day of each row: rows on different days of the month (a daily file: summed, and the
/// file is reported once) or two spellings of the same month (`2026-04` and `Apr 2026`:
/// summed, and each such pair is reported by the caller). Sums saturate at `Int.max` and
/// say so, since the importer reports credits beyond 64 bits rather than trapping.
struct SeatMonthFold {
    /// A second row of a seat's month that is not another day of it.
    struct RepeatedMonth {
        var month: Month
        var firstLine: Int
        var laterLine: Int
    }

    /// What the seat has in one month so far.
    private struct MonthSlot {
        var credits = 0
        /// The line of the seat's first row for the month; 0 while it has none.
        var firstLine = 0
        /// The day of that row, where its month token has a day.
        var firstDay: Int?
    }

    private let firstMonth: Month
    private let tokenMonths: [Month?]
    private let tokenDays: [Int?]
    /// The seat's months, in one array so that a row costs one uniqueness check, not three.
    private var slots: [MonthSlot]
    private var firstOffset = Int.max
    /// The earliest line that is a seat's second day of a month, over every seat so far.
    private(set) var dailyLine: Int?
    /// Whether some seat's month added up beyond `Int.max` (and was held there).
    private(set) var overflows = false

    /// A fold of months `firstMonth` onwards (`monthCount` of them) over the file's month
    /// tokens, each read as `tokenMonths` and `tokenDays` say (`nil` where it is not a month).
    init(firstMonth: Month, monthCount: Int, tokenMonths: [Month?], tokenDays: [Int?]) {
        self.firstMonth = firstMonth
        self.tokenMonths = tokenMonths
        self.tokenDays = tokenDays
        slots = [MonthSlot](repeating: MonthSlot(), count: monthCount)
    }

    /// Adds the seat's `credits` from a row at `line` under month token `token`; returns the
    /// month's earlier row where this one repeats it under another spelling.
    mutating func take(_ credits: Int, line: Int, token: Int) -> RepeatedMonth? {
        guard let month = tokenMonths[token] else { return nil }
        let offset = firstMonth.distance(to: month)
        firstOffset = min(firstOffset, offset)
        let slot = slots[offset]
        guard slot.firstLine != 0 else {
            slots[offset] = MonthSlot(credits: credits, firstLine: line, firstDay: tokenDays[token])
            return nil
        }
        var repeated: RepeatedMonth?
        if let day = tokenDays[token], let firstDay = slot.firstDay, day != firstDay {
            let later = max(slot.firstLine, line)
            if dailyLine.map({ later < $0 }) ?? true { dailyLine = later }
        } else {
            repeated = RepeatedMonth(month: month, firstLine: min(slot.firstLine, line), laterLine: max(slot.firstLine, line))
        }
        let (sum, overflow) = slot.credits.addingReportingOverflow(credits)
        slots[offset].credits = overflow ? Int.max : sum
        overflows = overflows || overflow
        return repeated
    }

    /// The seat's month totals from its first month with a row to the last month, or `nil` if
    /// it had none; the fold is then ready for the next seat. Only those months are copied
    /// out: a seat does not pay for months of the history before its first row.
    mutating func endSeat() -> (firstOffset: Int, usage: [Int])? {
        guard firstOffset != .max else { return nil }
        let first = firstOffset
        firstOffset = .max
        let seatUsage = slots[first...].map(\.credits)
        // Only the months from the first with a row were filled.
        for index in first..<slots.count { slots[index] = MonthSlot() }
        return (first, seatUsage)
    }
}
