import CreditCore
import CreditForecast
import CreditReports
import CreditSharding
import CreditTestSupport
import Foundation
import Testing

/// The portfolio file of a split reads back exactly, and anything else is refused naming it.
@Suite struct PortfolioFileTests {
    static let file = PortfolioFile(
        shards: 4, usageState: 0x0123_4567_89ab_cdef, workspaceCount: 24, firstMonth: Month("2025-05")!, lastMonth: Month("2026-10")!,
        asOf: Month("2026-09")!,
        prior: PortfolioPrior(
            trend: TrendPrior(mean: 1.0 / 3.0, sigma: 0.1 + 0.2, workspaces: 24),
            seasonality: SeasonalProfile(
                effects: (0..<12).map { Double($0) / 7 }, firstMonth: Month("2025-05")!, workspaces: 20,
                errorVariances: (0..<12).map { Double($0) / 300 }, workingDayElasticity: 0.7,
                monthLengthElasticity: 0.9),
            factorSigma: 0.1 + 0.07, sharedDepartures: SharedDepartures(sums: [0.1 / 7, -0.25, 2.5], counts: [2, 3, 3]))
    )

    private func written(_ text: String) throws -> String {
        let path = try TestFiles.directory() + "/" + PortfolioFile.fileName
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func itReadsBackExactly() throws {
        let text = Self.file.reportFile.text
        #expect(text.contains(#""usage_state": "0123456789abcdef","#))
        #expect(try PortfolioFile(fileAt: try written(text)) == Self.file)
    }

    @Test func countsAndMonthsOutOfBoundsAreRefused() throws {
        let text = Self.file.reportFile.text
        for (from, to, reason) in [
            (#""shards": 4"#, #""shards": 0"#, #""shards" is 0, not a whole number from 1 to 10,000"#),
            (
                #""portfolio_workspaces": 24"#, #""portfolio_workspaces": 1152921504606846976"#,
                #""portfolio_workspaces" is 1152921504606846976, not a whole number from 1 to 100,000,000"#
            ),
            (#""as_of": "2026-09""#, #""as_of": "2027-01""#, #""as_of" is missing or not a month from first_month to last_month"#),
            (#""usage_state": "0123456789abcdef""#, #""usage_state": "xyz""#, #""usage_state" is missing or not 16 hexadecimal digits"#),
            (
                #""0.0033333333333333335""#, #""-0.5""#,
                #""season_error_variances" is missing or not twelve finite decimals of 0 or more in strings"#
            ),
            (#""-0.25""#, #""-3000.5""#, Self.sharedSumsReason),
            (#""2.5""#, #""nan""#, Self.sharedSumsReason),
            (#""0.014285714285714287",\#n"#, "", Self.sharedSumsReason),
        ] {
            let path = try written(text.replacingOccurrences(of: from, with: to))
            #expect(
                throws: PortfolioFileError.unreadable(path: path, reason: reason),
                "\(reason)"
            ) { try PortfolioFile(fileAt: path) }
        }
    }

    /// Each shared departure is a month's log usage about its workspace's line, within the log
    /// spread's bound: a month's sum holds one per workspace counted, and one sum goes with each count.
    static let sharedSumsReason =
        #""shared_departure_sums" is missing or not as many decimals in strings as shared_departure_counts has counts, each within 1,000 times its count of 0"#

    @Test func thePriorsSharedDepartureCountsOutOfBoundsAreRefused() throws {
        let text = Self.file.reportFile.text
        let counts = try #require(text.range(of: #""shared_departure_counts": \[[^\]]*\]"#, options: .regularExpression))
        let path = try written(text.replacingCharacters(in: counts, with: #""shared_departure_counts": [2, -3, 3]"#))
        #expect(
            throws: PortfolioFileError.unreadable(
                path: path, reason: #""shared_departure_counts" is missing or not whole numbers from 0 to 100,000,000"#)
        ) { try PortfolioFile(fileAt: path) }
    }

    @Test func thePriorsSpreadsAndSlopeOutOfBoundsAreRefused() throws {
        let text = Self.file.reportFile.text
        for (from, to, reason) in [
            (
                #""factor_sigma": "0.17""#, #""factor_sigma": "-0.17""#,
                #""factor_sigma" is "-0.17", not a spread on the log scale from 0 to 1,000"#
            ),
            (
                #""trend_sigma": "0.30000000000000004""#, #""trend_sigma": "1000000000000""#,
                #""trend_sigma" is "1000000000000", not a spread on the log scale from 0 to 1,000"#
            ),
            (
                #""trend_mean": "0.3333333333333333""#, #""trend_mean": "2""#,
                #""trend_mean" is "2", not a monthly slope on the log scale from -1 to 1"#
            ),
            (
                #""season_working_day_elasticity": "0.7""#, #""season_working_day_elasticity": "-3.5""#,
                #""season_working_day_elasticity" is "-3.5", not an elasticity from -3 to 3"#
            ),
            (
                #""season_month_length_elasticity": "0.9""#, #""season_month_length_elasticity": "-0.9""#,
                #""season_month_length_elasticity" is "-0.9", not an elasticity from 0 to 2"#
            ),
            (
                #""season_first_month": "2025-05""#, #""season_first_month": "2025-13""#,
                #""season_first_month" is missing or not a month like 2026-04"#
            ),
        ] {
            #expect(text.contains(from))
            let path = try written(text.replacingOccurrences(of: from, with: to))
            #expect(throws: PortfolioFileError.unreadable(path: path, reason: reason), "\(reason)") { try PortfolioFile(fileAt: path) }
        }
    }
}
