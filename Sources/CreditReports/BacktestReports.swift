import CreditBacktest
import CreditLedger

/// Every file a backtest writes, all or nothing: `backtest.csv` and `scores.csv`
/// (`BacktestCSV`), `provenance.json` (`BacktestProvenance`), `charts/coverage.svg`,
/// `charts/reliability.svg` and `charts/pit.svg` (`BacktestChart`), and `backtest.md`
/// (`BacktestMarkdown`), which links the charts by relative path. Written through `ReportSet`, so a failure leaves an earlier
/// report whole.
public struct BacktestReports: Sendable {
    /// The run reported.
    public var run: BacktestRun
    /// The prices and rules it assumed.
    public var assumptions: ReportAssumptions

    /// The coverage chart's path inside the report.
    public static let coverageChart = "charts/coverage.svg"
    /// The reliability chart's path inside the report.
    public static let reliabilityChart = "charts/reliability.svg"
    /// The chart of where the real usage fell among the trials, its path inside the report.
    public static let pitChart = "charts/pit.svg"

    /// `backtest.csv`'s rows as `spool(_:into:)` wrote them while the run delivered its records;
    /// `nil` when the run kept them.
    private let spooledRecords: RecordSpool?

    /// The reports of `run` under `pricing` and the month `rules` it ran with; `spooledRecords`
    /// holds `backtest.csv`'s rows where the run handed its records on instead of keeping them.
    package init(run: BacktestRun, pricing: Pricing, rules: PurchaseRules, spooledRecords: RecordSpool?) {
        self.run = run
        self.assumptions = ReportAssumptions(pricing: pricing, rules: rules)
        self.spooledRecords = spooledRecords
    }

    /// The reports of `run`, which kept its records, under `pricing` and the month `rules` it
    /// ran with.
    public init(run: BacktestRun, pricing: Pricing, rules: PurchaseRules) {
        self.init(run: run, pricing: pricing, rules: rules, spooledRecords: nil)
    }

    /// Appends `backtest.csv`'s rows of `records` to `spool`, as a run delivers them in its order
    /// (`Backtest.run`'s `deliver`).
    package static func spool(_ records: [BacktestRecord], into spool: RecordSpool) throws(ReportWriteError) {
        try BacktestCSV.recordRows(records, spool.append)
    }

    /// The provenance every file carries.
    public var provenance: BacktestProvenance { BacktestProvenance(run: run, assumptions: assumptions) }

    /// Each model's colour, fixed by its place in `BacktestModel.allCases`.
    static func color(of model: BacktestModel) -> String {
        BacktestChart.palette[BacktestModel.allCases.firstIndex(of: model)! % BacktestChart.palette.count]
    }

    /// P10–P90 coverage of usage by step, one line per model, against the nominal 80%.
    var coverageChart: BacktestChart {
        let horizon = run.settings.horizon
        let scores = run.tally.scores.filter { $0.target == .usage && $0.step != nil }
        let lowest = min(0.5, (scores.map(\.coverage80).min() ?? 0.5) - 0.05)
        var series = [
            BacktestChart.Series(
                name: "nominal 80%", color: "#000000", points: [(1, 0.8), (Double(max(1, horizon)), 0.8)], isReference: true
            )
        ]
        for model in run.models {
            let points = scores.filter { $0.model == model }.map { (x: Double($0.step!), y: $0.coverage80) }
            series.append(.init(name: model.rawValue, color: Self.color(of: model), points: points))
        }
        return BacktestChart(
            title: "P10–P90 coverage of usage", xCaption: "months after the origin", yCaption: "share of actuals inside the band",
            xDomain: 1...Double(max(2, horizon)), xTicks: (1...horizon).map { (Double($0), String($0)) },
            yMinimum: max(0, (lowest * 10).rounded(.down) / 10), series: series
        )
    }

