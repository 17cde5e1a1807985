// The libFuzzer target for the workspaces reader (`WorkspaceListImporter`): every input is
// written to a file and read as a workspaces file, with the first byte choosing the options.
// Built by `scripts/fuzz.sh workspaces`, never by `swift build`.
//
// A crash, a hang, a memory error or an out-of-memory is a bug; an error report is the expected
// outcome for bad bytes. What it accepts must be within the documented limits.
import CreditCore
import UsageImport

nonisolated(unsafe) private var inputPath = fuzzInputPath(extension: "csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard writeFuzzInput(bytes, to: inputPath) else { return 0 }
    let selector = bytes.first ?? 0
    let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
    let decimalMarks: [DecimalMark?] = [nil, .comma, .point]
    let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases
    let options = UsageImportOptions(
        delimiter: delimiters[Int(selector & 3)],
        decimalMark: decimalMarks[Int(selector >> 2 & 3) % 3],
        encoding: selector & 0x80 == 0 ? nil : encodings[Int(selector >> 4 & 7) % encodings.count],
        maxErrors: selector & 0x10 == 0 ? 50 : 1)
    guard let settings = try? WorkspaceListImporter.load(fileAt: inputPath, options: options) else { return 0 }
    var names = Set<String>()
    for workspace in settings {
        precondition(names.insert(workspace.name).inserted, "a workspace listed twice")
        precondition((0...UsageHistory.maximumSeats).contains(workspace.seats), "seats out of range")
        for amount in [workspace.balance, workspace.cap].compactMap({ $0 }) {
            precondition((0...UsageHistory.maximumCredits).contains(amount), "a balance or cap out of range")
        }
    }
    return 0
}
