import CreditBacktest
import CreditCore

/// `backtest.md`: whether the forecast's percentiles can be trusted on this data, for a reader
/// who decides whether to act on them.
///
/// It opens with the provenance as front matter, then says plainly whether the first candidate
/// model (the default, `seats`) beats each baseline on CRPS and whether its P10–P90 band held
/// about 80% of what happened; then the scores over every step, coverage by step with its chart,
/// where the real usage fell among each model's trials (the PIT histogram) with its chart, and
/// the reliability of the cap-hit and shortfall probabilities with their chart.
struct BacktestMarkdown: Sendable {
    /// The run reported.
    var run: BacktestRun
    /// Its provenance.
    var provenance: BacktestProvenance
    /// The coverage chart's path relative to the report.
    var coverageChart: String
    /// The reliability chart's path relative to the report.
    var reliabilityChart: String
    /// The path, relative to the report, of the chart of where the real usage fell.
    var pitChart: String

    /// The band of P10–P90 coverage called calibrated, around the nominal 80%.
    static let calibratedBand = 0.75...0.85

    /// How a P10–P90 coverage reads against `calibratedBand` and against chance: outside the
    /// band, it is called too narrow or too wide only where its interval (`CoverageInterval`)
    /// leaves out the nominal 80%; on a few workspaces a band a little outside is as likely
    /// chance as a spread that is off.
    enum BandReading: Equatable {
        case calibrated, tooNarrow, tooWide, narrowWithinChance, wideWithinChance

        init(coverage: Double, interval: CoverageInterval?) {
            let nominal = CoverageInterval.Band.central80.nominal
            if BacktestMarkdown.calibratedBand.contains(coverage) {
                self = .calibrated
            } else if coverage < BacktestMarkdown.calibratedBand.lowerBound {
                self = interval?.contains(nominal) == true ? .narrowWithinChance : .tooNarrow
            } else {
                self = interval?.contains(nominal) == true ? .wideWithinChance : .tooWide
            }
        }

        /// The verdict in words, emphasised, with what it means for the percentiles.
        var verdict: String {
            switch self {
            case .calibrated: "**calibrated**"
            case .tooNarrow: "**too narrow**; treat its percentiles as optimistic"
            case .tooWide: "**too wide**; the real spread is smaller"
            case .narrowWithinChance: "**narrow, but within chance** on these workspaces; more workspaces or origins would tell"
            case .wideWithinChance: "**wide, but within chance** on these workspaces; more workspaces or origins would tell"
            }
        }
    }

    /// `(nominal 80%; 90% interval 70.7–96.4% over 6 workspaces)`: the nominal share and the
    /// interval chance allows, or why there is none.
    static func nominalAndChance(_ band: CoverageInterval.Band, _ interval: CoverageInterval?) -> String {
        let nominal = "nominal \(Int((band.nominal * 100).rounded()))%"
        guard let interval else { return "(\(nominal); one workspace, so no interval for chance)" }
        return
            "(\(nominal); 90% interval \(FixedDecimal.percent(interval.lower))–\(FixedDecimal.percent(interval.upper)) over "
            + "\(interval.workspaces.groupedThousands) workspaces)"
    }

    /// The report of `run`, linking the three charts at the given paths.
    init(run: BacktestRun, provenance: BacktestProvenance, coverageChart: String, reliabilityChart: String, pitChart: String) {
        self.run = run
        self.provenance = provenance
        self.coverageChart = coverageChart
        self.reliabilityChart = reliabilityChart
        self.pitChart = pitChart
    }

    /// The verdict in sentences: CRPS and WIS against each baseline, then P10–P90 coverage.
    var verdict: [String] { Self.verdict(for: run) }

