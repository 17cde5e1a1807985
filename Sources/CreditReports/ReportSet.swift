/// Several files that make one report and are written all or nothing.
///
/// Every file is staged to a temporary file first; only when all of them are written are they
/// renamed into place (see `AtomicFileWriter`). A failed run, whether a full disk, an
/// unwritable chart directory or an output that is an input, leaves an earlier report whole.
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

    /// Writes every file under `directory`, creating it as needed, and returns the paths written.
    ///
    /// Refuses, before anything is written, to write over any of `inputPaths`.
    @discardableResult
    public func write(to directory: String, inputPaths: [String] = []) throws(ReportWriteError) -> [String] {
        try Self.write(targets(in: directory), inputPaths: inputPaths)
    }

    /// Each file with the path it gets under `directory`.
    public func targets(in directory: String) -> [(path: String, file: ReportFile)] {
        let directory = directory.isEmpty ? "." : directory
        return files.map { file in
            precondition(
                !file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."),
                "report files stay inside the report's directory")
            return (directory.hasSuffix("/") ? directory + file.path : directory + "/" + file.path, file)
        }
    }

    /// Writes each file to its path, all or nothing: checks every path first, stages every file,
    /// then commits them together (see `AtomicFileWriter`). Returns the paths written.
    ///
    /// This is also how files bound for different directories (a report directory and a
    /// `--trials-out` file elsewhere) are written as one.
    @discardableResult
    public static func write(_ targets: [(path: String, file: ReportFile)], inputPaths: [String] = []) throws(ReportWriteError) -> [String]
    {
        let writer = AtomicFileWriter(inputPaths: inputPaths)
        var seen: Set<String> = []
        for target in targets {
            // Two outputs at one path (say `--trials-out` naming `forecast.csv` in the report
            // directory) would silently replace one another.
            guard seen.insert(AtomicFileWriter.normalized(target.path)).inserted else {
                throw .sameOutputTwice(path: target.path)
            }
            try writer.checkNotInput(target.path)
        }
        var staged: [StagedFile] = []
        for target in targets {
            do {
                staged.append(try writer.stage(to: target.path) { sink throws(ReportWriteError) in try target.file.write(to: sink) })
            } catch {
                writer.discard(staged)
                throw error
            }
        }
        try writer.commit(staged)
        return targets.map(\.path)
    }
}
