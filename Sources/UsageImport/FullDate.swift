import CreditCore

/// A date written `04/01/2026`: which number is the day depends on the file's date order, so
/// it is kept as written until the whole file has been read.
package struct FullDate: Hashable {
    /// The number before the first separator.
    var first: Int
    /// The number between the separators.
    var second: Int
    /// The four-digit year.
    var year: Int

    /// The date's month read in `order`, or `nil` when that reading is not a date.
    func month(in order: DateOrder) -> Month? {
        let (month, day) = order == .monthFirst ? (first, second) : (second, first)
        guard let result = Month(year: year, month: month), (1...Self.days(in: result)).contains(day) else {
            return nil
        }
        return result
    }

    /// The day of the month read in `order`.
    func day(in order: DateOrder) -> Int { order == .monthFirst ? second : first }

    /// The date read in `order`, as in `April 1, 2026`.
    func spelled(in order: DateOrder) -> String {
        guard let month = month(in: order) else { return "no date" }
        return "\(MonthParser.monthNames[month.monthOfYear - 1].capitalized) \(day(in: order)), \(year)"
    }

    /// The number of days in `month`.
    static func days(in month: Month) -> Int {
        switch month.monthOfYear {
        case 2:
            let year = month.year
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
