import CreditCore
import CreditForecast
import Foundation

/// A shard file read a workspace line at a time: its header first, then each workspace in the
/// file's order, then the checksum line, which must match every byte before it.
///
/// Every count and value is checked against `ShardLimits` as it is read, before anything is
/// allocated by it or trusted; the checksum catches an edit that stays inside the bounds. A
/// figure is returned before the checksum is seen, so a caller must read to the end (`next`
/// returning `nil`) before it writes anything built from the file.
public final class ShardFileReader {
    /// The shard file.
    public let path: String
    /// The directory it was found in, for messages about the run.
    public let directory: String
    /// The file's first line.
    public let header: ShardHeader
    private let lines: ShardLineReader
    private var checksum = StableHash()
    private var recordsRead = 0
    private var lastName: String?
    private var finished = false

    /// Opens the shard file in `directory` and reads its header.
    /// - Throws: `MergeError.missingShardFile` when there is none, `.unreadable` naming the line
    ///   of anything that is not as `ShardFile` writes it.
    public init(directory: String) throws(MergeError) {
        let path = ShardFile.path(in: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .missingShardFile(directory: directory)
        }
        self.path = path
        self.directory = directory
        lines = try ShardLineReader(path: path)
        guard let first = try lines.next(), !first.bytes.isEmpty else {
            throw .unreadable(path: path, line: 1, reason: "the file is empty")
        }
        checksum.combine(first.bytes)
        checksum.combine(CollectionOfOne(UInt8(ascii: "\n")))
        header = try ShardFile.header(try ShardJSONObject(parsing: first.bytes, path: path, line: 1))
    }

    /// The next workspace line, or `nil` once every line the header counts was read and the
    /// checksum matched.
    /// - Throws: `MergeError.unreadable` for a line that is not a workspace of this file's run,
    ///   workspaces out of name order, too few or too many lines, or a checksum that does not match.
    public func next() throws(MergeError) -> ShardRecord? {
        guard !finished else { return nil }
        guard let line = try lines.next() else {
            throw .unreadable(
                path: path, line: nil,
                reason:
                    "it ends after \(recordsRead) of its \(header.workspaceCount) workspace lines, without its checksum line; it was cut off"
            )
        }
        guard line.terminated else {
            throw .unreadable(path: path, line: lines.lineNumber, reason: "the last line has no line break; the file was cut off")
        }
        let object = try ShardJSONObject(parsing: line.bytes, path: path, line: lines.lineNumber)
        if recordsRead == header.workspaceCount {
            try finish(object)
            return nil
        }
        guard object.isNull(.checksum) else {
            throw .unreadable(
                path: path, line: lines.lineNumber,
                reason: "the checksum line comes after \(recordsRead) workspace lines but the header counts \(header.workspaceCount)")
        }
        checksum.combine(line.bytes)
        checksum.combine(CollectionOfOne(UInt8(ascii: "\n")))
        let record = try ShardFile.record(object, header: header)
        if let lastName, !(lastName < record.name) {
            throw .unreadable(
                path: path, line: lines.lineNumber,
                reason:
                    "workspace \(JSONValue.quoted(record.name)) comes after \(JSONValue.quoted(lastName)); a shard file lists its workspaces once each, by name"
            )
        }
        guard header.shards.contains(record.name) else {
            throw .inconsistent(
                path,
                "workspace \(JSONValue.quoted(record.name)) belongs to shard \(Shard.number(of: record.name, count: header.shards.count))/\(header.shards.count), not \(header.shards)"
            )
        }
        lastName = record.name
        recordsRead += 1
        return record
    }

    /// Checks the checksum line and that nothing follows it.
    private func finish(_ object: ShardJSONObject) throws(MergeError) {
        guard !object.isNull(.checksum) else {
            throw .unreadable(
                path: path, line: lines.lineNumber,
                reason: "the header counts \(header.workspaceCount) workspace lines but more follow; the file was edited")
        }
        let written = try object.string(.checksum)
        guard written == checksum.hex else {
            throw .unreadable(
                path: path, line: nil,
                reason: "its checksum \(JSONValue.quoted(written)) does not match its contents (\(checksum.hex)); it was edited or damaged")
        }
        guard try lines.next() == nil else {
            throw .unreadable(path: path, line: lines.lineNumber, reason: "lines follow the checksum line; the file was edited")
        }
        finished = true
    }
}