    /// The verdict on `run` in sentences (Markdown emphasis on the conclusions): whether the
    /// first candidate beats each baseline on usage CRPS, its WIS beside theirs, then whether its
    /// P10–P90 band is calibrated, too narrow or too wide: judged on its plain coverage, or, where
    /// point masses moved the figures, on the bands' coverage counted by probability (the PIT's).
    static func verdict(for run: BacktestRun) -> [String] {
        guard let candidate = run.settings.candidates.first, let score = run.tally.overallScore(of: candidate) else {
            return ["No forecast could be scored."]
        }
        var lines: [String] = []
        let baselines = run.models.filter { $0 != candidate && $0.isBaseline }
        let scored = baselines.compactMap { model in run.tally.overallScore(of: model).map { (model, $0.crps) } }
        let beaten = scored.filter { score.crps < $0.1 }
        let comparison = scored.map { "\($0.0.rawValue) \(FixedDecimal.groupedWhole($0.1))" }.joined(separator: ", ")
        if !scored.isEmpty {
            if beaten.count == scored.count {
                lines.append(
                    "**\(candidate.rawValue) beats every baseline** on usage CRPS: \(FixedDecimal.groupedWhole(score.crps)) credits against \(comparison)."
                )
            } else {
                let lost = scored.filter { score.crps >= $0.1 }.map(\.0.rawValue).joined(separator: ", ")
                lines.append(
                    "**\(candidate.rawValue) does not beat \(lost)** on usage CRPS: \(FixedDecimal.groupedWhole(score.crps)) credits against \(comparison)."
                )
            }
        }
        // WIS, the real-data suite's yardstick, from the same five percentiles any model gives.
        let intervals = baselines.compactMap { model in run.tally.overallScore(of: model).map { (model, $0.weightedIntervalScore) } }
        if !intervals.isEmpty {
            let against =
                "\(FixedDecimal.groupedWhole(score.weightedIntervalScore)) credits against "
                + intervals.map { "\($0.0.rawValue) \(FixedDecimal.groupedWhole($0.1))" }.joined(separator: ", ")
            // Scores equal to nine digits are a tie (sums of the same losses in another order).
            let notBelow = intervals.filter { score.weightedIntervalScore >= $0.1 * (1 - 1e-9) }.map(\.0.rawValue)
            let what = "(the weighted interval score of its P5, P10, P50, P90 and P95; lower is better)"
            lines.append(
                notBelow.isEmpty
                    ? "**Its WIS is the lowest** \(what): \(against)."
                    : "**Its WIS is not below \(notBelow.joined(separator: ", "))** \(what): \(against).")
        }
        let coverage = FixedDecimal.percent(score.coverage80)
        // An idle month lies inside any band whose low end is 0: where that moved the figures, the
        // judgement rests on the coverage that counts it by its probability inside the band.
        let pointMassesMoved =
            abs(score.pitCoverage80 - score.coverage80) >= 0.005 || abs(score.pitCoverage90 - score.coverage90) >= 0.005
        let interval80 = run.tally.coverageInterval(of: candidate, band: .central80)
        if pointMassesMoved {
            lines.append(
                "Its P10–P90 band held the real usage in \(coverage) of forecasts \(nominalAndChance(.central80, interval80)), each idle month or other point mass inside it counted whole."
            )
        } else {
            let reading = BandReading(coverage: score.coverage80, interval: interval80)
            lines.append(
                "Its P10–P90 band held the real usage in \(reading == .tooNarrow ? "only " : "")\(coverage) of forecasts \(nominalAndChance(.central80, interval80)): \(reading.verdict)."
            )
        }
        let rounded = score.bias.rounded(.toNearestOrAwayFromZero)
        let median =
            rounded == 0
            ? "on target on average"
            : "on average \(FixedDecimal.groupedWhole(abs(score.bias))) credits \(rounded > 0 ? "above" : "below") what happened"
        let interval90 = run.tally.coverageInterval(of: candidate, band: .central90)
        lines.append(
            "Its P5–P95 band held \(FixedDecimal.percent(score.coverage90)) \(nominalAndChance(.central90, interval90)); its median was \(median)."
        )
        if pointMassesMoved {
            let byProbability80 = run.tally.coverageInterval(of: candidate, band: .central80, byProbability: true)
            let byProbability90 = run.tally.coverageInterval(of: candidate, band: .central90, byProbability: true)
            lines.append(
                "Counting each point mass (an idle month's zero, say) by the share of its probability inside the band rather than as wholly inside, the P10–P90 band held \(FixedDecimal.percent(score.pitCoverage80)) \(nominalAndChance(.central80, byProbability80)) and the P5–P95 \(FixedDecimal.percent(score.pitCoverage90)) \(nominalAndChance(.central90, byProbability90)): \(BandReading(coverage: score.pitCoverage80, interval: byProbability80).verdict)."
            )
        }
        return lines
    }

