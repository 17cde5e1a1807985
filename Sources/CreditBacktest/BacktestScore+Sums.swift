extension BacktestScore {
    /// The running sums behind one `BacktestScore`: forecasts added one at a time, in the run's
    /// order, so that a backtest can score its records as they arrive and keep none of them.
    /// Adding the same forecasts in the same order gives the same score to the last bit.
    struct Sums: Sendable, Equatable {
        var count = 0
        var covered80 = 0
        var covered90 = 0
        var pitCovered80 = 0.0
        var pitCovered90 = 0.0
        var p10 = 0.0
        var p50 = 0.0
        var p90 = 0.0
        var crps = 0.0
        var interval = 0.0
        var bias = 0.0
        var events = 0
        var capHitBrier = 0.0
        var shortfallBrier = 0.0

        /// No forecasts yet.
        init() {}

        /// Adds one forecast of the group's target.
        mutating func add(_ forecast: TargetForecast) {
            count += 1
            if forecast.inBand80 { covered80 += 1 }
            if forecast.inBand90 { covered90 += 1 }
            pitCovered80 += forecast.pitCoverage80
            pitCovered90 += forecast.pitCoverage90
            p10 += forecast.pinball(level: 10)
            p50 += forecast.pinball(level: 50)
            p90 += forecast.pinball(level: 90)
            crps += forecast.crps
            interval += forecast.weightedIntervalScore
            bias += Double(forecast.quantiles.p50 - forecast.actual)
        }

        /// Adds the event forecasts of one record (the group's event scores may rest on other
        /// records than its targets': the last step of each origin, for every step together).
        mutating func addEvents(of record: BacktestRecord) {
            events += 1
            capHitBrier += record.capHit.brier
            shortfallBrier += record.shortfall.brier
        }

        /// The score of what was added, labelled `model`, `target` and `step`.
        func score(model: BacktestModel, target: BacktestTarget, step: Int?) -> BacktestScore {
            let n = Double(max(1, count))
            let eventCount = Double(max(1, events))
            return BacktestScore(
                model: model, target: target, step: step, count: count, coverage80: Double(covered80) / n,
                coverage90: Double(covered90) / n, pitCoverage80: pitCovered80 / n, pitCoverage90: pitCovered90 / n,
                pinballP10: p10 / n, pinballP50: p50 / n, pinballP90: p90 / n, crps: crps / n, weightedIntervalScore: interval / n,
                bias: bias / n, brierCapHit: capHitBrier / eventCount, brierShortfall: shortfallBrier / eventCount
            )
        }
    }
}
