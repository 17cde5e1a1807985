// The libFuzzer target for the scenario reader (`ScenarioFile`): every input is read as a
// scenario file, from memory and from a file (the two must agree), with the first byte choosing
// the date order. Built by `scripts/fuzz.sh scenario`, never by `swift build`.
//
// A crash, a hang, a memory error or an out-of-memory is a bug; an error report naming a line is
// the expected outcome for bad bytes. What it accepts must be within the documented limits.
import CreditForecast
import CreditLedger
import ScenarioImport
import UsageImport

nonisolated(unsafe) private var inputPath = fuzzInputPath(extension: "csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard writeFuzzInput(bytes, to: inputPath) else { return 0 }
    let dateOrders: [DateOrder?] = [nil, .monthFirst, .dayFirst]
    let options = UsageImportOptions(dateOrder: dateOrders[Int(bytes.first ?? 0) % 3])
    let fromMemory = Result { () throws(UsageImportError) in
        try ScenarioFile(bytes: Array(bytes), file: inputPath, pricing: .standard, options: options)
    }
    let fromFile = Result { () throws(UsageImportError) in try ScenarioFile(fileAt: inputPath, pricing: .standard, options: options) }
    // Where the bytes come from must not change what is read, nor what is wrong with them.
    precondition(fromMemory == fromFile, "a file and the same bytes in memory read differently")
    guard case let .success(file) = fromMemory else { return 0 }
    for scenario in file.scenarios {
        precondition(!scenario.name.isEmpty, "a scenario without a name")
        for change in scenario.changes {
            if let multiplier = change.usageMultiplier {
                precondition((0...UsageMultiplier.maximum.millionths).contains(multiplier.millionths), "a multiplier out of range")
            }
        }
    }
    return 0
}