    /// The Markdown document.
    var text: String {
        let p = provenance
        let origins = run.origins
        var out = p.frontMatter + "\n# Backtest: can these percentiles be trusted?\n\n"
        out +=
            "\(run.workspaceCount.groupedThousands) workspace\(run.workspaceCount == 1 ? "" : "s"), history \(run.firstMonth) to \(run.lastMonth). "
        out +=
            "From each of \(origins.count) origin\(origins.count == 1 ? "" : "s") (\(origins.map(\.description).joined(separator: ", "))) "
        out +=
            "every model saw only the history up to the origin (the seats model's trend prior and seasonality were learnt "
            + "from every workspace's history up to it) and forecast the next \(run.settings.horizon) month\(run.settings.horizon == 1 ? "" : "s") "
        out += "(fewer where the history ends first) with \(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed); "
        out += "the forecasts are compared with the real usage and with the balance the ledger gives on it. "
        out += "\(run.tally.count.groupedThousands) forecasts were scored.\n\n"

        out += "## Verdict\n\n" + verdict.map { "- \($0)\n" }.joined() + "\n"

        out += "## Scores over every step\n\n"
        let overall = run.tally.scores.filter { $0.step == nil }
        out +=
            MarkdownTable(
                columns: [
                    .init("model"), .init("target"), .init("forecasts", .right), .init("P10–P90 coverage", .right),
                    .init("P5–P95 coverage", .right),
                    .init("pinball P10", .right), .init("pinball P50", .right), .init("pinball P90", .right), .init("CRPS", .right),
                    .init("bias", .right), .init("Brier cap hit", .right), .init("Brier shortfall", .right),
                ],
                rows: overall.map { s in
                    [
                        s.model.rawValue, s.target.rawValue, s.count.groupedThousands, FixedDecimal.percent(s.coverage80),
                        FixedDecimal.percent(s.coverage90),
                        FixedDecimal.groupedWhole(s.pinballP10), FixedDecimal.groupedWhole(s.pinballP50),
                        FixedDecimal.groupedWhole(s.pinballP90),
                        FixedDecimal.groupedWhole(s.crps), Self.signedCredits(s.bias),
                        FixedDecimal.text(s.brierCapHit, places: 4), FixedDecimal.text(s.brierShortfall, places: 4),
                    ]
                }
            ).text
        out +=
            "\nCRPS and pinball losses are in credits, lower is better; CRPS rewards a forecast that is both sharp and right. "
            + "Bias is the mean of P50 minus what happened. Brier scores are for the event within the horizon; lower is better.\n\n"

        out += "## Coverage by step\n\n"
        out += "![P10–P90 coverage of usage by months ahead](\(coverageChart))\n\n"
        let usageSteps = run.tally.scores.filter { $0.target == .usage && $0.step != nil }
        out +=
            MarkdownTable(
                columns: [.init("months ahead", .right)]
                    + run.models.flatMap { [.init("\($0.rawValue) P10–P90", .right), .init("\($0.rawValue) P5–P95", .right)] },
                rows: (1...run.settings.horizon).compactMap { step in
                    let row = run.models.map { model in usageSteps.first { $0.model == model && $0.step == step } }
                    guard row.contains(where: { $0 != nil }) else { return nil }
                    return [String(step)]
                        + row.flatMap { score in
                            [
                                score.map { FixedDecimal.percent($0.coverage80) } ?? "—",
                                score.map { FixedDecimal.percent($0.coverage90) } ?? "—",
                            ]
                        }
                }
            ).text
        out += "\n"

        out += "## Where the real usage fell among the trials\n\n"
        out +=
            "The share of forecasts whose real usage fell in each tenth of the trials (its PIT; a point mass, such as an idle month, "
            + "spread over the tenths it spans). Calibrated forecasts put 10% in each; too wide a band piles them in the middle, "
            + "too narrow or biased a one at the ends.\n\n"
        out += "![Where the real usage fell among the trials](\(pitChart))\n\n"
        let histograms = run.models.map { (model: $0, shares: run.tally.pitHistogram(of: $0)) }.filter { !$0.shares.isEmpty }
        let tenths = histograms.first?.shares.count ?? 0
        out +=
            MarkdownTable(
                columns: [.init("model")] + (0..<tenths).map { .init("\($0 * 10)–\($0 * 10 + 10)%", .right) },
                rows: histograms.map { [$0.model.rawValue] + $0.shares.map { FixedDecimal.percent($0) } }
            ).text
        out += "\n"

        out += "## Cap hits and shortfalls: reliability\n\n"
        out +=
            "Forecasts grouped by the probability they gave the event (within the horizon) against how often it then happened; "
            + "a reliable forecast lies on the diagonal.\n\n"
        out += "![Reliability of event probabilities](\(reliabilityChart))\n\n"
        for model in run.models {
            out += "### \(MarkdownTable.escape(model.rawValue))\n\n"
            let tables = BacktestEvent.allCases.map { run.tally.reliability(of: model, event: $0) }
            out +=
                MarkdownTable(
                    columns: [.init("forecast probability")]
                        + BacktestEvent.allCases.flatMap { event in
                            [
                                .init("\(Self.eventWords(event)): forecasts", .right), .init("mean forecast", .right),
                                .init("happened", .right),
                            ]
                        },
                    rows: tables[0].indices.map { index in
                        let bin = tables[0][index]
                        return ["\(Int((bin.lower * 100).rounded()))–\(Int((bin.upper * 100).rounded()))%"]
                            + tables.flatMap { table in
                                let bin = table[index]
                                return bin.count == 0
                                    ? ["0", "—", "—"]
                                    : [
                                        bin.count.groupedThousands, FixedDecimal.percent(bin.meanProbability),
                                        FixedDecimal.percent(bin.observedFrequency),
                                    ]
                            }
                    }
                ).text
            out += "\n"
        }
        out += "backtest.csv has every forecast (origin, workspace, model, step) and scores.csv the scores by step.\n"
        return out
    }

    /// `cap hit` or `shortfall`, for headings.
    static func eventWords(_ event: BacktestEvent) -> String {
        event == .capHit ? "cap hit" : "shortfall"
    }

    /// A signed whole number of credits: `+1,234`, `-56`, `0`.
    static func signedCredits(_ value: Double) -> String {
        let text = FixedDecimal.groupedWhole(value)
        return value.rounded(.toNearestOrAwayFromZero) > 0 ? "+" + text : text
    }
}
