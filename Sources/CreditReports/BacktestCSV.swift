import CreditBacktest

/// The backtest's CSV files: `backtest.csv` (one row per origin, workspace, model and step) and
/// `scores.csv` (one row per model, target and step, and one per model and target for every
/// step, `step` = `all`).
///
/// Number formats follow `ForecastCSV`: credits whole, probabilities and shares 4 decimals,
/// means and scores in credits 1 decimal. `usage_pit_low` and `usage_pit_high` (and the
/// balance's) are the PIT's ends: the share of trials below the actual and at or below it. Events
/// are cumulative: `p_cap_hit` on the row of step `k` is the chance of a cap hit in any of months
/// 1 … `k` after the origin, and `cap_hit` says whether one happened in those months.
enum BacktestCSV {
    /// `backtest.csv`'s columns.
    static let recordHeader = [
        "origin", "workspace", "model", "step", "month",
        "usage_actual", "usage_p5", "usage_p10", "usage_p50", "usage_p90", "usage_p95", "usage_mean", "usage_crps",
        "usage_pit_low", "usage_pit_high",
        "balance_actual", "balance_p5", "balance_p10", "balance_p50", "balance_p90", "balance_p95", "balance_mean", "balance_crps",
        "balance_pit_low", "balance_pit_high",
        "p_cap_hit", "cap_hit", "p_shortfall", "shortfall",
    ]

    /// `scores.csv`'s columns.
    static let scoreHeader = [
        "model", "target", "step", "count", "coverage_80", "coverage_90", "pit_coverage_80", "pit_coverage_90",
        "pinball_p10", "pinball_p50", "pinball_p90",
        "crps", "bias", "brier_cap_hit", "brier_shortfall",
    ]

    /// `backtest.csv` of the records `run` kept, streamed as it is written (see `CSVTable.file`):
    /// a backtest of ten thousand workspaces has near a million records, which need not exist as
    /// cells or text. A run that handed its records on spools the rows instead
    /// (`BacktestReports.spool(_:into:)`).
    static func recordsFile(_ run: BacktestRun) -> ReportFile {
        CSVTable.file(path: "backtest.csv", header: recordHeader) { emit throws(ReportWriteError) in try recordRows(run.records, emit) }
    }

    /// `backtest.csv`'s rows, one per record, each handed to `emit`.
    static func recordRows(_ records: [BacktestRecord], _ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        let places = ForecastCSV.probabilityPlaces
        let mean = ForecastCSV.meanPlaces
        func target(_ forecast: TargetForecast) -> [CSVCell] {
            let q = forecast.quantiles
            return [
                .integer(forecast.actual), .integer(q.p5), .integer(q.p10), .integer(q.p50), .integer(q.p90), .integer(q.p95),
                .decimal(forecast.mean, places: mean), .decimal(forecast.crps, places: mean),
                .decimal(forecast.pit.lowerBound, places: places), .decimal(forecast.pit.upperBound, places: places),
            ]
        }
        for record in records {
            try emit(
                [
                    .month(record.origin), .text(record.workspace), .text(record.model.rawValue), .integer(record.step),
                    .month(record.month),
                ]
                    + target(record.usage) + target(record.balance)
                    + [
                        .decimal(record.capHit.probability, places: places), .integer(record.capHit.happened ? 1 : 0),
                        .decimal(record.shortfall.probability, places: places), .integer(record.shortfall.happened ? 1 : 0),
                    ]
            )
        }
    }

    /// `scores.csv`.
    static func scores(_ scores: [BacktestScore]) -> CSVTable {
        let places = ForecastCSV.probabilityPlaces
        let mean = ForecastCSV.meanPlaces
        var table = CSVTable(header: scoreHeader)
        for score in scores {
            table.rows.append([
                .text(score.model.rawValue), .text(score.target.rawValue), score.step.map(CSVCell.integer) ?? .text("all"),
                .integer(score.count), .decimal(score.coverage80, places: places), .decimal(score.coverage90, places: places),
                .decimal(score.pitCoverage80, places: places), .decimal(score.pitCoverage90, places: places),
                .decimal(score.pinballP10, places: mean), .decimal(score.pinballP50, places: mean),
                .decimal(score.pinballP90, places: mean),
                .decimal(score.crps, places: mean), .decimal(score.bias, places: mean),
                .decimal(score.brierCapHit, places: places), .decimal(score.brierShortfall, places: places),
            ])
        }
        return table
    }
}
