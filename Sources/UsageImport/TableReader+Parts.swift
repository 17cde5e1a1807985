import CSVStream
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TableReader {
    /// Files smaller than this are read whole: below it, the parsers' start and the merge cost
    /// about what a second core saves.
    static let minimumSplitFileSize = 4 << 20

    /// Reads the file at `path` into `consumer` exactly as `read(fileAt:options:into:log:)` does,
    /// but a large file's data rows in parts, one parser and one copy of `consumer` per part, run
    /// concurrently and merged in file order.
    ///
    /// Only a clean file takes that path: one whose header is read without a diagnostic, whose
    /// data rows hold no quote character (`CSVFileSplitter`), and whose parts read without any
    /// error or warning and merge exactly (`MergeableTableConsumer.absorb`). Anything else is
    /// read again, whole, so that every diagnostic, its line and its order are those of the
    /// one-parser reading; problems are rare, and only clean files need to be fast.
    static func readInParts<Consumer: MergeableTableConsumer>(
        fileAt path: String, options: UsageImportOptions, into consumer: inout Consumer, log: inout DiagnosticLog
    ) -> Outcome {
        guard let prefix = textPrefix(ofFileAt: path, log: &log) else { return Outcome() }
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(prefix.bytes)
        if let partSize = partSize(fileSize: prefix.regularFileSize, options: options),
            var session = readParts(fileAt: path, prefix: prefix, partSize: partSize, delimiter: delimiter, consumer: consumer, log: log)
        {
            session.finish()
            consumer = session.consumer
            log = session.log
            return Outcome(delimiter: delimiter, rowCount: session.rowCount)
        }
        return readWhole(fileAt: path, delimiter: delimiter, into: &consumer, log: &log)
    }

    /// Bytes per part: `options.partSize` when set; otherwise the file over the threads (every
    /// active core, at most `options.threads`), for a regular file of at least
    /// `minimumSplitFileSize` and more than one thread.
    static func partSize(fileSize: Int?, options: UsageImportOptions) -> Int? {
        if let partSize = options.partSize { return partSize }
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let threads = options.threads > 0 ? min(options.threads, cores) : cores
        guard let fileSize, fileSize >= minimumSplitFileSize, threads > 1 else { return nil }
        return (fileSize + threads - 1) / threads
    }

    /// The session that read the whole file in parts, not yet finished; `nil` when the file is
    /// to be read whole instead: it has a single part, or a part found anything to report.
    /// Internal rather than private so that tests can tell which way a file was read.
    static func readParts<Consumer: MergeableTableConsumer>(
        fileAt path: String, prefix: FilePrefix, partSize: Int, delimiter: UInt8, consumer: Consumer, log: DiagnosticLog
    ) -> Session<Consumer>? {
        guard let (header, dataLine) = readHeader(fileAt: path, delimiter: delimiter, consumer: consumer, log: log),
            let dataStart = prefix.offset(ofLine: dataLine),
            let parts = CSVFileSplitter.parts(ofFileAt: path, from: dataStart, firstLine: dataLine, partSize: partSize),
            parts.count > 1
        else { return nil }
        let reader = CSVStreamReader(delimiter: delimiter)
        let sessions = UnsafeMutableBufferPointer<Session<Consumer>?>.allocate(capacity: parts.count)
        sessions.initialize(repeating: nil)
        defer {
            _ = sessions.deinitialize()
            sessions.deallocate()
        }
        // Each part writes only its own slot.
        nonisolated(unsafe) let slots = sessions
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            var session = header
            do {
                try reader.read(fileAt: path, bytes: parts[index].bytes, firstLine: parts[index].firstLine) { try session.take($0) }
            } catch {
                return
            }
            // Rows held at a part's end are only known for what they are after the next part.
            if session.log.isEmpty, session.held.isEmpty || index == parts.count - 1 { slots[index] = session }
        }
        guard var merged = sessions[0] else { return nil }
        for index in 1..<parts.count {
            guard var later = sessions[index] else { return nil }
            // Out of its slot, so that `absorb` frees the part's tables as it takes them in.
            sessions[index] = nil
            guard merged.absorb(&later) else { return nil }
        }
        return merged
    }

    /// The session that read the file up to its header, and the line of the first record below
    /// the header, where the data rows start; `nil` when no header is found, when it is found
    /// with a diagnostic, or when that record starts on the header's own line (lines ended by a
    /// carriage return alone), where no part can start.
    private static func readHeader<Consumer: TableConsumer>(
        fileAt path: String, delimiter: UInt8, consumer: Consumer, log: DiagnosticLog
    ) -> (session: Session<Consumer>, dataLine: Int)? {
        var session = Session(consumer: consumer, log: log, delimiter: delimiter)
        var dataLine: Int?
        do {
            try CSVStreamReader(delimiter: delimiter).read(fileAt: path) { record in
                if session.headerLine != nil {
                    dataLine = record.line
                    throw HeaderRead()
                }
                try session.take(record)
            }
        } catch {
            // `HeaderRead`, or the file ended or failed first: told apart by `dataLine`.
        }
        // A record that starts on a later line than the header's starts that line, with libcsv
        // outside any record, as a part's parser starts.
        guard let dataLine, let headerLine = session.headerLine, dataLine > headerLine, session.log.isEmpty else { return nil }
        return (session, dataLine)
    }
}

/// Stops the read of the header at the first record below it.
private struct HeaderRead: Error {}

extension TableReader.Session where Consumer: MergeableTableConsumer {
    /// Takes in `later`, the session that read the part of the file after this one's.
    mutating func absorb(_ later: inout Self) -> Bool {
        rowCount += later.rowCount
        held = later.held
        return consumer.absorb(&later.consumer)
    }
}
