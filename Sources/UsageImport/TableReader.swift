import CSVStream

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
            log.error("the file is UTF-16 text; save it as UTF-8", line: nil)
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
        var rowsBeforeHeader = 0
        var sawText = false

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
                    return
                }
                rowsBeforeHeader += 1
                if rowsBeforeHeader == headerSearchRows { throw HeaderSearchEnded() }
                return
            }
            if let total = TableReader.totalLabel(record) {
                log.warning("skipped the \"\(total)\" row; totals are computed from the seat rows", line: record.line)
                return
            }
            rowCount += 1
            if fieldCountIsWrong(record) { return }
            consumer.readRow(record, log: &log)
        }

        /// Reports what only shows at the end: an empty file, a missing header, no data rows.
        mutating func finish() {
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
                log.error("the row has \(fields) but the header has \(width); \(TableReader.missingFieldsAdvice(record, delimiter: delimiter))", line: record.line)
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
        let other = record.count != 1 ? nil : DelimiterSniffer.candidates.first { candidate in
            candidate != delimiter && record.bytes(at: 0).contains(candidate)
        }
        guard let other else { return "fill in the missing fields" }
        return "it is separated by \(DelimiterSniffer.name(of: other)) but the file by \(DelimiterSniffer.name(of: delimiter)); "
            + "use one delimiter throughout"
    }

    /// Stops reading once the header search gives up.
    private struct HeaderSearchEnded: Error {}

    /// The first cell of a spreadsheet's total row (`Total`, `Grand total`), or `nil`.
    fileprivate static func totalLabel(_ record: CSVRecord) -> String? {
        let first = record.bytes(at: 0).trimmed
        guard first.count == 5 || first.count == 11 else { return nil }
        return first.equalsIgnoringCase("total") || first.equalsIgnoringCase("grand total") ? first.messageText : nil
    }
}

/// A file read in parts hands a copy of the session that read its header to each part's thread.
extension TableReader.Session: Sendable where Consumer: Sendable {}
