import CreditDecisions
import CreditForecast

/// One workspace line of a shard file: the workspace's figures in every scenario.
///
/// A line carries no position: a portfolio lists its workspaces in name order (`UsageHistory`),
/// so the name is the position, and a shard that read only its own part of the usage file
/// (`creditcast split`) writes the same lines as one that read it whole.
public struct ShardRecord: Sendable {
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

    /// The line of the workspace at `offset` of `payload`.
    init(_ payload: ShardPayload, offset: Int) {
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

    init(forecasts: [WorkspaceForecast], annual: RenewalForecast?, renewals: [RenewalForecast], sensitivity: WorkspaceSensitivity?) {
        self.forecasts = forecasts
        self.annual = annual
        self.renewals = renewals
        self.sensitivity = sensitivity
    }
}
