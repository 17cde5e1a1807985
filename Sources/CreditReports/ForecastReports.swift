import CreditCore
import CreditForecast
import CreditLedger

/// Every file a forecast writes, all or nothing:
///
/// - in the report directory: `forecast.csv` and `summary.csv` (`ForecastCSV`), `provenance.json`,
///   the sidecar that traces both CSVs (`ReportProvenance`), `charts/<slug>-<hash>.svg`, a
///   balance fan chart (`BalanceFanChart`) for each workspace `charts` selects, and `report.md`,
///   which links the charts by relative path (`ForecastMarkdown`);
/// - optionally, a trials file anywhere with its `<name>.provenance.json` sidecar (`TrialsCSV`).
///
/// All of them are staged before any is put in place, so a failure leaves every earlier file as
/// it was.
public struct ForecastReports: Sendable {
    /// The run reported.
    public var run: ForecastRun
    /// The prices and rules it assumed.
    public var assumptions: ReportAssumptions
    /// How many workspaces `report.md` details.
    public var detailLimit: Int
    /// Each workspace's next twelve months as a year, by workspace index in `run`, costed under
    /// the run's own rules (its one outcome); empty when not simulated. With it, the reports
    /// add `annual.csv` and each workspace's plain annual answer.
    public var annual: [RenewalForecast]
    /// Which workspaces get a chart.
    public var charts: ChartSelection
    /// The indices of `run`'s workspaces, most urgent first (`UrgencyRanking`).
    package let order: [Int]
    /// `forecast.csv`'s rows as a digest spooled them while the run's workspaces arrived; `nil`
    /// when they are made from the months `run` holds.
    private let spooledRows: RecordSpool?

    /// How many workspaces `report.md` details unless told otherwise.
    public static let standardDetailLimit = 20

    /// The directory inside the report that holds the charts.
    public static let chartDirectory = "charts"

    /// The reports of `run` under `assumptions`; `report.md` details the `detailLimit` most
    /// urgent workspaces, and `charts` says which workspaces get a chart.
    public init(
        run: ForecastRun, assumptions: ReportAssumptions, detailLimit: Int = standardDetailLimit,
        annual: [RenewalForecast] = [], charts: ChartSelection = .top
    ) {
        precondition(annual.isEmpty || annual.count == run.workspaces.count, "one year per workspace, or none")
        self.run = run
        self.assumptions = assumptions
        self.detailLimit = detailLimit
        self.annual = annual
        self.charts = charts
        order = UrgencyRanking.order(run.workspaces)
        spooledRows = nil
    }

    /// The reports of the run whose workspaces `digest` took (made under the standard
    /// thresholds, spooling `forecast.csv`'s rows, keeping the months of the `detailLimit` most
    /// urgent or of all), with `settings`, `asOf` and `inputHash` of that run: the same files as
    /// the reports of the run holding every workspace whole.
    package init(
        digest: ForecastDigest, settings: ForecastSettings, asOf: Month, inputHash: String, assumptions: ReportAssumptions,
        detailLimit: Int = standardDetailLimit, annual: [RenewalForecast] = [], charts: ChartSelection = .top
    ) {
        precondition(digest.thresholds == .standard && digest.rows != nil, "ranked as the forecast ranks, its rows spooled")
        precondition(annual.isEmpty || annual.count == digest.workspaces.count, "one year per workspace, or none")
        run = ForecastRun(requested: settings, asOf: asOf, inputHash: inputHash, workspaces: digest.workspaces)
        self.assumptions = assumptions
        self.detailLimit = detailLimit
        self.annual = annual
        self.charts = charts
        order = digest.order
        spooledRows = digest.rows
    }

    /// The reports of `run` under `pricing` and the month `rules` it ran with.
    public init(
        run: ForecastRun, pricing: Pricing, rules: PurchaseRules, detailLimit: Int = standardDetailLimit, charts: ChartSelection = .top
    ) {
        self.init(run: run, assumptions: ReportAssumptions(pricing: pricing, rules: rules), detailLimit: detailLimit, charts: charts)
    }

