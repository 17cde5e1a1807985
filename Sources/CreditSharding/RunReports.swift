import CreditDecisions
import CreditForecast
import CreditReports

/// A run's reports, made from its result once: for a forecast `ForecastReports` (with
/// `ScenarioReports` beside it), for a watchlist `WatchlistReports`, for a renewal
/// `RenewReports`.
///
/// Making them ranks the portfolio's workspaces (about a second at a million workspaces), so a
/// run makes them once and writes the report files, prints the summary and fills the workbook
/// from the same value.
public struct RunReports: Sendable {
    /// The reports of one kind of run.
    package enum Rendered: Sendable {
        /// A forecast's reports, with its scenario comparison when it ran scenarios.
        case forecast(ForecastReports, scenarios: ScenarioReports?)
        /// A watchlist's reports.
        case watchlist(WatchlistReports)
        /// A renewal plan's reports.
        case renew(RenewReports)
    }

    /// The result the reports are of.
    public let result: RunResult
    /// The reports.
    package let rendered: Rendered

    /// The reports of `result`.
    public init(_ result: RunResult) {
        self.result = result
        switch result.payload {
        case let .forecast(runs, annual):
            rendered = .forecast(Self.forecastReports(result, annual: annual), scenarios: Self.scenarioReports(result, runs: runs))
        case let .watchlist(_, thresholds):
            let forecast = result.baselineRun
            let watchlist =
                result.digest.map { Watchlist(entries: $0.entries, thresholds: thresholds) }
                ?? Watchlist(run: forecast, thresholds: thresholds)
            rendered = .watchlist(WatchlistReports(run: forecast, watchlist: watchlist, assumptions: result.assumptions))
        case let .renew(scenarios, risk, sensitivity):
            rendered = .renew(
                RenewReports(
                    plan: RenewalPlan(scenarios: scenarios.map { ($0.scenario, $0.forecasts) }, risk: risk), run: result.run,
                    assumptions: result.assumptions, sensitivity: sensitivity.map { SensitivityReports(analyses: $0, risk: risk) }
                ))
        }
    }

    /// The forecast's reports of the baseline, with its `annual` answers when they were
    /// simulated.
    private static func forecastReports(_ result: RunResult, annual: [RenewalForecast]) -> ForecastReports {
        if let digest = result.digest {
            let run = result.run
            return ForecastReports(
                digest: digest, settings: run.settings, asOf: run.asOf, inputHash: run.inputHash, assumptions: result.assumptions,
                annual: annual, charts: result.charts)
        }
        return ForecastReports(run: result.baselineRun, assumptions: result.assumptions, annual: annual, charts: result.charts)
    }

    /// The comparison of a forecast's scenarios, when it ran more than the baseline.
    private static func scenarioReports(_ result: RunResult, runs: [(scenario: String, workspaces: [WorkspaceForecast])])
        -> ScenarioReports?
    {
        guard runs.count > 1 else { return nil }
        let run = result.run
        return ScenarioReports(
            runs: runs.map { scenario in
                (
                    scenario.scenario,
                    ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: scenario.workspaces)
                )
            })
    }

    /// The report directory's files, exactly as the command writes them.
    public var files: ReportSet {
        switch rendered {
        case let .forecast(reports, scenarios): ReportSet(files: reports.files.files + (scenarios?.files ?? []))
        case let .watchlist(reports): reports.files
        case let .renew(reports): reports.files
        }
    }

    /// Writes the reports into `directory`, all or nothing, with a forecast's trials file (its
    /// workspaces must have kept their sample paths), `extraFiles` inside the directory and
    /// `outsideFiles` at their own paths (a workbook); refuses to write over any of `inputs`.
    /// Returns the paths written.
    @discardableResult
    public func write(
        to directory: String, trialsFile: String? = nil, inputs: [String] = [], extraFiles: [ReportFile] = [],
        outsideFiles: [(path: String, file: ReportFile)] = []
    ) throws(ReportWriteError) -> [String] {
        switch rendered {
        case let .forecast(reports, scenarios):
            return try reports.write(
                to: directory, trialsFile: trialsFile, inputs: inputs, extraFiles: (scenarios?.files ?? []) + extraFiles,
                outsideFiles: outsideFiles
            )
        case .watchlist, .renew:
            return try ReportSet.write(
                ReportSet(files: files.files + extraFiles).targets(in: directory) + outsideFiles, reportDirectory: directory,
                inputPaths: inputs)
        }
    }

    /// What the command prints once the reports are written to `reportDirectory`, listing at
    /// most `limit` workspaces (or rows).
    public func summary(reportDirectory: String, limit: Int = 20) -> String {
        switch rendered {
        case let .forecast(reports, scenarios):
            ForecastSummary(reports: reports, limit: limit).text(reportDirectory: reportDirectory) + (scenarios?.summary ?? "")
        case let .watchlist(reports): reports.summary(reportDirectory: reportDirectory, limit: limit)
        case let .renew(reports): reports.summary(reportDirectory: reportDirectory, limit: limit)
        }
    }
}
