extension UsageHistory {
    /// The history up to and including `asOf`, as if the export had been taken then: later
    /// months are dropped, and so are seats whose first month comes after it.
    ///
    /// Throws when `asOf` is before the history's first month, since nothing would be left.
    public func truncated(through asOf: Month) throws(HistoryTruncationError) -> UsageHistory {
        guard asOf >= firstMonth else { throw HistoryTruncationError(asOf: asOf, firstMonth: firstMonth) }
        guard asOf < lastMonth else { return self }
        let kept = firstMonth.distance(to: asOf) + 1
        var copy = self
        copy.lastMonth = asOf
        copy.workspaces = workspaces.compactMap { workspace in
            let seats = workspace.seats.compactMap { seat -> SeatHistory? in
                guard seat.firstOffset < kept else { return nil }
                var trimmed = seat
                trimmed.usage = seat.usage.prefix(kept)
                return trimmed
            }
            return seats.isEmpty ? nil : WorkspaceHistory(name: workspace.name, seats: seats)
        }
        return copy
    }
}
