import CreditCore
import CreditDecisions
import CreditForecast
import CreditReports

/// What one run computed: the figures of its workspaces and everything its reports need to
/// be rendered, for the whole portfolio (shard `1/1`) or for one shard of it.
///
/// A single run renders its reports from this, and so does `creditcast merge` from the shards'
/// results combined (`ShardMerge`), through the same `RunReports`: the merged reports are the
/// single run's byte for byte. A shard writes it as `ShardFile` instead.
public struct RunResult: Sendable {
    /// The share of the portfolio computed.
    public var shard: Shard
    /// Workspaces in the whole portfolio (every shard together).
    public var portfolioCount: Int
    /// Each workspace's position in the history it was forecast from (the whole portfolio, or
    /// a split's part), ascending; the payload's lists follow it. The shard file keeps only the
    /// order, which is the workspaces' names' (`ShardRecord`).
    public var positions: [Int]
    /// The settings, as-of month and input hash of the run; its `workspaces` is empty (the
    /// payload holds them). The input hash covers the inputs and figure-changing settings, never
    /// the shard, so every shard of one run carries the single run's hash.
    public var run: ForecastRun
    /// The prices and rules assumed, in words.
    public var assumptions: ReportAssumptions
    /// The creditcast version that computed it.
    public var toolVersion: String
    /// The figures.
    public var payload: ShardPayload
    /// Which workspaces a forecast's reports chart. A choice of the reports, not of the run, so
    /// no shard file carries it: the merge is told its own.
    public var charts: ChartSelection = .top
    /// The baseline's workspaces as they were reduced while they arrived (a single run's
    /// batches, a merge's lines): the payload then holds them without the months no report
    /// shows, and the digest holds the rest the reports need. `nil` when the payload holds every
    /// workspace whole (a shard, scenarios, sample paths).
    public var digest: ForecastDigest?

    /// A result; `payload` lists the workspaces at `positions`, in that order.
    public init(
        shard: Shard, portfolioCount: Int, positions: [Int], run: ForecastRun, assumptions: ReportAssumptions,
        payload: ShardPayload, toolVersion: String = CreditcastVersion.current
    ) {
        precondition(positions.count == payload.workspaceCount, "one position per workspace")
        self.shard = shard
        self.portfolioCount = portfolioCount
        self.positions = positions
        var settings = run
        settings.workspaces = []
        self.run = settings
        self.assumptions = assumptions
        self.toolVersion = toolVersion
        self.payload = payload
    }

    /// The result of a whole run (shard `1/1`): positions are simply 0, 1, 2, ….
    public init(run: ForecastRun, assumptions: ReportAssumptions, payload: ShardPayload) {
        self.init(
            shard: .whole, portfolioCount: payload.workspaceCount, positions: Array(0..<payload.workspaceCount), run: run,
            assumptions: assumptions, payload: payload
        )
    }

    /// The result of a whole run of `settings` (shard `1/1`) whose baseline `digest` took: a
    /// forecast (with its `annual` years, if simulated) or, when the digest keeps no months, a
    /// watchlist under the digest's thresholds.
    public init(
        digest: ForecastDigest, settings: ForecastSettings, asOf: Month, inputHash: String, assumptions: ReportAssumptions,
        annual: [RenewalForecast] = [], toolVersion: String = CreditcastVersion.current
    ) {
        // The run's trial count in precision mode is the most any workspace took.
        let run = ForecastRun(requested: settings, asOf: asOf, inputHash: inputHash, workspaces: digest.workspaces)
        let payload: ShardPayload =
            digest.months == .none
            ? .watchlist(workspaces: digest.workspaces, thresholds: digest.thresholds)
            : .forecast([(Scenario.baselineName, digest.workspaces)], annual: annual)
        self.init(
            shard: .whole, portfolioCount: digest.workspaces.count, positions: Array(0..<digest.workspaces.count), run: run,
            assumptions: assumptions, payload: payload, toolVersion: toolVersion
        )
        self.digest = digest
    }

    /// Whether this holds every workspace of the portfolio.
    public var isWhole: Bool { positions.count == portfolioCount }

    /// The command whose reports this becomes.
    public var kind: ShardKind { payload.kind }

    /// The baseline forecast as a run (the forecast and watchlist reports' input); a renewal's
    /// run has no workspaces.
    public var baselineRun: ForecastRun {
        ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: baselineWorkspaces)
    }

    private var baselineWorkspaces: [WorkspaceForecast] {
        switch payload {
        case let .forecast(runs, _): runs.first?.workspaces ?? []
        case let .watchlist(workspaces, _): workspaces
        case .renew: []
        }
    }
}
