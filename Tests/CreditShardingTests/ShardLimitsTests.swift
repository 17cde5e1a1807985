import CreditCore
import CreditForecast
import CreditSharding
import Foundation
import Testing

/// Every count and value of a shard file is checked against its bound before it is trusted,
/// even when the file's checksum was recomputed after the edit: the header counts that once
/// crashed a merge (a segfault at 2⁶⁰ workspaces, an abort at 10¹², an overflow trap at
/// `Int.max`) and the figures that once merged silently (a probability of 7.5, negative seats,
/// NaN).
@Suite struct ShardLimitsTests {
    typealias Fixtures = ShardFixtures

    /// Shard 2 of 3, run with a seats-model prior in its header.
    private static var withPrior: RunResult {
        var result = Fixtures.result(2)
        result.run.settings.portfolioPrior = PortfolioPrior(
            trend: TrendPrior(mean: 0.004, sigma: 0.015, workspaces: 6), seasonality: .none, factorSigma: 0.2)
        return result
    }

    /// The error reading shard 2 of 3 (`result`) gives once `edit` is applied to `line` and the
    /// checksum recomputed.
    private func refusal(
        _ result: RunResult = Fixtures.result(2), line: Int, _ pattern: String, _ replacement: String
    ) throws -> MergeError? {
        let directory = try Fixtures.written(result)
        try Fixtures.edit(directory, line: line) { Fixtures.replacing(pattern, with: replacement, in: $0) }
        let error = Fixtures.readingError(directory)
        guard case let .unreadable(path, _, _) = error else { return error }
        #expect(path == ShardFile.path(in: directory))
        return error
    }

    private func reason(_ error: MergeError?) -> String? {
        guard case let .unreadable(_, line, reason) = error else { return nil }
        return "\(line.map(String.init) ?? "-"): \(reason)"
    }