    /// The provenance every file carries.
    public var provenance: ReportProvenance { ReportProvenance(run: run, assumptions: assumptions) }

    /// Each workspace's chart path inside the report, in the run's workspace order; `nil` for a
    /// workspace without a chart. The names are made from every workspace, charted or not, so a
    /// workspace's chart has the same name whatever `charts` is.
    public var chartPaths: [String?] {
        let charted = charts.charted(order: order, detailLimit: detailLimit)
        return zip(ChartFileNames.names(for: run.workspaces.map(\.name)), charted).map { name, charted in
            charted ? "\(Self.chartDirectory)/\(name)" : nil
        }
    }

    /// The report directory's files, charts first and `report.md` last.
    public var files: ReportSet {
        let charts = chartPaths
        let provenance = provenance
        var files = zip(run.workspaces, charts).compactMap { workspace, path in
            path.map { ReportFile(path: $0, text: BalanceFanChart(workspace: workspace).svg) }
        }
        files.append(spooledRows?.file(path: "forecast.csv", header: ForecastCSV.forecastHeader) ?? ForecastCSV.forecastFile(run))
        files.append(ForecastCSV.summaryFile(run))
        if !annual.isEmpty { files.append(ReportFile(path: "annual.csv", text: annualCSV.text)) }
        files.append(
            ReportFile(
                path: "provenance.json",
                text: provenance.json(describing: ["forecast.csv", "summary.csv"] + (annual.isEmpty ? [] : ["annual.csv"]))
            ))
        files.append(
            ReportFile(
                path: "report.md",
                text: ForecastMarkdown(
                    run: run, order: order, provenance: provenance, chartPaths: charts, detailLimit: detailLimit, annual: answers
                ).text
            ))
        return ReportSet(files: files).addingHTMLPages()
    }

    /// The columns of `annual.csv`.
    public static let annualHeader =
        ["workspace", "first_month", "last_month"] + AnnualAnswer.needHeader + [
            "extra_credits_p90", "purchase", "expected_extra_cost", "p90_extra_cost", "expected_unused_credits",
        ]

    /// Each workspace's plain annual answer, by workspace index in `run` (empty without `annual`).
    public var answers: [AnnualAnswer] {
        annual.compactMap { year in year.outcomes.first.map { AnnualAnswer(year: year, outcome: $0) } }
    }

    /// `annual.csv`: per workspace, in the summary's order, the next twelve months' usage
    /// (nearest-rank percentiles of the annual total over the trials) against what the plan
    /// accrues, the chance of needing extra credits, their mean and P90, and what buying them
    /// costs under the run's rules (pay-as-you-go, or its auto-purchase), to the cent.
    package var annualCSV: CSVTable {
        let answers = answers
        return CSVTable(
            header: Self.annualHeader,
            rows: order.map { index in
                let answer = answers[index]
                return [.text(answer.year.name), .month(answer.year.renewal), .month(answer.lastMonth)] + answer.needCells + [
                    .integer(answer.year.need.extra.p90), .text(answer.outcome.strategy.name), .money(answer.outcome.expectedCost),
                    .money(answer.outcome.p90Cost), .decimal(answer.outcome.expectedUnusedCredits, places: ForecastCSV.meanPlaces),
                ]
            })
    }

    /// Writes the report into `directory` (created if needed), with `extraFiles` (a scenario
    /// comparison) inside it, `outsideFiles` at their own paths (a workbook) and, if
    /// `trialsFile` is given, the trials file and its sidecar, all or nothing; refuses to write
    /// over any of `inputs`. Returns the paths written.
    @discardableResult
    public func write(
        to directory: String, trialsFile: String? = nil, inputs: [String] = [], extraFiles: [ReportFile] = [],
        outsideFiles: [(path: String, file: ReportFile)] = []
    ) throws(ReportWriteError) -> [String] {
        var targets = ReportSet(files: files.files + extraFiles).targets(in: directory) + outsideFiles
        if let trialsFile {
            targets += TrialsCSV(run: run).targets(at: trialsFile, provenance: provenance)
        }
        return try ReportSet.write(targets, reportDirectory: directory, inputPaths: inputs)
    }
}
