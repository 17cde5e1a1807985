extension UsageHistory {
    /// A history of one unnamed workspace whose monthly usage is given directly, starting at
    /// `start`: what `creditcast ledger --monthly-usage 18000,5000,…` replays.
    public init(monthlyUsage: [Int], startingAt start: Month) {
        precondition(!monthlyUsage.isEmpty, "at least one month of usage")
        let seat = SeatHistory(id: "usage", firstOffset: 0, usage: monthlyUsage)
        self.init(
            workspaces: [WorkspaceHistory(name: Self.defaultWorkspaceName, seats: [seat])],
            firstMonth: start, lastMonth: start.advanced(by: monthlyUsage.count - 1), hasWorkspaceColumn: false
        )
    }
}
