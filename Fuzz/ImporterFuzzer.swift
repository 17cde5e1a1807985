// The libFuzzer target for the importer: every input is written to a file and read as a usage
// export (both `check` and `load`, with the delimiter sniffed and forced to each candidate) and
// as a workspaces file. Built by `scripts/fuzz.sh`, never by `swift build`.
//
// A crash, a hang (libFuzzer's -timeout), a memory error (address sanitizer) or an out-of-memory
// (-rss_limit_mb) is a bug; an error report is the expected outcome for bad bytes.
import CSVStream
import UsageImport

#if canImport(Glibc)
import Glibc
#endif

/// The file each input is written to (see `FuzzInput.swift`).
nonisolated(unsafe) private var inputPath = fuzzInputPath(extension: "csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard writeFuzzInput(bytes, to: inputPath) else { return 0 }
    // The first two bytes pick the options, so that forced delimiters, date orders, decimal marks
    // and encodings are explored too; the whole input, those bytes included, is the file.
    let selector = bytes.first ?? 0
    let second = bytes.count > 1 ? bytes[1] : 0
    let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
    let dateOrders: [DateOrder?] = [nil, .monthFirst, .dayFirst]
    let decimalMarks: [DecimalMark?] = [nil, .comma, .point]
    let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases
    let options = UsageImportOptions(
        delimiter: delimiters[Int(selector & 3)],
        dateOrder: dateOrders[Int(selector >> 2 & 3) % 3],
        decimalMark: decimalMarks[Int(selector >> 5 & 3) % 3],
        encoding: second & 0x80 == 0 ? nil : encodings[Int(second & 7) % encodings.count],
        maxErrors: selector & 0x10 == 0 ? 50 : 1)

    let check = UsageImporter.check(fileAt: inputPath, options: options)
    _ = check.text()
    _ = check.jsonText()
    if let history = (try? UsageImporter.load(fileAt: inputPath, options: options))?.history {
        // What the importer hands on must be consistent whatever the bytes.
        precondition(history.firstMonth <= history.lastMonth, "months out of order")
        for workspace in history.workspaces {
            precondition(!workspace.seats.isEmpty, "a workspace without seats")
            for seat in workspace.seats {
                precondition(seat.usage.count == history.monthCount, "usage of the wrong length")
                precondition(seat.usage.allSatisfy { $0 >= 0 }, "negative usage")
                precondition((0..<history.monthCount).contains(seat.firstOffset), "first month outside the history")
            }
        }
        precondition(check.errors.isEmpty, "load succeeded but check found errors")
    }
    _ = try? WorkspaceListImporter.load(fileAt: inputPath, options: options)

    // The stream reader alone: from the file in 7-byte reads, so that a byte order mark, a
    // quote or a line end split across reads is explored, and from memory.
    var fileRecords: [[String?]] = []
    var memoryRecords: [[String?]] = []
    let fileResult = Result {
        try CSVStreamReader(delimiter: UInt8(ascii: ","), chunkSize: 7).read(fileAt: inputPath) { record in
            fileRecords.append((0..<record.count).map { record.string(at: $0) })
        }
    }
    let memoryResult = Result {
        try CSVStreamReader(delimiter: UInt8(ascii: ",")).read(bytes: bytes) { record in
            memoryRecords.append((0..<record.count).map { record.string(at: $0) })
        }
    }
    // How the bytes arrive must not change what is read.
    precondition(fileRecords == memoryRecords, "records differ between 7-byte reads and one buffer")
    precondition((try? fileResult.get()) != nil || (try? memoryResult.get()) == nil, "only one read failed")
    return 0
}
