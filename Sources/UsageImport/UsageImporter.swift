import CreditCore

/// Reads usage exports from spreadsheets and admin consoles into a `UsageHistory`.
///
/// Long files hold one row per seat and month; wide files one row per seat and one column per
/// month. The layout, the delimiter, the header row (below any title lines) and the date order
/// are found from the file; every problem is reported with its line, all in one run.
public enum UsageImporter {
    /// The usage history in the file at `path`, with the rows read and the warnings.
    ///
    /// - Throws: every error found in the file (up to `options.maxErrors`), each naming its line.
    public static func load(
        fileAt path: String, options: UsageImportOptions = .init()
    ) throws(UsageImportError) -> ImportedUsage {
        let reading = read(fileAt: path, options: options)
        guard !reading.log.hasErrors, let history = reading.summary.history else {
            throw UsageImportError(errors: reading.log.errors, warnings: reading.log.warnings)
        }
        return ImportedUsage(
            history: history, file: reading.log.file, rowCount: reading.outcome.rowCount, warnings: reading.log.warnings)
    }

    /// What the file at `path` holds and what is wrong with it, for `creditcast check`;
    /// produced even when the file has errors, from the rows that could be read.
    public static func check(fileAt path: String, options: UsageImportOptions = .init()) -> UsageCheck {
        let reading = read(fileAt: path, options: options)
        return UsageCheck(
            file: reading.log.file, format: reading.format, delimiter: reading.outcome.delimiter,
            dateOrder: reading.summary.dateOrder, rows: reading.outcome.rowCount, history: reading.summary.history,
            months: reading.summary.months, errors: reading.log.errors, warnings: reading.log.warnings)
    }

    /// What one reading of a usage file found.
    private struct Reading {
        var format: UsageFormat?
        var outcome = TableReader.Outcome()
        var summary = UsageAccumulator.Summary(history: nil, months: [], dateOrder: nil, tokenMonths: [])
        var log: DiagnosticLog
    }

    private static func read(fileAt path: String, options: UsageImportOptions) -> Reading {
        var log = DiagnosticLog(file: InputText.displayName(of: path), limit: options.maxErrors)
        guard var input = InputText.prepare(path: path, encoding: options.encoding, log: &log) else {
            return Reading(log: log)
        }
        defer { input.remove() }
        var reading = read(input.path, options: options, log: log)
        if options.encoding == nil, input.encoding == .utf8, let line = reading.log.firstNonUTF8Line {
            // Bytes that are not UTF-8 below the first lines: Windows-1252, if they read as it.
            var converted = DiagnosticLog(file: log.file, limit: options.maxErrors)
            if input.convert(from: .windows1252, log: &converted) {
                converted.warning(InputText.windows1252Message(line: line), line: line, remedy: .encoding)
                reading = read(input.path, options: options, log: converted)
            }
        }
        return reading
    }

    /// Reads the UTF-8 text at `path` into a history, adding to `log`.
    private static func read(_ path: String, options: UsageImportOptions, log start: DiagnosticLog) -> Reading {
        var log = start
        var reader = UsageTableReader(options: options)
        var outcome = TableReader.readInParts(fileAt: path, options: options, into: &reader, log: &log)
        if reader.numbers.needsSecondReading, let told = reader.numbers.evidence {
            // Values such as `18.000` were read before a later row told the decimal mark, and
            // with the other one: read the file again, knowing it from the start.
            log = start
            reader = UsageTableReader(options: options, told: told)
            outcome = TableReader.readInParts(fileAt: path, options: options, into: &reader, log: &log)
        }
        let summary = reader.finish(options: options, log: &log)
        if summary.history == nil, !log.hasErrors {
            // Only a wide file whose every month cell is empty gets here.
            log.error("no seat has credits in any month; there is no usage to import", line: nil)
        }
        return Reading(format: reader.format, outcome: outcome, summary: summary, log: log)
    }
}
