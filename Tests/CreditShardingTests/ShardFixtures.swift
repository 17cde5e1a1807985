import CreditCore
import CreditDecisions
import CreditForecast
import CreditReports
import CreditTestSupport
import Foundation

@testable import CreditSharding

/// Hand-made shard results of a six-workspace portfolio, written to and read from temporary
/// directories, and the edits a damaged or hand-edited shard file has.
enum ShardFixtures {
    /// A workspace whose doubles have no short decimal form (1/3, 0.1 + 0.2, 2/7).
    static func workspace(_ name: String) -> WorkspaceForecast {
        let month = Month("2026-11")!
        let percentiles = Percentiles(p5: 1, p10: 2, p50: 3, p90: 4, p95: 5)
        return WorkspaceForecast(
            name: name, plan: "growth", seats: 3, startingBalance: 1_234, cap: 45_000,
            months: [
                MonthForecast(
                    month: month, seats: 3, accrual: 9_000, cap: 45_000, usage: percentiles, opening: percentiles, closing: percentiles,
                    closingMean: 1.0 / 3.0, probabilityOfCapHit: 0.1 + 0.2, probabilityOfShortfall: 2.0 / 7.0, forfeitedMean: 1e-17,
                    shortfallMean: 12_345.678_9, payAsYouGoCostMean: Money(cents: 4_321), probabilityOfCapHitByThen: 0.3,
                    probabilityOfShortfallByThen: 5.0 / 7.0
                )
            ],
            probabilityOfAnyCapHit: 0.1 + 0.2, probabilityOfAnyShortfall: 5.0 / 7.0, capHitLikelyBy: nil, shortfallLikelyBy: month,
            expectedForfeited: 1.0 / 3.0, expectedShortfall: 2.5, expectedPayAsYouGoCost: Money(cents: 4_321), trials: 7
        )
    }

    /// The year ahead of the workspace `name`, as every forecast's line carries it.
    static func annual(_ name: String) -> RenewalForecast {
        let percentiles = Percentiles(p5: 10, p10: 20, p50: 30, p90: 40, p95: 50)
        return RenewalForecast(
            name: name, plan: "growth", seats: 3, startingBalance: 1_234, renewal: Month("2026-11")!, trials: 7,
            need: RenewalNeed(
                usage: percentiles, accrual: 108_000, probabilityOfExtra: 2.0 / 7.0, expectedExtra: 1.0 / 3.0, extra: percentiles,
                largestExtra: 50),
            outcomes: [
                StrategyOutcome(
                    strategy: PurchaseStrategy(name: "payg"), expectedCost: Money(cents: 4_321), p90Cost: Money(cents: 9_999),
                    probabilityOfAnyPayAsYouGo: 2.0 / 7.0, expectedUnusedCredits: 0)
            ]
        )
    }

    /// The names of the portfolio, in its order.
    static let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]

    /// Shard `number` of `count` of the portfolio's forecast (or watchlist).
    static func result(
        _ number: Int, of count: Int = 3, seed: UInt64 = 1, hash: String = "00ff", kind: ShardKind = .forecast, portfolio: Int? = nil
    ) -> RunResult {
        let shard = try! Shard(number: number, count: count)
        let positions = names.indices.filter { shard.contains(names[$0]) }
        let workspaces = positions.map { workspace(names[$0]) }
        let payload: ShardPayload =
            switch kind {
            case .forecast: .forecast([("baseline", workspaces)], annual: positions.map { annual(names[$0]) })
            case .watchlist: .watchlist(workspaces: workspaces, thresholds: .standard)
            case .renew: .renew(scenarios: [("baseline", [])], risk: .mean, sensitivity: nil)
            }
        return RunResult(
            shard: shard, portfolioCount: portfolio ?? names.count, positions: kind == .renew ? [] : positions,
            run: ForecastRun(
                settings: ForecastSettings(horizon: 1, trials: 7, seed: seed), asOf: Month("2026-10")!, inputHash: hash, workspaces: []),
            assumptions: ReportAssumptions(pricing: "p", rules: "r"), payload: payload
        )
    }

    /// A fresh path for a shard directory, not made yet.
    static func directory() -> String {
        try! TestFiles.directory() + "/shard"
    }

    /// Writes `result`'s shard file into a fresh directory and returns the directory.
    static func written(_ result: RunResult) throws -> String {
        let directory = directory()
        try ReportSet(files: [ShardFile.reportFile(result)]).write(to: directory)
        return directory
    }

    /// The shard file's lines, without the final line break.
    static func lines(_ directory: String) throws -> [String] {
        let text = try String(contentsOfFile: ShardFile.path(in: directory), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Rewrites the shard file as `lines`, each ended by a line break.
    static func write(_ lines: [String], to directory: String) throws {
        try lines.map { $0 + "\n" }.joined().write(toFile: ShardFile.path(in: directory), atomically: true, encoding: .utf8)
    }

    /// Edits line `number` (1-based) with `edit` and, when `reseal`, writes the checksum the
    /// edited lines have, as someone who knows the format would: then only the bounds can
    /// refuse the edit.
    static func edit(_ directory: String, line number: Int, reseal: Bool = true, _ edit: (String) -> String) throws {
        var lines = try lines(directory)
        lines[number - 1] = edit(lines[number - 1])
        if reseal { lines[lines.count - 1] = #"{"checksum":""# + checksum(lines.dropLast()) + #""}"# }
        try write(lines, to: directory)
    }

    /// The checksum of `lines`, each ended by a line break.
    static func checksum(_ lines: some Sequence<String>) -> String {
        var hash = StableHash()
        for line in lines { hash.combine(line + "\n") }
        return hash.hex
    }

    /// `text` with the first match of `pattern` replaced by `replacement`.
    static func replacing(_ pattern: String, with replacement: String, in text: String) -> String {
        // A pattern that matches nothing would let a test pass without editing anything.
        guard let range = text.range(of: pattern, options: .regularExpression) else { preconditionFailure("no \(pattern) in \(text)") }
        return text.replacingCharacters(in: range, with: replacement)
    }

    /// The shard file in `directory` read to its end: its header and the payload of its lines.
    static func read(_ directory: String) throws(MergeError) -> (header: ShardHeader, payload: ShardPayload) {
        let reader = try ShardFileReader(directory: directory)
        var builder = ShardPayloadBuilder(reader.header)
        while let record = try reader.next() {
            // Without a digest, appending writes nothing that could fail.
            try? builder.append(record)
        }
        return (reader.header, builder.payload)
    }

    /// The error reading `directory` gives, or `nil`.
    static func readingError(_ directory: String) -> MergeError? {
        do {
            _ = try read(directory)
            return nil
        } catch {
            return error
        }
    }

    /// The error merging `directories` gives, or `nil`.
    static func mergingError(_ directories: [String]) -> MergeError? {
        do {
            _ = try ShardMerge.merge(try directories.map { directory throws(MergeError) in try ShardFileReader(directory: directory) })
            return nil
        } catch {
            return error
        }
    }
}
