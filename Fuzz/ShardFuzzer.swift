// The libFuzzer target for the shard reader (`creditcast merge`): every input is written as a
// shard file and read to its end, then merged and its reports rendered when it holds every
// shard. Built by `scripts/fuzz.sh shard`, never by `swift build`.
//
// A mutated file almost never keeps its checksum, which is checked last; so each input is also
// read resealed, its last line replaced by the checksum of the lines before it, as someone who
// edits a shard file and knows the format would do: then only the bounds stand between the
// bytes and the merge and report code.
//
// A crash, a hang, a memory error or an out-of-memory is a bug; a `MergeError` is the expected
// outcome for bad bytes.
import CreditCore
import CreditSharding

#if canImport(Glibc)
import Glibc
#endif

/// The directory each input is written to, per process: libFuzzer runs inputs one after another.
nonisolated(unsafe) private var directory: String = {
    let base = getenv("FUZZ_TMPDIR").map { String(cString: $0) } ?? "/tmp"
    let path = "\(base)/creditcast-shard-fuzz-\(getpid())"
    mkdir(path, 0o700)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for file in [bytes, resealed(bytes)] {
        guard write(file, to: ShardFile.path(in: directory)) else { return 0 }
        guard let reader = try? ShardFileReader(directory: directory) else { continue }
        if reader.header.shards.isComplete, let result = try? ShardMerge.merge([reader]) {
            // Every workspace line was read, so the counts the header claimed were true.
            precondition(result.positions.count == reader.header.portfolioCount, "a merge of the wrong size")
            let reports = RunReports(result)
            for file in reports.files.files { _ = file.text }
            _ = reports.summary(reportDirectory: directory)
        } else {
            while (try? reader.next()) != nil {}
        }
    }
    return 0
}

/// `bytes` with the last line replaced by the checksum of the lines before it.
private func resealed(_ bytes: [UInt8]) -> [UInt8] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard lines.count > 1 else { return bytes }
    var hash = StableHash()
    var out: [UInt8] = []
    for line in lines.dropLast() {
        out += line
        out.append(UInt8(ascii: "\n"))
    }
    hash.combine(out)
    return out + Array("{\"checksum\":\"\(hash.hex)\"}\n".utf8)
}

/// Writes `bytes` to `path`, replacing it; `false` when that fails (the input is then skipped).
private func write(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
}
