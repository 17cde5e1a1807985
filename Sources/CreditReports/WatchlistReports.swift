import CreditCore
import CreditDecisions
import CreditForecast

/// The watchlist's files, `watchlist.csv` (for a CRM), `watchlist.md` (for people) and
/// `provenance.json`, and the short table `creditcast watchlist` prints.
public struct WatchlistReports: Sendable {
    /// The forecast the watchlist ranks.
    public var run: ForecastRun
    /// The watchlist.
    public var watchlist: Watchlist
    /// The prices and rules the forecast assumed.
    public var assumptions: ReportAssumptions

    /// The reports of `watchlist`, made from `run` under `assumptions`.
    public init(run: ForecastRun, watchlist: Watchlist, assumptions: ReportAssumptions) {
        self.run = run
        self.watchlist = watchlist
        self.assumptions = assumptions
    }

    /// The columns of `watchlist.csv`.
    public static let header = [
        "rank", "workspace", "status", "plan", "seats", "balance", "cap", "pct_of_cap",
        "p_cap_1m", "p_cap_3m", "p_shortfall_1m", "p_shortfall_3m", "expected_forfeited_next_quarter",
        "cap_likely_by", "shortfall_likely_by", "expected_payg_in_window", "expected_shortfall_in_window",
        "expected_forfeited_in_window", "reason",
    ]

    /// `watchlist.csv`: one row per workspace, most urgent first. Probabilities have 4 decimals,
    /// the share of the cap too (0.8125 is 81.25%), credits 1 decimal for means; what is at stake
    /// is summed over the thresholds' window (dollars to the cent).
    var csv: ReportFile {
        // Streamed as it is written: one row per workspace of the portfolio.
        CSVTable.file(path: "watchlist.csv", header: Self.header) { [self] emit throws(ReportWriteError) in try rows(emit) }
    }

    /// The first `limit` rows of `watchlist.csv` (all of them when `nil`) as a table in memory,
    /// for a workbook's sheet or standard output's JSON.
    package func table(limit: Int? = nil) -> CSVTable {
        CSVTable(header: Self.header, gathering: { emit throws(ReportWriteError) in try rows(limit: limit, emit) })
    }

    /// `watchlist.csv`'s rows, most urgent first, at most `limit` of them, each handed to `emit`.
    private func rows(limit: Int? = nil, _ emit: ([CSVCell]) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        let places = ForecastCSV.probabilityPlaces
        for entry in watchlist.entries.prefix(limit ?? Int.max) {
            try emit([
                .integer(entry.rank), .text(entry.workspace), .text(entry.status.rawValue), .text(entry.plan),
                .integer(entry.seats), .integer(entry.balance), .integer(entry.cap),
                .decimal(entry.fractionOfCap, places: places),
                .decimal(entry.probabilityOfCapHit.oneMonth, places: places),
                .decimal(entry.probabilityOfCapHit.threeMonths, places: places),
                .decimal(entry.probabilityOfShortfall.oneMonth, places: places),
                .decimal(entry.probabilityOfShortfall.threeMonths, places: places),
                .decimal(entry.expectedForfeitedNextQuarter, places: ForecastCSV.meanPlaces),
                entry.capHitLikelyBy.map(CSVCell.month) ?? .empty,
                entry.shortfallLikelyBy.map(CSVCell.month) ?? .empty,
                .money(entry.atStakeInWindow.payAsYouGo),
                .decimal(entry.atStakeInWindow.shortfall, places: ForecastCSV.meanPlaces),
                .decimal(entry.atStakeInWindow.forfeited, places: ForecastCSV.meanPlaces),
                .text(WatchlistReason.text(entry, thresholds: watchlist.thresholds)),
            ])
        }
    }

    /// What is at stake in the window, in the status's own unit: the expected pay-as-you-go
    /// bill when running short (the shortfall in credits when auto-purchase leaves no bill),
    /// the credits forfeited near the cap, whichever is larger in credits when healthy.
    static func atStake(_ entry: WatchlistEntry) -> String {
        let stake = entry.atStakeInWindow
        let short = stake.payAsYouGo > .zero ? stake.payAsYouGo.formatted + " PAYG" : FixedDecimal.groupedWhole(stake.shortfall) + " short"
        let forfeited = FixedDecimal.groupedWhole(stake.forfeited) + " forfeited"
        switch entry.status {
        case .runningShort: return short
        case .nearCap: return forfeited
        case .healthy:
            if stake.shortfall == 0 && stake.forfeited == 0 { return "-" }
            return stake.shortfall >= stake.forfeited ? short : forfeited
        }
    }

    /// The thresholds in words.
    private var thresholdWords: String {
        let t = watchlist.thresholds
        return "running short when the chance of a shortfall within \(t.windowMonths) month\(t.windowMonths == 1 ? "" : "s") "
            + "reaches \(FixedDecimal.percent(t.shortfallProbability)); near the cap when the chance of forfeiting credits "
            + "within \(t.windowMonths) month\(t.windowMonths == 1 ? "" : "s") reaches \(FixedDecimal.percent(t.capProbability))"
    }

