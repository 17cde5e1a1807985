import CreditForecast
import CreditReports

/// The first line of a shard file: the run, the share of it the file holds, and how its
/// workspace lines are laid out.
public struct ShardHeader: Sendable {
    /// The shards the file holds.
    public var shards: ShardSet
    /// Workspaces in the whole portfolio.
    public var portfolioCount: Int
    /// Workspace lines in the file.
    public var workspaceCount: Int
    /// The settings, as-of month and input hash; no workspaces.
    public var run: ForecastRun
    /// The prices and rules assumed, in words.
    public var assumptions: ReportAssumptions
    /// The creditcast version that computed the figures.
    public var toolVersion: String
    /// The scenarios' names, the baseline first.
    public var scenarios: [String]
    /// What each line holds and the report's settings.
    public var layout: ShardLayout

    /// The command whose reports the file becomes.
    public var kind: ShardKind { layout.kind }

    /// The header of `result`'s shard file.
    public init(_ result: RunResult) {
        shards = ShardSet(result.shard)
        portfolioCount = result.portfolioCount
        workspaceCount = result.positions.count
        run = result.run
        assumptions = result.assumptions
        toolVersion = result.toolVersion
        scenarios = result.payload.scenarioNames
        switch result.payload {
        // Every workspace carries its year, vacuously so in a shard the hash left empty: its
        // header must agree with its siblings'.
        case let .forecast(runs, annual): layout = .forecast(annual: annual.count == (runs.first?.workspaces.count ?? 0))
        case let .watchlist(_, thresholds): layout = .watchlist(thresholds)
        case let .renew(_, risk, sensitivity): layout = .renew(risk, sensitivity: sensitivity != nil)
        }
    }

    init(
        shards: ShardSet, portfolioCount: Int, workspaceCount: Int, run: ForecastRun, assumptions: ReportAssumptions,
        toolVersion: String, scenarios: [String], layout: ShardLayout
    ) {
        self.shards = shards
        self.portfolioCount = portfolioCount
        self.workspaceCount = workspaceCount
        self.run = run
        self.assumptions = assumptions
        self.toolVersion = toolVersion
        self.scenarios = scenarios
        self.layout = layout
    }
}
