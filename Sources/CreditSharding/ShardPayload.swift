import CreditDecisions
import CreditForecast

/// The figures a forecast, watchlist or renewal run computed for its workspaces, before any
/// report is rendered: what a shard writes out and a merge reads back.
///
/// Each list holds the run's workspaces in one order (the order of `RunResult.positions`).
public enum ShardPayload: Sendable {
    /// A forecast: the baseline's workspace forecasts, then each scenario's, each with its name;
    /// and the baseline's next twelve months as a year per workspace (empty when not simulated).
    case forecast([(scenario: String, workspaces: [WorkspaceForecast])], annual: [RenewalForecast])
    /// A watchlist: the baseline's workspace forecasts and the thresholds that rank them.
    case watchlist(workspaces: [WorkspaceForecast], thresholds: WatchlistThresholds)
    /// A renewal plan: per scenario (the baseline first) every workspace's renewal year, the
    /// risk measure the plan recommends by, and, when asked for, every workspace's sensitivity.
    case renew(
        scenarios: [(scenario: String, forecasts: [RenewalForecast])], risk: RenewalRisk,
        sensitivity: [WorkspaceSensitivity]?
    )

    /// The command whose reports this becomes.
    public var kind: ShardKind {
        switch self {
        case .forecast: .forecast
        case .watchlist: .watchlist
        case .renew: .renew
        }
    }

    /// The scenarios' names, the baseline first.
    public var scenarioNames: [String] {
        switch self {
        case let .forecast(runs, _): runs.map(\.scenario)
        case .watchlist: [Scenario.baselineName]
        case let .renew(scenarios, _, _): scenarios.map(\.scenario)
        }
    }

    /// How many workspaces the payload holds.
    public var workspaceCount: Int {
        switch self {
        case let .forecast(runs, _): runs.first?.workspaces.count ?? 0
        case let .watchlist(workspaces, _): workspaces.count
        case let .renew(scenarios, _, _): scenarios.first?.forecasts.count ?? 0
        }
    }

    /// The workspaces' names, in the payload's order.
    public var workspaceNames: [String] {
        switch self {
        case let .forecast(runs, _): runs.first?.workspaces.map(\.name) ?? []
        case let .watchlist(workspaces, _): workspaces.map(\.name)
        case let .renew(scenarios, _, _): scenarios.first?.forecasts.map(\.name) ?? []
        }
    }
}