    /// `watchlist.md`: provenance front matter, thresholds, counts, and the ranked table.
    public var markdown: String {
        let p = ReportProvenance(run: run, assumptions: assumptions)
        var out = "# Watchlist\n\n"
        out +=
            "\(watchlist.entries.count) workspace\(watchlist.entries.count == 1 ? "" : "s") as of \(p.asOf): "
            + "\(watchlist.count(.runningShort)) running short, \(watchlist.count(.nearCap)) near the cap, "
            + "\(watchlist.count(.healthy)) healthy.\n\n"
        out += "- **Thresholds:** \(thresholdWords); \"from\" is the first month the chance so far reaches the threshold.\n"
        out +=
            "- **Forecast:** \(p.trials.groupedThousands) trials per workspace, seed \(p.seed), model \(MarkdownTable.escape(p.model)), "
            + "\(p.firstMonth) to \(p.lastMonth).\n"
        if let prior = run.settings.portfolioPrior { out += PriorText.bullets(prior) }
        out += "- **Pool rules:** \(MarkdownTable.escape(p.rules)).\n"
        if !p.startingBalances.isEmpty {
            out += "- **Starting balances:** \(MarkdownTable.escape(p.startingBalances)).\n"
        }
        out += "\n"
        // One row per workspace of the portfolio, made as it is written rather than held.
        let entries = watchlist.entries
        out += MarkdownTable.text(
            columns: [
                .init("rank", .right), .init("workspace"), .init("status"), .init("balance", .right), .init("% of cap", .right),
                .init("P(short) 1m", .right), .init("P(short) 3m", .right), .init("P(cap) 1m", .right), .init("P(cap) 3m", .right),
                .init("forfeited next quarter", .right), .init("at stake", .right), .init("from"), .init("reason"),
            ],
            count: entries.count
        ) { row in
            let e = entries[row]
            return [
                String(e.rank), e.workspace, e.status.rawValue, e.balance.groupedThousands, FixedDecimal.percent(e.fractionOfCap),
                FixedDecimal.percent(e.probabilityOfShortfall.oneMonth), FixedDecimal.percent(e.probabilityOfShortfall.threeMonths),
                FixedDecimal.percent(e.probabilityOfCapHit.oneMonth), FixedDecimal.percent(e.probabilityOfCapHit.threeMonths),
                FixedDecimal.groupedWhole(e.expectedForfeitedNextQuarter), Self.atStake(e),
                e.actionBy?.description ?? "—",
                WatchlistReason.text(e, thresholds: watchlist.thresholds),
            ]
        }
        return out + p.markdownSection
    }

    /// The report's files: `watchlist.csv`, `provenance.json`, `watchlist.md`.
    public var files: ReportSet {
        let provenance = ReportProvenance(run: run, assumptions: assumptions)
        return ReportSet(files: [
            csv,
            ReportFile(path: "provenance.json", text: provenance.json(describing: ["watchlist.csv"])),
            ReportFile(path: "watchlist.md", text: markdown),
        ]).addingHTMLPages()
    }

    /// What the command prints: counts, the `limit` most urgent workspaces that need action (all
    /// of them when every workspace is healthy), and where the files are.
    public func summary(reportDirectory: String, limit: Int = 20) -> String {
        let count = watchlist.entries.count
        var out =
            "Watchlist as of \(run.asOf) for \(count) workspace\(count == 1 ? "" : "s") "
            + "(\(run.settings.trials.groupedThousands) trials, seed \(run.settings.seed)): "
            + "\(watchlist.count(.runningShort)) running short, \(watchlist.count(.nearCap)) near the cap, "
            + "\(watchlist.count(.healthy)) healthy.\n"
        let shown = watchlist.entries.prefix(max(0, limit))
        if !shown.isEmpty {
            out +=
                "\n"
                + TextTable(
                    headings: ["rank", "workspace", "status", "balance", "% of cap", "P(short) 3m", "P(cap) 3m", "at stake", "from"],
                    alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .left],
                    rows: shown.map { e in
                        [
                            String(e.rank), e.workspace, e.status.rawValue, e.balance.groupedThousands,
                            FixedDecimal.percent(e.fractionOfCap),
                            FixedDecimal.percent(e.probabilityOfShortfall.threeMonths),
                            FixedDecimal.percent(e.probabilityOfCapHit.threeMonths),
                            Self.atStake(e), e.actionBy?.description ?? "-",
                        ]
                    }
                ).text
            if shown.count < count { out += "(\(count - shown.count) more in watchlist.csv)\n" }
        }
        out += "\nReports in \(ReportText.singleLine(reportDirectory)): watchlist.md, watchlist.html, watchlist.csv, provenance.json.\n"
        return out
    }
}
