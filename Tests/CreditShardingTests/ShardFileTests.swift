import CreditCore
import CreditForecast
import CreditReports
import CreditSharding
import Foundation
import Testing

/// The shard file's layout: it reads back without losing a bit, ends with the checksum of
/// everything before it, and is refused, naming the file, when it was edited, cut off or
/// written in another format version.
@Suite struct ShardFileTests {
    typealias Fixtures = ShardFixtures

    @Test func aShardFileReadsBackBitForBit() throws {
        for kind in [ShardKind.forecast, .watchlist] {
            let original = Fixtures.result(2, kind: kind)
            let (header, payload) = try Fixtures.read(try Fixtures.written(original))
            #expect(header.shards.description == "2/3" && header.kind == kind && header.workspaceCount == 3 && header.portfolioCount == 6)
            #expect(header.run == original.run)
            let read = RunResult(
                shard: original.shard, portfolioCount: 6, positions: original.positions, run: header.run, assumptions: header.assumptions,
                payload: payload)
            #expect(read.baselineRun == original.baselineRun)
            #expect(RunReports(read).files.files.map(\.text) == RunReports(original).files.files.map(\.text))
        }
    }

    /// Shard 2 of 3 holds charlie, delta and echo: a header, their three lines in name order,
    /// and the checksum of the four lines before it.
    @Test func theFileEndsWithTheChecksumOfEveryLineBeforeIt() throws {
        let lines = try Fixtures.lines(try Fixtures.written(Fixtures.result(2)))
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"format":"creditcast-shard","format_version":7,"report":"forecast","shard":"2/3","#))
        #expect(zip(lines[1...3], ["charlie", "delta", "echo"]).allSatisfy { $0.hasPrefix(#"{"forecasts":[{"name":""# + $1 + #"","#) })
        #expect(lines[4] == #"{"checksum":""# + Fixtures.checksum(lines[0...3]) + #""}"#)
    }

    @Test func anEditInsideTheBoundsIsRefusedByTheChecksum() throws {
        let directory = try Fixtures.written(Fixtures.result(2))
        let written = try Fixtures.lines(directory).last!.dropFirst(#"{"checksum":""#.count).dropLast(2)
        try Fixtures.edit(directory, line: 3, reseal: false) { Fixtures.replacing(#""p_cap":"0.3"#, with: #""p_cap":"0.4"#, in: $0) }
        let actual = Fixtures.checksum(try Fixtures.lines(directory).dropLast())
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: ShardFile.path(in: directory), line: nil,
                    reason: "its checksum \"\(written)\" does not match its contents (\(actual)); it was edited or damaged"))
    }

    @Test func aCutOffFileIsRefused() throws {
        let directory = try Fixtures.written(Fixtures.result(2))
        let lines = try Fixtures.lines(directory)
        let path = ShardFile.path(in: directory)
        try Fixtures.write(Array(lines.prefix(3)), to: directory)
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: path, line: nil, reason: "it ends after 2 of its 3 workspace lines, without its checksum line; it was cut off"))
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(path: path, line: 5, reason: "the last line has no line break; the file was cut off"))
        try Fixtures.write([lines[0], lines[1], lines[4]], to: directory)
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: path, line: 3, reason: "the checksum line comes after 1 workspace lines but the header counts 3"))
        try Fixtures.write(lines + [lines[1]], to: directory)
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(path: path, line: 6, reason: "lines follow the checksum line; the file was edited"))
        try Fixtures.write([], to: directory)
        #expect(Fixtures.readingError(directory) == .unreadable(path: path, line: 1, reason: "the file is empty"))
    }

    @Test func anotherFormatVersionIsRefusedSayingWhichWroteIt() throws {
        let directory = try Fixtures.written(Fixtures.result(2))
        let path = ShardFile.path(in: directory)
        try Fixtures.edit(directory, line: 1) { $0.replacingOccurrences(of: #""format_version":7"#, with: #""format_version":6"#) }
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: path, line: 1,
                    reason:
                        "it is in shard format version 6, written by an older creditcast; this one reads version 7 only: merge with the creditcast that wrote the shards"
                ))
        try Fixtures.edit(directory, line: 1) { $0.replacingOccurrences(of: #""format_version":6"#, with: #""format_version":8"#) }
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: path, line: 1,
                    reason:
                        "it is in shard format version 8, written by a newer creditcast; this one reads version 7 only: merge with the creditcast that wrote the shards"
                ))
    }

    @Test func aDamagedLineIsNamed() throws {
        let directory = try Fixtures.written(Fixtures.result(2))
        let path = ShardFile.path(in: directory)
        try Fixtures.edit(directory, line: 2) { $0.replacingOccurrences(of: #""p_any_cap":""#, with: #""p_any_cap":"x"#) }
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(path: path, line: 2, reason: "\"p_any_cap\" is missing or not a decimal in a string"))
        let other = try Fixtures.written(Fixtures.result(2))
        try Fixtures.edit(other, line: 3) { String($0.dropLast()) }
        #expect(Fixtures.readingError(other) == .unreadable(path: ShardFile.path(in: other), line: 3, reason: "the line is not JSON"))
        try Fixtures.edit(other, line: 3) { _ in "[1]" }
        #expect(
            Fixtures.readingError(other) == .unreadable(path: ShardFile.path(in: other), line: 3, reason: "the line is not a JSON object"))
    }

    @Test func workspacesOutOfNameOrderAreRefused() throws {
        let directory = try Fixtures.written(Fixtures.result(2))
        try Fixtures.edit(directory, line: 3) { $0.replacingOccurrences(of: #""name":"delta""#, with: #""name":"charlie""#) }
        #expect(
            Fixtures.readingError(directory)
                == .unreadable(
                    path: ShardFile.path(in: directory), line: 3,
                    reason: "workspace \"charlie\" comes after \"charlie\"; a shard file lists its workspaces once each, by name"))
    }
}
