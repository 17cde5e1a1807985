import Foundation
import Testing

@testable import UsageImport

/// UTF-8 with or without a byte order mark, UTF-16 after one (Excel's "Unicode Text"), and
/// Windows-1252 (Excel's "CSV" on Windows), detected or given; every one read as the same rows.
@Suite struct EncodingTests {
    private static let text = "Seat\tMonth\tCredits\r\nJosé\t2026-04\t100\r\nMüller\t2026-04\t200\r\n"

    private func seats(_ path: String, _ options: UsageImportOptions = .init()) throws -> [String: [Int]] {
        let seats = try UsageImporter.load(fileAt: path, options: options).history.workspaces.flatMap(\.seats)
        return Dictionary(uniqueKeysWithValues: seats.map { ($0.id, Array($0.usage)) })
    }

    private static let expected = ["José": [100], "Müller": [200]]

    @Test func readsUTF16LittleEndianUnicodeText() throws {
        let bytes = [0xFF, 0xFE] + Array(Self.text.data(using: .utf16LittleEndian)!)
        #expect(try seats(temporaryFile(bytes)) == Self.expected)
        #expect(UsageImporter.check(fileAt: temporaryFile(bytes)).warnings.isEmpty)
    }

    @Test func readsUTF16BigEndian() throws {
        let bytes = [0xFE, 0xFF] + Array(Self.text.data(using: .utf16BigEndian)!)
        #expect(try seats(temporaryFile(bytes)) == Self.expected)
    }

    @Test func readsUTF16WithoutAByteOrderMarkWhenGiven() throws {
        let bytes = Array(Self.text.data(using: .utf16LittleEndian)!)
        #expect(try seats(temporaryFile(bytes), UsageImportOptions(encoding: .utf16LittleEndian)) == Self.expected)
    }

    @Test func readsUTF8WithAndWithoutAByteOrderMark() throws {
        #expect(try seats(temporaryFile(Self.text)) == Self.expected)
        #expect(try seats(temporaryFile([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8))) == Self.expected)
    }

    @Test func readsWindows1252WithOneWarning() throws {
        let path = temporaryFile(Array(Self.text.data(using: .windowsCP1252)!))
        let imported = try UsageImporter.load(fileAt: path)
        #expect(try seats(path) == Self.expected)
        #expect(
            lineMessages(imported.warnings) == [
                "2: the file is not UTF-8 text (line 2 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ])
        #expect(try UsageImporter.load(fileAt: path, options: UsageImportOptions(encoding: .windows1252)).warnings.isEmpty)
    }

    @Test func readsWindows1252FirstMetBeyondTheFirstLines() throws {
        // 70 KB of ASCII rows, past what is looked at before reading: the rows show it.
        let rows = (0..<3000).map { "seat\($0)\t2026-04\t1\r\n" }.joined()
        let path = temporaryFile(Array((Self.text + rows + "Renée\t2026-04\t7\r\n").data(using: .windowsCP1252)!))
        let imported = try UsageImporter.load(fileAt: path)
        #expect(imported.history.workspaces[0].seats.first { $0.id == "Renée" }?.usage == [7])
        #expect(
            lineMessages(imported.warnings) == [
                "2: the file is not UTF-8 text (line 2 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ])
        let late = temporaryFile(Array(("Seat\tMonth\tCredits\r\n" + rows + "Renée\t2026-04\t7\r\n").data(using: .windowsCP1252)!))
        #expect(
            lineMessages(try UsageImporter.load(fileAt: late).warnings) == [
                "3002: the file is not UTF-8 text (line 3002 is the first that is not); it was read as Windows-1252, "
                    + "the encoding of Excel's CSV on Windows"
            ])
    }

    @Test func aGivenEncodingTheBytesAreNotInIsAnError() {
        let path = temporaryFile(Array("seat,month,credits\nana,2026-04,1\nb".utf8) + [0x81] + Array("n,2026-04,2\n".utf8))
        let error = loadError(path, options: UsageImportOptions(encoding: .windows1252))
        #expect(
            lineMessages(error?.errors ?? []) == [
                "3: the file is not Windows-1252 text: line 3 holds bytes that are not; save the file as UTF-8 or state its encoding"
            ])
        #expect(error?.errors.map(\.remedy) == [.encoding])
        let utf8 = loadError(temporaryFile(Array(Self.text.data(using: .windowsCP1252)!)), options: UsageImportOptions(encoding: .utf8))
        #expect(
            lineMessages(utf8?.errors ?? []) == [
                "2: not valid UTF-8 text; save the file as UTF-8", "3: not valid UTF-8 text; save the file as UTF-8",
            ])
    }
}
