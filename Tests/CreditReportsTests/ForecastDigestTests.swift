import CreditCore
import CreditDecisions
import CreditForecast
import Testing

@testable import CreditReports

/// `ForecastDigest`: a forecast's workspaces reduced as they arrive to what the reports keep,
/// whose reports are the held run's byte for byte.
@Suite struct ForecastDigestTests {
    /// Acme, Beta, Cedar, Delta: Beta and Delta have a shortfall at stake (Beta first, by name),
    /// Acme and Cedar credits forfeited at the cap; none is likely to by the thresholds.
    static let run: ForecastRun = {
        var run = Fixtures.run()
        run.workspaces += Fixtures.run(names: ("Cedar", "Delta")).workspaces
        run.workspaces.sort { $0.name < $1.name }
        return run
    }()

    static func digest(_ charts: ChartSelection, detailLimit: Int) throws -> ForecastDigest {
        let digest = try ForecastDigest(forecastCharting: charts, detailLimit: detailLimit)
        // Two batches, as the engine hands them over.
        try digest.append(contentsOf: Array(run.workspaces.prefix(3)))
        try digest.append(contentsOf: Array(run.workspaces.dropFirst(3)))
        return digest
    }

    static func reports(_ digest: ForecastDigest, charts: ChartSelection, detailLimit: Int) -> ForecastReports {
        ForecastReports(
            digest: digest, settings: run.settings, asOf: run.asOf, inputHash: run.inputHash, assumptions: Fixtures.assumptions,
            detailLimit: detailLimit, charts: charts)
    }

    @Test func keepsTheMonthsOfTheMostUrgentOnly() throws {
        #expect(UrgencyRanking.sorted(Self.run.workspaces).map(\.name) == ["Beta", "Delta", "Acme", "Cedar"])
        // Cedar was among the three most urgent when it came, until Delta pushed it out.
        let digest = try Self.digest(.top, detailLimit: 3)
        #expect(digest.workspaces.map(\.name) == ["Acme", "Beta", "Cedar", "Delta"])
        #expect(digest.workspaces.map(\.months.count) == [2, 2, 0, 2])
        var cedar = Self.run.workspaces[2]
        cedar.months = []
        #expect(digest.workspaces[2] == cedar)
        #expect(digest.order == [1, 3, 0, 2])
        #expect(try Self.digest(.top, detailLimit: 0).workspaces.map(\.months.count) == [0, 0, 0, 0])
        #expect(try Self.digest(.all, detailLimit: 1).workspaces == Self.run.workspaces)
    }

    @Test(arguments: [ChartSelection.top, .all, .none])
    func reportsAreTheHeldRunsByteForByte(_ charts: ChartSelection) throws {
        let held = ForecastReports(run: Self.run, assumptions: Fixtures.assumptions, detailLimit: 3, charts: charts)
        let digest = try Self.digest(charts, detailLimit: 3)
        let streamed = Self.reports(digest, charts: charts, detailLimit: 3)
        #expect(streamed.files.files.map(\.path) == held.files.files.map(\.path))
        for (mine, theirs) in zip(streamed.files.files, held.files.files) {
            #expect(mine.text == theirs.text, "\(mine.path) differs")
        }
        #expect(
            ForecastSummary(reports: streamed, limit: 2).text(reportDirectory: "out")
                == ForecastSummary(run: Self.run, limit: 2, charts: charts).text(reportDirectory: "out"))
    }

    @Test func forecastCSVIsSpooledAsTheWorkspacesCome() throws {
        let digest = try Self.digest(.top, detailLimit: 1)
        let csv = Self.reports(digest, charts: .top, detailLimit: 1).files.files.first { $0.path == "forecast.csv" }!.text
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(
            lines[1]
                == "Acme,2026-04,10,30000,150000,7000,10000,13000,135000,136000,140000,144000,145000,140012.3,0.0500,0.0000,0.0,0.0,0.00")
        #expect(lines[8] == "Delta,2026-05,5,10000,50000,13000,16000,19000,-1000,0,4000,8000,9000,4012.3,0.0000,0.6000,0.0,2500.1,87.50")
        // Read twice (report.md's page and a retry both produce their file again), the same bytes.
        #expect(Self.reports(digest, charts: .top, detailLimit: 1).files.files.first { $0.path == "forecast.csv" }!.text == csv)
    }

    @Test func aWatchlistsDigestKeepsItsEntriesAndNoMonths() throws {
        let thresholds = WatchlistThresholds(shortfallProbability: 0.5, capProbability: 0.3, windowMonths: 2)
        let digest = try ForecastDigest(thresholds: thresholds, months: .none, spoolsRows: false)
        try digest.append(contentsOf: Self.run.workspaces)
        #expect(digest.rows == nil)
        #expect(digest.workspaces.allSatisfy { $0.months.isEmpty })
        let watchlist = Watchlist(entries: digest.entries, thresholds: thresholds)
        #expect(watchlist == Watchlist(run: Self.run, thresholds: thresholds))
        #expect(watchlist.entries.map(\.workspace) == ["Beta", "Delta", "Acme", "Cedar"])
        #expect(watchlist.entries.map(\.status) == [.healthy, .healthy, .healthy, .healthy])
    }
}
