import CreditCore

/// Decides the one day/month order in which a file writes its full dates (`04/01/2026`).
///
/// The order is inferred only where the file tells: a number above 12 (or a day the month
/// lacks) rules one reading out, or one reading puts every date on the same day of the month
/// while the other scatters days within a month. Otherwise the answer is an error asking for
/// `--date-order`, never a guess.
package enum DateOrderResolver {
    /// The order to read the file's full dates in.
    package enum Outcome: Equatable {
        /// Read every full date in this order.
        case order(DateOrder)
        /// The order does not matter: there are no full dates, or they read the same both ways.
        case eitherOrder
        /// The file does not tell and no order was given: its full dates are unreadable.
        case unresolved

        /// The month `parsed` reads as in this order, `nil` when it cannot be read.
        package func month(of parsed: ParsedMonth) -> Month? {
            switch (parsed, self) {
            case let (.month(month), _), let (.day(month, _), _): month
            case let (.fullDate(date), .order(order)): date.month(in: order)
            case let (.fullDate(date), .eitherOrder): date.month(in: .monthFirst)
            case (.fullDate, .unresolved): nil
            }
        }

        /// The day of the month `parsed` reads as in this order, `nil` for a month alone or a
        /// date that cannot be read.
        func day(of parsed: ParsedMonth) -> Int? {
            switch (parsed, self) {
            case (.month, _), (.fullDate, .unresolved): nil
            case let (.day(_, day), _): day
            case let (.fullDate(date), .order(order)): date.month(in: order) == nil ? nil : date.day(in: order)
            case let (.fullDate(date), .eitherOrder): date.day(in: .monthFirst)
            }
        }

        /// The order used, `nil` when none was needed or none could be decided.
        var dateOrder: DateOrder? {
            if case let .order(order) = self { order } else { nil }
        }
    }

    /// The order for `dates`, or `requested` when given; reports what prevents reading them.
    package static func resolve(_ dates: [PendingDate], requested: DateOrder?, log: inout DiagnosticLog) -> Outcome {
        let dates = dates.sorted { $0.line < $1.line }
        guard dates.contains(where: { $0.date.first != $0.date.second }) else { return .eitherOrder }
        if let requested {
            for date in dates where date.date.month(in: requested) == nil {
                log.error(
                    "date \"\(date.text)\" is not a date in \(requested.pattern) order (--date-order \(requested))",
                    line: date.line)
            }
            return .order(requested)
        }
        let onlyMonthFirst = dates.first { $0.date.month(in: .dayFirst) == nil }
        let onlyDayFirst = dates.first { $0.date.month(in: .monthFirst) == nil }
        switch (onlyMonthFirst, onlyDayFirst) {
        case let (monthFirst?, dayFirst?):
            log.error(
                "dates are written in both orders: \"\(monthFirst.text)\" (line \(monthFirst.line)) is month/day/year "
                    + "but \"\(dayFirst.text)\" (line \(dayFirst.line)) is day/month/year; write every date the same way",
                line: max(monthFirst.line, dayFirst.line))
            return .unresolved
        case (_?, nil):
            return .order(.monthFirst)
        case (nil, _?):
            return .order(.dayFirst)
        case (nil, nil):
            if sameDay(dates, in: .monthFirst), scattersDays(dates, in: .dayFirst) { return .order(.monthFirst) }
            if sameDay(dates, in: .dayFirst), scattersDays(dates, in: .monthFirst) { return .order(.dayFirst) }
            let example = dates.first { $0.date.first != $0.date.second }!
            log.error(
                "date \"\(example.text)\" could be \(example.date.spelled(in: .monthFirst)) or "
                    + "\(example.date.spelled(in: .dayFirst)); rerun with --date-order mdy (month first) "
                    + "or --date-order dmy (day first)",
                line: example.line)
            return .unresolved
        }
    }

    /// Whether every date falls on the same day of the month, as in monthly exports.
    private static func sameDay(_ dates: [PendingDate], in order: DateOrder) -> Bool {
        Set(dates.map { $0.date.day(in: order) }).count == 1
    }

    /// Whether some month holds dates on different days, which a monthly export would not.
    private static func scattersDays(_ dates: [PendingDate], in order: DateOrder) -> Bool {
        let byMonth = Dictionary(grouping: dates) { $0.date.month(in: order) }
        return byMonth.values.contains { Set($0.map { $0.date.day(in: order) }).count > 1 }
    }
}
