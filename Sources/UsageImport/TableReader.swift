import CSVStream
import CreditCore

/// Streams one input file through libcsv into a `TableConsumer`: picks the delimiter, skips
/// title lines above the header, blank rows and a total row, checks each row's field count,
/// and turns every problem into a diagnostic.
enum TableReader {
    /// How many non-blank rows may come before the header (title lines of an export).
    static let headerSearchRows = 20

    /// What `read` found out about the file as a whole.
    struct Outcome {
        /// The field separator used, `nil` when the file is not UTF-8 text.
        var delimiter: UInt8?
        /// Data rows read: below the header, neither blank nor the total row.
        var rowCount = 0
    }

    /// Reads the file at `path` into `consumer`, reporting problems to `log`.
    static func read<Consumer: TableConsumer>(
        fileAt path: String, options: UsageImportOptions, into consumer: inout Consumer, log: inout DiagnosticLog
    ) -> Outcome {
        guard let prefix = textPrefix(ofFileAt: path, log: &log) else { return Outcome() }
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(prefix.bytes)
        return readWhole(fileAt: path, delimiter: delimiter, into: &consumer, log: &log)
    }

    /// The first bytes of the file at `path`; `nil`, with the error reported, when they show that
    /// the file is not UTF-8 text.
    static func textPrefix(ofFileAt path: String, log: inout DiagnosticLog) -> FilePrefix? {
        let prefix = FilePrefix(path: path)
        if prefix.isUTF16 {
            log.error("the file is UTF-16 text; save it as UTF-8", line: nil, remedy: .encoding)
            return nil
        }
        if let line = prefix.nulLine {
            log.error(FieldProblem.nulByte.message(field: "", text: ""), line: line)
            return nil
        }
        return prefix
    }

    /// Reads the file at `path`, from its first byte to its last, with one parser.
    static func readWhole<Consumer: TableConsumer>(
        fileAt path: String, delimiter: UInt8, into consumer: inout Consumer, log: inout DiagnosticLog
    ) -> Outcome {
        // One value holds all per-row state so that each row costs one exclusivity check
        // rather than one per captured variable.
        var session = Session(consumer: consumer, log: log, delimiter: delimiter)
        defer {
            consumer = session.consumer
            log = session.log
        }
        do {
            try CSVStreamReader(delimiter: delimiter).read(fileAt: path) { try session.take($0) }
        } catch let error as CSVStreamError {
            session.log.error(error.message, line: error.line)
            return Outcome(delimiter: delimiter, rowCount: session.rowCount)
        } catch {
            // `HeaderSearchEnded`: reported below, like a file that ends before its header.
        }
        session.finish()
        return Outcome(delimiter: delimiter, rowCount: session.rowCount)
    }

    /// The reading of one file, record by record.
    struct Session<Consumer: TableConsumer> {
        var consumer: Consumer
        var log: DiagnosticLog
        let delimiter: UInt8
        var rowCount = 0
        var headerLine: Int?
        /// The header row, to tell it when it is repeated below.
        var header: CSVRecordCopy?
        var rowsBeforeHeader = 0
        var sawText = false
        /// Rows that may end the table, a total row and notes under it, held until a data row
        /// shows that they were data or the file ends.
        var held: [CSVRecordCopy] = []

        init(consumer: Consumer, log: DiagnosticLog, delimiter: UInt8) {
            self.consumer = consumer
            self.consumer.begin(delimiter: delimiter)
            self.log = log
            self.delimiter = delimiter
        }

        mutating func take(_ record: CSVRecord) throws {
            if record.isBlank { return }
            sawText = true
            guard headerLine != nil else {
                if consumer.readHeader(record, log: &log) {
                    headerLine = record.line
                    header = CSVRecordCopy(record)
                    return
                }
                rowsBeforeHeader += 1
                if rowsBeforeHeader == headerSearchRows { throw HeaderSearchEnded() }
                return
            }
            if let header, header.hasSameFields(as: record) {
                log.warning(
                    "the header of line \(header.line) is repeated here, as where two exports were joined; the line is skipped",
                    line: record.line)
                return
            }
            if consumer.totalLabel(record) != nil || consumer.mayBeNote(record) {
                held.append(CSVRecordCopy(record))
                // A long run of such rows is data after all: keep memory bounded.
                if held.count > TableReader.heldRowLimit { held.removeFirst().withRecord { readData($0) } }
                return
            }
            for row in held { row.withRecord { readData($0) } }
            held.removeAll()
            readData(record)
        }

        /// Reads a data row.
        private mutating func readData(_ record: CSVRecord) {
            rowCount += 1
            if fieldCountIsWrong(record) { return }
            consumer.readRow(record, log: &log)
        }

