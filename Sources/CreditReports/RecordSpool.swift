import CreditCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV records written as a run produces them and read back once its report is written: a
/// file's rows that never wait in memory (a million workspaces' `forecast.csv` is 1.2 GB).
///
/// The records go to a temporary file that is unlinked as soon as it is open, so it is gone
/// when the spool is released and a killed run leaves nothing behind; the report file copies
/// it, as many times as it is produced.
package final class RecordSpool: @unchecked Sendable {
    private let descriptor: Int32
    private let sink: FileSink
    /// Where the spool lives while open, for messages (the file itself has no name any more).
    private let location: String

    /// An empty spool in the temporary directory (`TMPDIR`).
    package init() throws(ReportWriteError) {
        let (path, descriptor): (String, Int32)
        do {
            (path, descriptor) = try TemporaryFile.create(prefix: "creditcast-rows")
        } catch {
            throw .writeFailed(path: error.directory, reason: error.reason)
        }
        unlink(path)
        self.descriptor = descriptor
        self.location = path
        self.sink = FileSink(descriptor: descriptor, path: path)
    }

    deinit { close(descriptor) }

    /// Appends one record (`CSVTable.record`, the encoding of every CSV the tool writes).
    package func append(_ cells: [CSVCell]) throws(ReportWriteError) {
        try sink.write(CSVTable.record(cells))
    }

    /// A report file of `header` and every record appended so far.
    package func file(path: String, header: [String]) -> ReportFile {
        ReportFile(path: path) { [self] output throws(ReportWriteError) in
            try output.write(CSVTable.record(header.map(CSVCell.text)))
            try copy(to: output)
        }
    }

    /// Sends the spooled bytes to `output`, a block at a time.
    private func copy(to output: FileSink) throws(ReportWriteError) {
        try sink.flush()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let read = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, offset) }
            if read < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: location, reason: lastErrorReason())
            }
            if read == 0 { return }
            try output.write(Data(block[0..<read]))
            offset += off_t(read)
        }
    }
}
