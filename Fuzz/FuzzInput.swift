// What every libFuzzer target here shares: each input written to a file of its own per process,
// for readers that take a path. Compiled into each fuzzer by `scripts/fuzz.sh`.
#if canImport(Glibc)
import Glibc
#endif

/// A file for the inputs of this process, `FUZZ_TMPDIR/creditcast-fuzz-PID.EXTENSION`:
/// libFuzzer runs inputs one after another, so one path serves them all.
func fuzzInputPath(extension fileExtension: String) -> String {
    let directory = getenv("FUZZ_TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return "\(directory)/creditcast-fuzz-\(getpid()).\(fileExtension)"
}

/// Writes `bytes` to `path`, replacing it; `false` when that fails (the input is then skipped).
func writeFuzzInput(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
        let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        if count < 0, errno == EINTR { continue }
        if count <= 0 { return false }
        written += count
    }
    return true
}
