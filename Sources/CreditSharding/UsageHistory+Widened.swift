import CreditCore

extension UsageHistory {
    /// The history over `firstMonth … lastMonth`, a span holding its own: a part of a usage file
    /// may start later or end earlier than the whole file, whose months every shard must
    /// forecast from. The added months are zero usage, as months without a row are.
    public func widened(from firstMonth: Month, through lastMonth: Month) -> UsageHistory {
        guard firstMonth <= self.firstMonth, self.lastMonth <= lastMonth else { return self }
        let before = firstMonth.distance(to: self.firstMonth)
        let after = self.lastMonth.distance(to: lastMonth)
        var copy = self
        copy.firstMonth = firstMonth
        copy.lastMonth = lastMonth
        for workspace in copy.workspaces.indices {
            for seat in copy.workspaces[workspace].seats.indices {
                var widened = copy.workspaces[workspace].seats[seat]
                widened.firstOffset += before
                widened.usage = SeatUsage(
                    leadingZeros: widened.usage.leadingZeros + before, recorded: widened.usage.recorded + [Int](repeating: 0, count: after))
                copy.workspaces[workspace].seats[seat] = widened
            }
        }
        return copy
    }
}
