import CreditCore

/// What a scenario costs: its credit spend (pay-as-you-go and packages) and the seats' fees,
/// when every plan involved has a seat price.
///
/// Without a seat price the total is the credit spend alone, and every report says so beside
/// it (`creditSpendOnly`): adding seats or moving to a larger plan raises the seat fees, so a
/// total that silently left them out would make an upgrade look like a saving.
package struct TotalCost: Sendable, Equatable {
    /// The words every report puts beside a total that leaves out seat fees.
    package static let creditSpendOnly = "credit spend only, excluding seat fees"

    /// The columns a CSV gives a total cost: seat fees and total (empty when a seat price is
    /// unknown) and the note that says so.
    package static let header = ["seat_fees", "total_cost", "cost_note"]

    /// Pay-as-you-go and package spend.
    package var creditSpend: Money
    /// The seats' fees; `nil` when a plan involved has no seat price.
    package var seatFees: Money?

    /// A cost of `creditSpend` and `seatFees` (`nil`: not known).
    package init(creditSpend: Money, seatFees: Money?) {
        self.creditSpend = creditSpend
        self.seatFees = seatFees
    }

    /// The sum of `costs`: its seat fees are known only when every one's are.
    package init(summing costs: some Sequence<TotalCost>) {
        self.init(creditSpend: .zero, seatFees: .zero)
        for cost in costs {
            creditSpend = creditSpend + cost.creditSpend
            seatFees = seatFees.flatMap { sum in cost.seatFees.map { sum + $0 } }
        }
    }

    /// Seat fees and credit spend, when the seat fees are known.
    package var total: Money? { seatFees.map { $0 + creditSpend } }

    /// The seat fees for people: `$5,400.00`, or a dash when not known.
    package var seatFeesText: String { seatFees?.formatted ?? "—" }

    /// The total for people, or the credit spend with `creditSpendOnly` beside it.
    package var totalText: String { total?.formatted ?? "\(creditSpend.formatted) (\(Self.creditSpendOnly))" }

    /// The cells of `header`.
    package var cells: [CSVCell] {
        [seatFees.map(CSVCell.money) ?? .empty, total.map(CSVCell.money) ?? .empty, .text(seatFees == nil ? Self.creditSpendOnly : "")]
    }
}
