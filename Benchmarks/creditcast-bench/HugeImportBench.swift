import CSVStream
import UsageImport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `huge-import [--rows 10000000] [--workspaces 1000] [--months 24] [--seed 1] [--out FILE]`:
/// shows that a file far larger than memory needs streams in bounded memory.
///
/// Generates the file with `generate-usage` unless it is already there (delete it to
/// regenerate), then, in this one process, first streams it through `CSVStreamReader` alone
/// (the parser's own footprint, which must not grow with the file), then loads it with
/// `UsageImporter.load` (which keeps one cell per seat and month, so it grows with the seats,
/// never with the rows). Peaks are the process's VmHWM after each step; the file's size is
/// printed beside them. One line: `huge-import rows=… file_mb=… stream_peak_mb=… peak_mb=… …`.
func hugeImportBench(_ arguments: Arguments) throws(BenchError) {
    let rows = try arguments.int("rows", default: 10_000_000)
    let workspaces = try arguments.int("workspaces", default: 1_000)
    let months = try arguments.int("months", default: 24)
    let seed = try arguments.int("seed", default: 1)
    let out = try arguments.string("out", default: "bench-data/usage-\(rows).csv")
    if access(out, F_OK) != 0 {
        try generateUsage(
            Arguments([
                "generate-usage", "--rows", "\(rows)", "--workspaces", "\(workspaces)", "--months", "\(months)",
                "--seed", "\(seed)", "--out", out,
            ]))
    }
    var status = stat()
    guard stat(out, &status) == 0 else { throw BenchError.failed("cannot read \(out)") }
    let baseline = Measure.residentMB()

    var records = 0
    let (streamError, streamWall) = Measure.time { () -> (any Error)? in
        do {
            try CSVStreamReader().read(fileAt: out) { _ in records += 1 }
            return nil
        } catch {
            return error
        }
    }
    if let streamError { throw BenchError.failed("streaming \(out) failed: \(streamError)") }
    let streamPeak = Measure.peakResidentMB()

    let (result, wall, cpu) = Measure.timeAndCPU { () -> Result<ImportedUsage, BenchError> in
        do { return .success(try UsageImporter.load(fileAt: out)) } catch {
            return .failure(.failed("import of \(out) failed: \(error)"))
        }
    }
    let imported = try result.get()
    let history = imported.history
    Figure.emit(
        "huge-import",
        [
            "rows": "\(imported.rowCount)", "records": "\(records)", "file_mb": Figure.fixed(Double(status.st_size) / 1_048_576, 1),
            "seats": "\(history.workspaces.reduce(0) { $0 + $1.seats.count })", "months": "\(history.monthCount)",
            "stream_s": Figure.fixed(streamWall), "stream_peak_mb": Figure.fixed(streamPeak, 1),
            "wall_s": Figure.fixed(wall), "cpu_s": Figure.fixed(cpu), "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1),
            "base_mb": Figure.fixed(baseline, 1),
        ])
}