    @Test func hugeCountsInTheHeaderAreRefusedBeforeAnythingIsAllocated() throws {
        #expect(
            reason(try refusal(line: 1, #""portfolio_workspaces":6"#, #""portfolio_workspaces":1152921504606846976"#))
                == #"1: "portfolio_workspaces" is 1152921504606846976, not a whole number from 0 to 100,000,000"#)
        #expect(
            reason(try refusal(line: 1, #""portfolio_workspaces":6"#, #""portfolio_workspaces":1000000000000"#))
                == #"1: "portfolio_workspaces" is 1000000000000, not a whole number from 0 to 100,000,000"#)
        #expect(
            reason(try refusal(line: 1, #""workspaces":3"#, #""workspaces":9223372036854775807"#))
                == #"1: "workspaces" is 9223372036854775807, not a whole number from 0 to 6"#)
        #expect(
            reason(try refusal(line: 1, #""workspaces":3"#, #""workspaces":1e300"#)) == #"1: "workspaces" is missing or not a whole number"#
        )
        #expect(
            reason(try refusal(line: 1, #""trials":7"#, #""trials":-1"#)) == #"1: "trials" is -1, not a whole number from 1 to 1,000,000"#)
        #expect(
            reason(try refusal(line: 1, #""horizon":1"#, #""horizon":100000"#))
                == #"1: "horizon" is 100000, not a whole number from 1 to 120"#)
        #expect(
            reason(try refusal(line: 1, #""shard":"2/3""#, #""shard":"2-9/3""#))
                == #"1: "shard" is missing or not K/N, or shards like 1-4,7/N, each from 1 to N"#)
        #expect(
            reason(try refusal(line: 1, #""scenarios":\["baseline"\]"#, #""scenarios":[]"#))
                == #"1: "scenarios" is missing or not a list of 1 to 1,000 scenario names"#)
    }

    @Test func figuresOutOfTheirBoundsAreRefusedNamingTheLine() throws {
        #expect(
            reason(try refusal(line: 2, #""p_cap":"[^"]*""#, #""p_cap":"7.5""#)) == #"2: "p_cap" is "7.5", not a probability from 0 to 1"#)
        #expect(
            reason(try refusal(line: 3, #""p_any_shortfall":"[^"]*""#, #""p_any_shortfall":"-0.1""#))
                == #"3: "p_any_shortfall" is "-0.1", not a probability from 0 to 1"#)
        #expect(
            reason(try refusal(line: 2, #""seats":3"#, #""seats":-3"#)) == #"2: "seats" is -3, not a whole number from 0 to 20,000,000"#)
        #expect(
            reason(try refusal(line: 2, #""closing_mean":"[^"]*""#, #""closing_mean":"nan""#))
                == #"2: "closing_mean" is "nan", not a mean of credits from -1,000,000,000,000,000,000 to 1,000,000,000,000,000,000"#)
        #expect(
            reason(try refusal(line: 2, #""expected_shortfall":"[^"]*""#, #""expected_shortfall":"inf""#))
                == #"2: "expected_shortfall" is "inf", not a mean of credits from 0 to 1,000,000,000,000,000,000"#)
        #expect(
            reason(try refusal(line: 2, #""payg_cents":4321"#, #""payg_cents":-1"#))
                == #"2: "payg_cents" is -1, not a whole number from 0 to 9,223,372,036,854,775,807"#)
        #expect(
            reason(try refusal(line: 2, #""usage":\[1,2,3,4,5\]"#, #""usage":[5,4,3,2,1]"#))
                == #"2: "usage" is missing or not five ascending percentiles from 0 to 1,000,000,000,000,000,000 credits"#)
        #expect(
            reason(try refusal(line: 2, #""month":"2026-11""#, #""month":"2027-11""#))
                == #"2: "months" is missing or not the month 2026-11"#)
        #expect(
            reason(try refusal(line: 2, #""trials":7"#, #""trials":0"#)) == #"2: "trials" is 0, not a whole number from 1 to 1,000,000"#)
    }

    /// The prior's spreads are standard deviations on the log scale and its trend a monthly log
    /// slope, not means of credits: each has its own bound, and a value inside it reads back.
    @Test func thePriorsSpreadsAndSlopeHaveBoundsOnTheLogScale() throws {
        #expect(
            reason(try refusal(Self.withPrior, line: 1, #""factor_sigma":"0.2""#, #""factor_sigma":"-0.5""#))
                == #"1: "factor_sigma" is "-0.5", not a spread on the log scale from 0 to 1,000"#)
        #expect(
            reason(try refusal(Self.withPrior, line: 1, #""factor_sigma":"0.2""#, #""factor_sigma":"1000000""#))
                == #"1: "factor_sigma" is "1000000", not a spread on the log scale from 0 to 1,000"#)
        #expect(
            reason(try refusal(Self.withPrior, line: 1, #""trend_sigma":"0.015""#, #""trend_sigma":"nan""#))
                == #"1: "trend_sigma" is "nan", not a spread on the log scale from 0 to 1,000"#)
        #expect(
            reason(try refusal(Self.withPrior, line: 1, #""trend_mean":"0.004""#, #""trend_mean":"-1.5""#))
                == #"1: "trend_mean" is "-1.5", not a monthly slope on the log scale from -1 to 1"#)
        #expect(
            reason(try refusal(Self.withPrior, line: 1, #""trend_sigma":"0.015""#, #""trend_sigma":0.015"#))
                == #"1: "trend_sigma" is missing or not a decimal in a string"#)

        let directory = try Fixtures.written(Self.withPrior)
        try Fixtures.edit(directory, line: 1) { line in
            [(#""trend_mean":"0.004""#, #""trend_mean":"-1""#), (#""trend_sigma":"0.015""#, #""trend_sigma":"1000""#)]
                .reduce(line) { Fixtures.replacing($1.0, with: $1.1, in: $0) }
        }
        let prior = try #require(try Fixtures.read(directory).header.run.settings.portfolioPrior)
        #expect(prior.trend.mean == -1 && prior.trend.sigma == 1_000 && prior.factorSigma == 0.2)
    }
}
