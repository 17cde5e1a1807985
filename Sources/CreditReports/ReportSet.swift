/// Several files that make one report and are written all or nothing.
///
/// Every file is staged first; only when all of them are written and synced are they renamed
/// into place (see `AtomicFileWriter`, `ReportCommit`). A failed run, whether a full disk, an
/// unwritable chart directory or an output that is an input, leaves an earlier report whole; a
/// killed one is finished or undone by the next run into the directory.
public struct ReportSet: Sendable {
    /// The files, in the order they are written.
    public var files: [ReportFile]

    /// A report of `files`.
    public init(files: [ReportFile]) {
        self.files = files
    }

    /// The file at `path` inside the report, if there is one.
    public func file(at path: String) -> ReportFile? {
        files.first { $0.path == path }
    }

    /// The report's paths inside its directory, in order.
    public var paths: [String] { files.map(\.path) }

    /// Writes every file under `directory`, creating it as needed, as the directory's report
    /// set: the previous set's files that this one lacks are removed, nothing else there is
    /// touched (see `ReportManifest`). Returns the paths written.
    ///
    /// Refuses, before anything is written, to write over any of `inputPaths`.
    @discardableResult
    public func write(to directory: String, inputPaths: [String] = []) throws(ReportWriteError) -> [String] {
        try Self.write(targets(in: directory), reportDirectory: directory, inputPaths: inputPaths)
    }

    /// Each file with the path it gets under `directory`.
    public func targets(in directory: String) -> [(path: String, file: ReportFile)] {
        let directory = directory.isEmpty ? "." : directory
        return files.map { file in
            precondition(ReportManifest.isInside(file.path), "report files stay inside the report's directory")
            return (directory.hasSuffix("/") ? directory + file.path : directory + "/" + file.path, file)
        }
    }

    /// Writes each file to its path, all or nothing (see `AtomicFileWriter`); the files under
    /// `reportDirectory` are its report set. Returns the paths written.
    ///
    /// This is also how files bound for different directories (a report directory and a
    /// `--trials-out` file elsewhere) are written as one.
    @discardableResult
    public static func write(
        _ targets: [(path: String, file: ReportFile)], reportDirectory: String?, inputPaths: [String] = []
    ) throws(ReportWriteError) -> [String] {
        try AtomicFileWriter(inputPaths: inputPaths).write(targets, reportDirectory: reportDirectory)
    }
}
