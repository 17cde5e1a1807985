import CreditTestSupport
import Foundation

@testable import UsageImport

/// The fixtures under `Fixtures/`, by name without the `.csv`.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.path(forResource: name, ofType: "csv", inDirectory: "Fixtures")!
    }
}

/// Writes `bytes` to a new file in a fresh temporary directory (`TestFiles`) and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "usage.csv") -> String {
    let path = try! TestFiles.directory() + "/" + name
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

func temporaryFile(_ text: String, name: String = "usage.csv") -> String {
    temporaryFile(Array(text.utf8), name: name)
}

/// `line: message` for each diagnostic (`-` for the whole file), to compare without the path.
func lineMessages(_ diagnostics: [ImportDiagnostic]) -> [String] {
    diagnostics.map { "\($0.line.map(String.init) ?? "-"): \($0.message)" }
}

/// The error `UsageImporter.load` throws for the file at `path`, or `nil` when it loads.
func loadError(_ path: String, options: UsageImportOptions = .init()) -> UsageImportError? {
    do {
        _ = try UsageImporter.load(fileAt: path, options: options)
        return nil
    } catch {
        return error
    }
}

/// Runs `body` on the bytes of `text`, as the importer sees a field.
func withField<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    Array(text.utf8).withUnsafeBufferPointer(body)
}