    /// Where the real usage fell among each model's trials: the share of forecasts in each tenth
    /// (`BacktestRun.pitHistogram`), one line per model through the tenths' middles, against the
    /// 10% a tenth of calibrated forecasts. The top is the largest share rounded up to the next
    /// 5 points (at least 20%), so that the shares, about 10%, are not squashed at the bottom.
    var pitChart: BacktestChart {
        var series = [
            BacktestChart.Series(name: "calibrated: 10%", color: "#000000", points: [(0, 0.1), (1, 0.1)], isReference: true)
        ]
        var largest = 0.0
        for model in run.models {
            let shares = run.tally.pitHistogram(of: model)
            largest = max(largest, shares.max() ?? 0)
            let points = shares.indices.map { (x: (Double($0) + 0.5) / Double(shares.count), y: shares[$0]) }
            series.append(.init(name: model.rawValue, color: Self.color(of: model), points: points))
        }
        return BacktestChart(
            title: "Where the real usage fell among the trials", xCaption: "the tenth of the trials it fell in",
            yCaption: "share of forecasts", xDomain: 0...1,
            xTicks: stride(from: 0, through: 10, by: 2).map { (Double($0) / 10, "\($0 * 10)%") },
            yMaximum: min(1, max(0.2, (largest * 20).rounded(.up) / 20)), yLinesPerWhole: 20, series: series
        )
    }

    /// The fewest forecasts behind one point of the reliability chart.
    static let reliabilityPointForecasts = 20

    /// Observed frequency against forecast probability, one line per model with both events'
    /// forecasts pooled (the Markdown tables split them), against the diagonal. Neighbouring
    /// tenths are merged until each point holds `reliabilityPointForecasts` forecasts, so that a
    /// point never leaps between 0% and 100% on one or two events; markers are sized by count.
    var reliabilityChart: BacktestChart {
        var series = [BacktestChart.Series(name: "perfectly reliable", color: "#000000", points: [(0, 0), (1, 1)], isReference: true)]
        for model in run.models {
            let bins = ReliabilityBin.pooled(run.tally.reliabilityOfEveryEvent(of: model), minimumCount: Self.reliabilityPointForecasts)
            series.append(
                .init(
                    name: model.rawValue, color: Self.color(of: model),
                    points: bins.map { (x: $0.meanProbability, y: $0.observedFrequency) }, counts: bins.map(\.count)
                ))
        }
        return BacktestChart(
            title: "Reliability of cap-hit and shortfall probabilities", xCaption: "forecast probability (within the horizon)",
            yCaption: "how often it happened", xDomain: 0...1,
            xTicks: stride(from: 0, through: 10, by: 2).map { (Double($0) / 10, "\($0 * 10)%") }, series: series
        )
    }

    /// The report directory's files, charts first and `backtest.md` last.
    public var files: ReportSet {
        let provenance = provenance
        return ReportSet(files: [
            ReportFile(path: Self.coverageChart, text: coverageChart.svg),
            ReportFile(path: Self.reliabilityChart, text: reliabilityChart.svg),
            ReportFile(path: Self.pitChart, text: pitChart.svg),
            spooledRecords?.file(path: "backtest.csv", header: BacktestCSV.recordHeader) ?? BacktestCSV.recordsFile(run),
            ReportFile(path: "scores.csv", text: BacktestCSV.scores(run.tally.scores).text),
            ReportFile(path: "provenance.json", text: provenance.json(describing: ["backtest.csv", "scores.csv"])),
            ReportFile(
                path: "backtest.md",
                text: BacktestMarkdown(
                    run: run, provenance: provenance, coverageChart: Self.coverageChart, reliabilityChart: Self.reliabilityChart,
                    pitChart: Self.pitChart
                ).text),
        ]).addingHTMLPages()
    }

    /// Writes the report into `directory` (created if needed), refusing to write over any of
    /// `inputs`. Returns the paths written.
    @discardableResult
    public func write(to directory: String, inputs: [String] = []) throws(ReportWriteError) -> [String] {
        try files.write(to: directory, inputPaths: inputs)
    }
}