        /// Reports what only shows at the end: the total row and notes below the table, an
        /// empty file, a missing header, no data rows.
        mutating func finish() {
            for row in held {
                row.withRecord { record in
                    if let label = consumer.totalLabel(record) {
                        consumer.checkTotal(record, label: label, log: &log)
                    } else {
                        let note = record.bytes(at: 0).trimmed.messageText
                        log.warning("skipped the note \"\(note)\" below the table", line: record.line)
                    }
                }
            }
            held.removeAll()
            if !sawText {
                log.error("the file is empty", line: nil)
            } else if let headerLine {
                if rowCount == 0 { log.error("the header is not followed by any data rows", line: headerLine) }
            } else {
                consumer.reportMissingHeader(log: &log)
            }
        }

        /// Reports a row with fewer fields than the columns read, or with values beyond the
        /// header (a comma file's unquoted `1,200` would otherwise shift every field after it).
        private mutating func fieldCountIsWrong(_ record: CSVRecord) -> Bool {
            let width = consumer.headerFieldCount
            // Built only for a message: this check runs on every row.
            var fields: String { record.count == 1 ? "1 field" : "\(record.count) fields" }
            if record.count < consumer.requiredFieldCount {
                log.error(
                    "the row has \(fields) but the header has \(width); \(TableReader.missingFieldsAdvice(record, delimiter: delimiter))",
                    line: record.line)
                return true
            }
            if record.count > width, (width..<record.count).contains(where: { !record.bytes(at: $0).trimmed.isEmpty }) {
                let example = delimiter == .comma ? ", as in \"1,200\"" : ""
                log.error(
                    "the row has \(fields) but the header has \(width); "
                        + "quote values that contain the delimiter\(example)", line: record.line)
                return true
            }
            return false
        }
    }

    /// What to do about a row with too few fields: a row that is one field holding another
    /// delimiter was written with that one, any other is to be filled in.
    fileprivate static func missingFieldsAdvice(_ record: CSVRecord, delimiter: UInt8) -> String {
        let other =
            record.count != 1
            ? nil
            : DelimiterSniffer.candidates.first { candidate in
                candidate != delimiter && record.bytes(at: 0).contains(candidate)
            }
        guard let other else { return "fill in the missing fields" }
        return "it is separated by \(DelimiterSniffer.name(of: other)) but the file by \(DelimiterSniffer.name(of: delimiter)); "
            + "use one delimiter throughout"
    }

    /// Stops reading once the header search gives up.
    private struct HeaderSearchEnded: Error {}

    /// The most rows held as a possible end of the table.
    static let heldRowLimit = 32

    /// Whether `record` could be a note below a table: text in the first cell, the rest empty.
    static func isNote(_ record: CSVRecord) -> Bool {
        guard !record.bytes(at: 0).trimmed.isEmpty else { return false }
        return (1..<record.count).allSatisfy { record.bytes(at: $0).trimmed.isEmpty }
    }

    /// The words a spreadsheet's total row is labelled with, lower-case: English, German,
    /// French, Spanish, Italian, Dutch and Portuguese.
    static let totalWords: Set<String> = [
        "total", "totals", "grand total", "sum", "gesamt", "summe", "gesamtsumme", "total général", "total general",
        "totale", "totaal", "som", "soma",
    ]

    /// The longest total word in bytes, to rule a field out before making a `String` of it.
    private static let longestTotalWord = totalWords.map(\.utf8.count).max()!

    /// The total words of ASCII letters only, as bytes.
    private static let asciiTotalWords = totalWords.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// The first bytes of the total words, all ASCII lower-case letters.
    private static let totalWordInitials = Array(Set(totalWords.map { $0.utf8.first! }))

    /// `field`'s text when it is a total word in any case, or `nil`.
    static func totalLabel(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        let field = field.trimmed
        guard (3...longestTotalWord).contains(field.count) else { return nil }
        // Nearly every id cell is a name: an ASCII first letter that starts no total word in
        // either case rules it out at once. Lower-casing (ASCII bytes' or `lowercased()`) maps an
        // ASCII letter only to its ASCII lower case, so no total word can start otherwise; a
        // first byte from 0x80 on is left to the full comparison below.
        guard field[0] >= 0x80 || totalWordInitials.contains(field[0].asciiLowercased) else { return nil }
        // This runs on the id cells of every row, and most are ASCII names: compare their bytes
        // (ASCII lower-casing is exactly `lowercased()` there) rather than make a String of each.
        if field.allSatisfy({ $0 < 0x80 }) {
            let isTotal = asciiTotalWords.contains { word in
                word.count == field.count && zip(field, word).allSatisfy { $0.asciiLowercased == $1 }
            }
            return isTotal ? field.messageText : nil
        }
        guard let text = String(validating: field, as: UTF8.self), totalWords.contains(text.lowercased()) else { return nil }
        return text.messageExcerpt
    }
}

/// A file read in parts hands a copy of the session that read its header to each part's thread.
extension TableReader.Session: Sendable where Consumer: Sendable {}
