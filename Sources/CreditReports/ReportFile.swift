import Foundation

/// One file of a report: its path inside the report and how to produce its bytes.
///
/// Most reports are small and built as text; a trials file can run to hundreds of megabytes, so
/// a file may instead stream its bytes into the sink as they are produced.
public struct ReportFile: Sendable {
    /// The path inside the report's directory, `/`-separated (`charts/acme-1a2b3c4d.svg`).
    public var path: String
    private let produce: @Sendable (FileSink) throws(ReportWriteError) -> Void
    /// The text of a file made from text, handed back as it is: a million-workspace report's
    /// Markdown runs to hundreds of megabytes, and its HTML page reads it once more.
    private let heldText: String?

    /// A file holding `text`.
    public init(path: String, text: String) {
        self.path = path
        self.produce = { sink throws(ReportWriteError) in try sink.write(text) }
        self.heldText = text
    }

    /// A file whose bytes `produce` streams into the sink.
    package init(path: String, produce: @escaping @Sendable (FileSink) throws(ReportWriteError) -> Void) {
        self.path = path
        self.produce = produce
        self.heldText = nil
    }

    /// Sends the file's bytes to `sink`.
    package func write(to sink: FileSink) throws(ReportWriteError) {
        try produce(sink)
    }

    /// The file's contents as UTF-8 text, produced in memory (or the text it was made from).
    public var text: String {
        if let heldText { return heldText }
        let sink = FileSink()
        // A memory sink never fails.
        try? produce(sink)
        try? sink.flush()
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}
