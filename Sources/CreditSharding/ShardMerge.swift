import CreditCore
import CreditDecisions
import CreditForecast
import CreditReports

/// Combines the shard files of one run into the result a single run computes, or, for a tree
/// merge, into one shard file holding all their shards.
///
/// The shards must come from the same inputs and settings (the same input hash, which covers
/// the files' bytes, the seed and every figure-changing option but never `--shard`), the same
/// creditcast version and the same report, and each shard of one N must be given once; a
/// complete merge needs every shard 1 … N. The files are read a workspace line at a time in
/// portfolio order (`ShardMergeStream`): a complete merge holds what the reports keep of the
/// result, reduced line by line as a single run's batches are (`ForecastDigest`); a partial
/// merge holds one line per file.
/// Since each workspace's figures are what a single run computes for it, and the reports are
/// rendered from the combined result by the same code a single run uses
/// (`RunReports`), the merged reports are the single run's byte for byte.
public enum ShardMerge {
    /// The whole run's result from the shard files `readers` have opened, in any order, its
    /// forecast charting `charts`.
    ///
    /// A forecast of the baseline alone and a watchlist go through a `ForecastDigest` as the
    /// lines are read, as a single run's batches do: the result holds what the reports keep, not
    /// every workspace's months. A renewal, and a forecast with scenarios (whose comparison
    /// needs every workspace whole), hold the lines' figures.
    /// - Throws: `MergeError` for files that do not make up one run exactly once, or a damaged
    ///   file (every file is read to its checksum before this returns); `.writeFailed` when the
    ///   digest cannot put the rows aside.
    public static func merge(_ readers: [ShardFileReader], charts: ChartSelection = .top) throws(MergeError) -> RunResult {
        let header = try check(readers, complete: true)
        let stream = try ShardMergeStream(readers)
        let digest: ForecastDigest?
        do {
            switch header.layout {
            case .forecast where header.scenarios.count == 1: digest = try ForecastDigest(forecastCharting: charts)
            case let .watchlist(thresholds): digest = try ForecastDigest(thresholds: thresholds, months: .none, spoolsRows: false)
            case .forecast, .renew: digest = nil
            }
        } catch {
            throw .writeFailed(error)
        }
        var builder = ShardPayloadBuilder(header, digest: digest)
        while let record = try stream.next() {
            do throws(ReportWriteError) { try builder.append(record) } catch { throw .writeFailed(error) }
        }
        var result = RunResult(
            shard: .whole, portfolioCount: header.portfolioCount, positions: Array(0..<builder.count), run: header.run,
            assumptions: header.assumptions, payload: builder.payload, toolVersion: header.toolVersion
        )
        result.digest = digest
        result.charts = charts
        return result
    }

    /// The shard file holding every shard of `readers`' files (`shards`), for a later merge to
    /// take like a shard's own file: written a line at a time as the files are read. Should writing fail
    /// because a file is damaged, `failure` says why (and the file was not written).
    public static func partial(_ readers: [ShardFileReader]) throws(MergeError) -> (
        file: ReportFile, shards: ShardSet, failure: MergeFailure
    ) {
        let header = try check(readers, complete: false)
        let stream = try ShardMergeStream(readers)
        let failure = MergeFailure()
        let file = ReportFile(path: ShardFile.fileName) { [stream] sink throws(ReportWriteError) in
            var writer = ShardFile.Writer(sink: sink)
            try writer.line(ShardFile.header(header))
            while true {
                let record: ShardRecord?
                do throws(MergeError) { record = try stream.next() } catch {
                    failure.error = error
                    throw .writeFailed(path: ShardFile.fileName, reason: error.description)
                }
                guard let record else { break }
                try writer.line(ShardFile.record(record))
            }
            try writer.finish()
        }
        return (file, header.shards, failure)
    }

    /// The header of the union of `readers`' files, after checking they are of one run, with
    /// no shard twice and, when `complete`, every shard 1 … N.
    static func check(_ readers: [ShardFileReader], complete: Bool) throws(MergeError) -> ShardHeader {
        guard let first = readers.first else { throw .missingShards([1...1], count: 1) }
        for reader in readers.dropFirst() { try check(reader, against: first) }
        let count = first.header.shards.count
        let ranges = readers.flatMap { reader in reader.header.shards.ranges.map { (range: $0, directory: reader.directory) } }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        for (earlier, later) in zip(ranges, ranges.dropFirst()) where later.range.lowerBound <= earlier.range.upperBound {
            throw .overlappingShards(shard: "\(later.range.lowerBound)/\(count)", directories: [earlier.directory, later.directory])
        }
        let union = ShardSet(union: ranges.map(\.range), count: count)
        var missing: [ClosedRange<Int>] = []
        var next = 1
        for range in union.ranges {
            if range.lowerBound > next { missing.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= count { missing.append(next...count) }
        if complete, !missing.isEmpty { throw .missingShards(missing, count: count) }
        // Each file's count is at most its portfolio's (100 million), so the sum cannot overflow.
        let workspaces = readers.reduce(0) { $0 + $1.header.workspaceCount }
        if complete, workspaces != first.header.portfolioCount {
            throw .inconsistent(
                first.path,
                "the shards hold \(workspaces) workspace lines together but the portfolio has \(first.header.portfolioCount)")
        }
        var header = first.header
        header.shards = union
        header.workspaceCount = workspaces
        return header
    }

    /// Checks `reader`'s file can be merged with `first`'s: same report, N, version, seed and
    /// inputs.
    static func check(_ reader: ShardFileReader, against first: ShardFileReader) throws(MergeError) {
        let (shard, other, directory, firstDirectory) = (reader.header, first.header, reader.directory, first.directory)
        guard shard.kind == other.kind else { throw .differentReports(firstDirectory, other.kind, directory, shard.kind) }
        guard shard.shards.count == other.shards.count else {
            throw .differentShardCounts(firstDirectory, other.shards.description, directory, shard.shards.description)
        }
        guard shard.toolVersion == other.toolVersion else {
            throw .differentVersions(firstDirectory, other.toolVersion, directory, shard.toolVersion)
        }
        guard shard.run.settings.seed == other.run.settings.seed else {
            throw .differentSeeds(firstDirectory, other.run.settings.seed, directory, shard.run.settings.seed)
        }
        guard shard.run.inputHash == other.run.inputHash else {
            throw .differentInputs(firstDirectory, other.run.inputHash, directory, shard.run.inputHash)
        }
        guard shard.portfolioCount == other.portfolioCount else {
            throw .inconsistent(
                reader.path,
                "it counts \(shard.portfolioCount) workspaces in the portfolio but \(firstDirectory) counts \(other.portfolioCount)")
        }
        guard shard.scenarios == other.scenarios, shard.run == other.run, shard.assumptions == other.assumptions,
            shard.layout == other.layout
        else {
            throw .inconsistent(
                reader.path, "its scenarios, settings or assumptions differ from \(firstDirectory)'s under the same input hash")
        }
    }
}

/// Where a partial merge leaves the reason a shard file could not be read while its output was
/// being written (the writer can only report that writing failed).
///
/// Set and read on one thread: `ReportSet` runs a file's producer on the caller's thread.
public final class MergeFailure: @unchecked Sendable {
    /// The error that stopped the merge, if one did.
    public internal(set) var error: MergeError?
}
