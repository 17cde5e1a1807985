import CreditCore
import CreditDecisions
import CreditForecast

/// Combines the results of every shard of one run into the result a single run computes.
///
/// The shards must come from the same inputs and settings (the same input hash, which covers
/// the files' bytes, the seed and every figure-changing option but never `--shard`), the same
/// creditcast version and the same report, and be exactly shards 1 … N of one N, each once.
/// The workspaces are then put back in the single run's order by their positions in the
/// portfolio. Since each workspace's figures are what a single run computes for it, and the
/// reports are rendered from the combined result by the same code a single run uses
/// (`RunResult.reportFiles`), the merged reports are the single run's byte for byte.
public enum ShardMerge {
    /// The whole run's result from `shards` (each with the directory it was read from, for
    /// errors), in any order.
    /// - Throws: `MergeError` for shards that do not make up one run exactly once.
    public static func merge(_ shards: [(directory: String, result: RunResult)]) throws(MergeError) -> RunResult {
        guard let (firstDirectory, first) = shards.first else { throw .missingShards(numbers: [1], count: 1) }
        for (directory, shard) in shards.dropFirst() {
            try check(shard, from: directory, against: first, from: firstDirectory)
        }
        let count = first.shard.count
        var byNumber: [Int: [String]] = [:]
        for (directory, shard) in shards { byNumber[shard.shard.number, default: []].append(directory) }
        if let (number, directories) = byNumber.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .overlappingShards(shard: "\(number)/\(count)", directories: directories)
        }
        let missing = (1...count).filter { byNumber[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(numbers: missing, count: count) }

        // Every workspace must sit in the shard its name hashes to and at a position no other
        // shard claims; then the positions are exactly 0 ..< portfolio size.
        var owner = [String?](repeating: nil, count: first.portfolioCount)
        for (directory, shard) in shards {
            let path = ShardFile.path(in: directory)
            for (position, name) in zip(shard.positions, shard.payload.workspaceNames) {
                guard shard.shard.contains(name) else {
                    throw .inconsistent(
                        path,
                        "workspace \"\(name.messageExcerpt)\" belongs to shard \(Shard.number(of: name, count: count))/\(count), not \(shard.shard)"
                    )
                }
                guard owner.indices.contains(position) else {
                    throw .inconsistent(
                        path, "workspace \"\(name.messageExcerpt)\" is at position \(position) of a portfolio of \(first.portfolioCount)")
                }
                if let other = owner[position] { throw .inconsistent(path, "position \(position) is also taken in \(other)") }
                owner[position] = path
            }
        }
        if let gap = owner.firstIndex(where: { $0 == nil }) {
            throw .inconsistent(
                ShardFile.path(in: firstDirectory), "no shard holds the workspace at position \(gap) of \(first.portfolioCount)")
        }

        let pieces = shards.map(\.result)
        let positions = pieces.flatMap(\.positions)
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        return RunResult(
            shard: .whole, portfolioCount: first.portfolioCount, positions: order.map { positions[$0] }, run: first.run,
            assumptions: first.assumptions, payload: concatenated(pieces.map(\.payload)).picking(order), toolVersion: first.toolVersion
        )
    }

    /// Checks `shard` can be merged with `first`: same report, N, version, seed and inputs.
    static func check(_ shard: RunResult, from directory: String, against first: RunResult, from firstDirectory: String) throws(MergeError)
    {
        guard shard.kind == first.kind else { throw .differentReports(firstDirectory, first.kind, directory, shard.kind) }
        guard shard.shard.count == first.shard.count else {
            throw .differentShardCounts(firstDirectory, first.shard.description, directory, shard.shard.description)
        }
        guard shard.toolVersion == first.toolVersion else {
            throw .differentVersions(firstDirectory, first.toolVersion, directory, shard.toolVersion)
        }
        guard shard.run.settings.seed == first.run.settings.seed else {
            throw .differentSeeds(firstDirectory, first.run.settings.seed, directory, shard.run.settings.seed)
        }
        guard shard.run.inputHash == first.run.inputHash else {
            throw .differentInputs(firstDirectory, first.run.inputHash, directory, shard.run.inputHash)
        }
        let path = ShardFile.path(in: directory)
        guard shard.portfolioCount == first.portfolioCount else {
            throw .inconsistent(
                path, "it counts \(shard.portfolioCount) workspaces in the portfolio but \(firstDirectory) counts \(first.portfolioCount)")
        }
        guard shard.payload.scenarioNames == first.payload.scenarioNames, shard.run.asOf == first.run.asOf,
            shard.run.settings.horizon == first.run.settings.horizon, shard.assumptions == first.assumptions
        else { throw .inconsistent(path, "its scenarios, months or assumptions differ from \(firstDirectory)'s under the same input hash") }
    }

    /// The payloads one after another, every scenario alike; all of one kind (checked before).
    static func concatenated(_ payloads: [ShardPayload]) -> ShardPayload {
        guard let first = payloads.first else { return .forecast([], annual: []) }
        switch first {
        case let .forecast(runs, _):
            let annual = payloads.map { payload -> [RenewalForecast] in
                if case let .forecast(_, other) = payload { return other }
                return []
            }
            // Every shard's years, or none: a workspace without its year would break the pairing.
            let everyShard = zip(annual, payloads).allSatisfy { $0.count == $1.workspaceCount }
            return .forecast(
                runs.indices.map { index in
                    (
                        runs[index].scenario,
                        payloads.flatMap { payload -> [WorkspaceForecast] in
                            if case let .forecast(other, _) = payload { return other[index].workspaces }
                            return []
                        }
                    )
                }, annual: everyShard ? annual.flatMap { $0 } : [])
        case let .watchlist(_, thresholds):
            return .watchlist(
                workspaces: payloads.flatMap { payload -> [WorkspaceForecast] in
                    if case let .watchlist(workspaces, _) = payload { return workspaces }
                    return []
                }, thresholds: thresholds)
        case let .renew(scenarios, risk, sensitivity):
            return .renew(
                scenarios: scenarios.indices.map { index in
                    (
                        scenarios[index].scenario,
                        payloads.flatMap { payload -> [RenewalForecast] in
                            if case let .renew(other, _, _) = payload { return other[index].forecasts }
                            return []
                        }
                    )
                }, risk: risk,
                sensitivity: sensitivity.map { _ in
                    payloads.flatMap { payload -> [WorkspaceSensitivity] in
                        if case let .renew(_, _, other) = payload { return other ?? [] }
                        return []
                    }
                })
        }
    }
}
