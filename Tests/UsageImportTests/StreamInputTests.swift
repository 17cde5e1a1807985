import CreditTestSupport
import Foundation
import Testing

@testable import UsageImport

/// Pipes and FIFOs are read once and give exactly what the same bytes give as a regular file,
/// however long they are.
@Suite struct StreamInputTests {
    /// A FIFO that a thread fills with `bytes` once the importer opens it.
    private func fifo(_ bytes: [UInt8]) -> String {
        let path = try! TestFiles.directory() + "/usage.csv"
        #expect(mkfifo(path, 0o600) == 0)
        Thread.detachNewThread {
            let handle = FileHandle(forWritingAtPath: path)!
            handle.write(Data(bytes))
            handle.closeFile()
        }
        return path
    }

    private func rows(_ count: Int) -> [UInt8] {
        Array(
            ("seat,month,credits\n" + (0..<count).map { "seat\($0 / 12),2026-\(String(format: "%02d", $0 % 12 + 1)),\($0)\n" }.joined())
                .utf8)
    }

    @Test(arguments: [3, 20_000])
    func aFIFOReadsAsTheSameBytesInAFile(rowCount: Int) throws {
        let bytes = rows(rowCount)
        let regular = try UsageImporter.load(fileAt: temporaryFile(bytes))
        let streamed = try UsageImporter.load(fileAt: fifo(bytes))
        #expect(streamed.history == regular.history)
        #expect(streamed.rowCount == rowCount)
        #expect(streamed.warnings.isEmpty && regular.warnings.isEmpty)
    }

    @Test func aFIFOsProblemsAreThoseOfTheFile() {
        let bytes = Array("Usage\nseat,month,credits\nana,2026-04,x\nana,2026-05,18.000\n".utf8)
        let regular = UsageImporter.check(fileAt: temporaryFile(bytes))
        let streamed = UsageImporter.check(fileAt: fifo(bytes))
        #expect(lineMessages(streamed.errors) == lineMessages(regular.errors))
        #expect(lineMessages(streamed.errors) == ["3: credits \"x\" is not a number"])
        #expect(streamed.totalCredits == 18)
    }
}
