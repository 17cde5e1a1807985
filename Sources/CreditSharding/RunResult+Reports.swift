import CreditDecisions
import CreditForecast
import CreditReports

extension RunResult {
    /// The scenario comparison of a forecast with scenarios, rendered by `ScenarioReports`.
    package var scenarioReports: ScenarioReports? {
        guard case let .forecast(runs, _) = payload, runs.count > 1 else { return nil }
        return ScenarioReports(
            runs: runs.map { scenario in
                (
                    scenario.scenario,
                    ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: scenario.workspaces)
                )
            })
    }

    /// The forecast's reports of the baseline, with its annual answers when they were simulated.
    package var forecastReports: ForecastReports {
        if let digest, case let .forecast(_, annual) = payload {
            return ForecastReports(
                digest: digest, settings: run.settings, asOf: run.asOf, inputHash: run.inputHash, assumptions: assumptions,
                annual: annual, charts: charts)
        }
        guard case let .forecast(_, annual) = payload else {
            return ForecastReports(run: baselineRun, assumptions: assumptions, charts: charts)
        }
        return ForecastReports(run: baselineRun, assumptions: assumptions, annual: annual, charts: charts)
    }

    /// The watchlist's reports, for a watchlist result.
    package var watchlistReports: WatchlistReports? {
        guard case let .watchlist(_, thresholds) = payload else { return nil }
        let forecast = baselineRun
        let watchlist =
            digest.map { Watchlist(entries: $0.entries, thresholds: thresholds) } ?? Watchlist(run: forecast, thresholds: thresholds)
        return WatchlistReports(run: forecast, watchlist: watchlist, assumptions: assumptions)
    }

    /// The renewal plan's reports, for a renewal result.
    package var renewReports: RenewReports? {
        guard case let .renew(scenarios, risk, sensitivity) = payload else { return nil }
        return RenewReports(
            plan: RenewalPlan(scenarios: scenarios.map { ($0.scenario, $0.forecasts) }, risk: risk), run: run, assumptions: assumptions,
            sensitivity: sensitivity.map { SensitivityReports(analyses: $0, risk: risk) }
        )
    }

    /// The report directory's files, exactly as the command writes them: for a forecast
    /// `ForecastReports` (with `ScenarioReports` beside it), for a watchlist `WatchlistReports`,
    /// for a renewal `RenewReports`.
    public var reportFiles: ReportSet {
        switch kind {
        case .forecast:
            return ReportSet(files: forecastReports.files.files + (scenarioReports?.files ?? []))
        case .watchlist:
            return watchlistReports?.files ?? ReportSet(files: [])
        case .renew:
            return renewReports?.files ?? ReportSet(files: [])
        }
    }

    /// Writes the reports into `directory`, all or nothing, with a forecast's trials file (its
    /// workspaces must have kept their sample paths), `extraFiles` inside the directory and
    /// `outsideFiles` at their own paths (a workbook); refuses to write over any of `inputs`.
    /// Returns the paths written.
    @discardableResult
    public func writeReports(
        to directory: String, trialsFile: String? = nil, inputs: [String] = [], extraFiles: [ReportFile] = [],
        outsideFiles: [(path: String, file: ReportFile)] = []
    ) throws(ReportWriteError) -> [String] {
        switch kind {
        case .forecast:
            return try forecastReports.write(
                to: directory, trialsFile: trialsFile, inputs: inputs, extraFiles: (scenarioReports?.files ?? []) + extraFiles,
                outsideFiles: outsideFiles
            )
        case .watchlist, .renew:
            return try ReportSet.write(
                ReportSet(files: reportFiles.files + extraFiles).targets(in: directory) + outsideFiles, reportDirectory: directory,
                inputPaths: inputs)
        }
    }

    /// What the command prints once the reports are written to `reportDirectory`, listing at
    /// most `limit` workspaces (or rows).
    public func summary(reportDirectory: String, limit: Int = 20) -> String {
        switch kind {
        case .forecast:
            return ForecastSummary(reports: forecastReports, limit: limit).text(reportDirectory: reportDirectory)
                + (scenarioReports?.summary ?? "")
        case .watchlist:
            return watchlistReports?.summary(reportDirectory: reportDirectory, limit: limit) ?? ""
        case .renew:
            return renewReports?.summary(reportDirectory: reportDirectory, limit: limit) ?? ""
        }
    }
}
