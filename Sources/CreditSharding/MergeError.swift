import CreditCore
import CreditReports

/// Why shard outputs cannot be merged into one run's reports. Every message names the
/// directories involved and says what to do, without naming a command-line flag (the command
/// words those).
public enum MergeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A directory holds no shard file.
    case missingShardFile(directory: String)
    /// A shard file cannot be read or is not a shard file; `line` is 1-based when known.
    case unreadable(path: String, line: Int?, reason: String)
    /// Two shards are of different reports (say a forecast and a watchlist).
    case differentReports(String, ShardKind, String, ShardKind)
    /// Two shards cut the portfolio into different numbers of shards.
    case differentShardCounts(String, String, String, String)
    /// The same shard is given more than once.
    case overlappingShards(shard: String, directories: [String])
    /// Some shards are missing: these ranges of shard numbers of `count`.
    case missingShards([ClosedRange<Int>], count: Int)
    /// Two shards ran with different seeds.
    case differentSeeds(String, UInt64, String, UInt64)
    /// Two shards ran on different inputs or settings.
    case differentInputs(String, String, String, String)
    /// Two shards were written by different creditcast versions.
    case differentVersions(String, String, String, String)
    /// Two shards disagree on something the input hash should have pinned (a damaged file).
    case inconsistent(String, String)
    /// The merged workspaces' rows could not be put aside for the reports while the files were
    /// read (a full temporary directory).
    case writeFailed(ReportWriteError)

    /// The message for people: the problem, then what to do.
    public var description: String { remedy.map { "\(problem); \($0)" } ?? problem }

    /// What is wrong, naming the directories or files involved.
    public var problem: String {
        switch self {
        case let .missingShardFile(directory):
            return "\(directory): no \(ShardFile.fileName)"
        case let .unreadable(path, line, reason):
            return "\(path)\(line.map { ":\($0)" } ?? ""): not a readable creditcast shard file: \(reason)"
        case let .differentReports(first, firstKind, other, otherKind):
            return "\(first) holds a \(firstKind.rawValue) shard but \(other) a \(otherKind.rawValue) shard"
        case let .differentShardCounts(first, firstShard, other, otherShard):
            return "\(first) is shard \(firstShard) but \(other) is shard \(otherShard)"
        case let .overlappingShards(shard, directories):
            return "shard \(shard) is given more than once (\(directories.joined(separator: ", ")))"
        case let .missingShards(ranges, count):
            let list = ranges.map { ($0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)") + "/\(count)" }
            let one = ranges.count == 1 && ranges[0].count == 1
            return "shard\(one ? "" : "s") \(list.joined(separator: ", ")) \(one ? "is" : "are") missing"
        case let .differentSeeds(first, firstSeed, other, otherSeed):
            return "\(first) ran with seed \(firstSeed) but \(other) with seed \(otherSeed)"
        case let .differentInputs(first, firstHash, other, otherHash):
            return
                "\(first) and \(other) come from different inputs or settings (input hash \(firstHash.messageExcerpt) against \(otherHash.messageExcerpt))"
        case let .differentVersions(first, firstVersion, other, otherVersion):
            return "\(first) was written by creditcast \(firstVersion.messageExcerpt) but \(other) by \(otherVersion.messageExcerpt)"
        case let .inconsistent(path, reason):
            return "\(path): \(reason)"
        case let .writeFailed(error):
            return error.description
        }
    }

    /// What to do about it, in words that name no command-line flag; `nil` where the problem's
    /// reason says it.
    public var remedy: String? {
        switch self {
        case .missingShardFile: "give the output directory of one shard of a sharded run"
        case .unreadable: nil
        case .differentReports: "merge the shards of one run at a time"
        case .differentShardCounts: "every shard of a run must use the same N"
        case .overlappingShards: "give each shard's directory once"
        case let .missingShards(_, count): "merge needs the output of all \(count) shards (rerun the missing ones)"
        case .differentSeeds: "run every shard with the same seed"
        case .differentInputs: "run every shard on the same files with the same options, changing only the shard"
        case .differentVersions: "run every shard with the same version"
        case .inconsistent: "rerun this shard"
        case .writeFailed: nil
        }
    }
}
