import CreditDecisions
import CreditForecast

/// One workspace line of a shard file: the workspace's position in the portfolio and its
/// figures in every scenario.
public struct ShardRecord: Sendable {
    /// The workspace's position in the whole portfolio (the history's order).
    public var position: Int
    /// A forecast's or watchlist's figures, one per scenario (the baseline first); empty for a
    /// renewal.
    public var forecasts: [WorkspaceForecast]
    /// A forecast's next twelve months, when the run simulated them.
    public var annual: RenewalForecast?
    /// A renewal's years, one per scenario (the baseline first); empty for a forecast.
    public var renewals: [RenewalForecast]
    /// A renewal's sensitivity, when asked for.
    public var sensitivity: WorkspaceSensitivity?

    /// The workspace's name.
    public var name: String { forecasts.first?.name ?? renewals.first?.name ?? "" }

    /// The line of the workspace at `offset` of `payload`, at `position` in the portfolio.
    init(_ payload: ShardPayload, offset: Int, position: Int) {
        self.position = position
        switch payload {
        case let .forecast(runs, annual):
            forecasts = runs.map { $0.workspaces[offset] }
            self.annual = annual.isEmpty ? nil : annual[offset]
            renewals = []
        case let .watchlist(workspaces, _):
            forecasts = [workspaces[offset]]
            renewals = []
        case let .renew(scenarios, _, sensitivity):
            forecasts = []
            renewals = scenarios.map { $0.forecasts[offset] }
            self.sensitivity = sensitivity?[offset]
        }
    }

    init(
        position: Int, forecasts: [WorkspaceForecast], annual: RenewalForecast?, renewals: [RenewalForecast],
        sensitivity: WorkspaceSensitivity?
    ) {
        self.position = position
        self.forecasts = forecasts
        self.annual = annual
        self.renewals = renewals
        self.sensitivity = sensitivity
    }
}
