import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one, and a run, failed or killed, never
/// leaves half a report: the one file writer every report goes through.
///
/// The files are grouped by the directory they go into, and each directory is committed by a
/// `ReportCommit`: every file is staged in a hidden directory inside it, the file system is
/// synced once for the whole set, and only then are the files renamed into place. A full disk or
/// an unwritable directory fails during staging, before anything is replaced; a rename that fails
/// puts back every file already replaced. The files of a report directory form its report set,
/// listed in its manifest (`ReportManifest`): the previous set's files that the new one lacks are
/// removed, and nothing else there is touched.
///
/// Paths are checked against `inputPaths` by device and inode, so `./usage.csv`, an absolute
/// spelling, a symbolic link or a hard link to an input are all refused; so is any output path
/// that is not a regular file (a named pipe, a device, a symbolic link such as `/dev/stdout`),
/// which a rename would replace rather than write to.
struct AtomicFileWriter: Sendable {
    /// Files the run reads; none of them may be written.
    var inputPaths: [String]

    /// A writer that refuses to write any of `inputPaths`.
    init(inputPaths: [String] = []) {
        self.inputPaths = inputPaths
    }

    /// Writes `text` as UTF-8 to `path`, atomically.
    func write(_ text: String, to path: String) throws(ReportWriteError) {
        try write(to: path) { sink throws(ReportWriteError) in try sink.write(text) }
    }

    /// Writes whatever `produce` sends to the sink to `path`, atomically.
    func write(to path: String, _ produce: @escaping @Sendable (FileSink) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        try write([(path, ReportFile(path: path, produce: produce))], reportDirectory: nil)
    }

    /// Writes each file to its path, all or nothing: checks every path first, stages every file,
    /// then commits each directory's files together. The files under `reportDirectory` are its
    /// report set, replacing the previous one whole. Returns the paths written.
    @discardableResult
    func write(_ targets: [(path: String, file: ReportFile)], reportDirectory: String?) throws(ReportWriteError) -> [String] {
        var seen: Set<String> = []
        for target in targets {
            // Two outputs at one path (say `--trials-out` naming `forecast.csv` in the report
            // directory) would silently replace one another.
            guard seen.insert(Self.normalized(target.path)).inserted else { throw .sameOutputTwice(path: target.path) }
            try checkNotInput(target.path)
            try Self.checkReplaceable(target.path)
        }
        let inputs = inputPaths.compactMap(fileIdentity)
        var commits: [ReportCommit] = []
        defer { for commit in commits { commit.release() } }
        let groups = try Self.groups(targets, reportDirectory: reportDirectory)
        do throws(ReportWriteError) {
            for group in groups {
                commits.append(try ReportCommit.begin(in: group.directory, keepsManifest: group.isReport, inputs: inputs))
                for (name, file) in group.files {
                    try commits[commits.count - 1].stage(name) { sink throws(ReportWriteError) in try file.write(to: sink) }
                }
            }
            for commit in commits { try commit.seal() }
        } catch {
            for commit in commits { commit.discard() }
            throw error
        }
        do throws(ReportWriteError) {
            for commit in commits { try commit.rollForward() }
        } catch {
            for commit in commits.reversed() { commit.rollBack() }
            throw error
        }
        for commit in commits { try commit.finish() }
        return targets.map(\.path)
    }

    /// The targets grouped by the directory committed as one: those inside `reportDirectory`
    /// under it (by their path inside it), every other file under its own directory. Directories
    /// come in the order of their device and inode, the order every run locks them in, so two runs
    /// that write the same directories wait for each other rather than deadlock; two spellings of
    /// one directory make one group.
    private static func groups(
        _ targets: [(path: String, file: ReportFile)], reportDirectory: String?
    ) throws(ReportWriteError) -> [(directory: String, isReport: Bool, files: [(String, ReportFile)])] {
        var groups: [(directory: String, isReport: Bool, files: [(String, ReportFile)])] = []
        var identities: [FileIdentity] = []
        let report = reportDirectory.map { normalized($0.isEmpty ? "." : $0) }
        for target in targets {
            let path = normalized(target.path)
            var directory: String
            var name: String
            var isReport = false
            if let report, let reportDirectory, path.hasPrefix(report == "/" ? "/" : report + "/") {
                directory = reportDirectory.isEmpty ? "." : reportDirectory
                name = String(path.dropFirst(report == "/" ? 1 : report.count + 1))
                isReport = true
            } else {
                (directory, name) = split(target.path)
            }
            try makeDirectories(directory)
            guard let identity = fileIdentity(directory) else {
                throw .cannotCreateDirectory(path: directory, reason: lastErrorReason())
            }
            if let index = identities.firstIndex(of: identity) {
                groups[index].isReport = groups[index].isReport || isReport
                groups[index].files.append((name, target.file))
            } else {
                identities.append(identity)
                groups.append((directory, isReport, [(name, target.file)]))
            }
        }
        return zip(identities, groups).sorted { ($0.0.device, $0.0.inode) < ($1.0.device, $1.0.inode) }.map(\.1)
    }

    /// Throws `outputIsInput` if `path` names one of the input files.
    func checkNotInput(_ path: String) throws(ReportWriteError) {
        guard let output = fileIdentity(path) else { return }
        for input in inputPaths where fileIdentity(input) == output {
            throw .outputIsInput(path: path)
        }
    }

    /// Throws `notARegularFile` unless `path` is a regular file or nothing: a rename would
    /// replace a named pipe, a device or a symbolic link instead of writing to it.
    static func checkReplaceable(_ path: String) throws(ReportWriteError) {
        switch linkKind(path) {
        case .missing, .regularFile: return
        case let kind: throw .notARegularFile(path: path, kind: kind.words)
        }
    }

    /// `path` made absolute and free of `.`, `..` and doubled slashes, for comparing output paths
    /// that may not exist yet.
    static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The directory holding `path` (`.` for a bare file name, `/` for a file at the root) and
    /// the name in it; trailing slashes are ignored. Done by hand because Foundation's
    /// `deletingLastPathComponent` traps on a one-letter name on Linux (`--out f`).
    static func split(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
        var directory = trimmed[..<slash]
        while directory.hasSuffix("/") { directory.removeLast() }
        let name = String(trimmed[trimmed.index(after: slash)...])
        return (directory.isEmpty ? "/" : String(directory), name)
    }

    /// The directory holding `path` (`.` for a bare file name).
    static func parentDirectory(of path: String) -> String { split(path).directory }

    /// Throws what `makeDirectories` would if something other than a directory is in the way of
    /// `directory` or one of its parents; creates nothing, so a run that stops before its commit
    /// leaves no empty directory behind.
    static func checkCreatable(_ directory: String) throws(ReportWriteError) {
        try reach(directory, creating: false)
    }

    /// Creates `directory` and any missing parents; explains what is in the way if it cannot.
    static func makeDirectories(_ directory: String) throws(ReportWriteError) {
        try reach(directory, creating: true)
    }

    /// Walks up from `directory` to the first that exists, throwing if a file is in the way,
    /// and, when `creating`, makes the missing ones on the way back down.
    private static func reach(_ directory: String, creating: Bool) throws(ReportWriteError) {
        switch pathKind(directory) {
        case .directory:
            return
        case .regularFile, .symbolicLink, .special:
            throw .cannotCreateDirectory(path: directory, reason: "a file that is not a directory is already at that path")
        case .missing:
            let parent = parentDirectory(of: directory)
            if parent != directory { try reach(parent, creating: creating) }
            guard creating else { return }
            if mkdir(directory, 0o755) != 0 {
                let reason = lastErrorReason()
                // Another process may have created it meanwhile; that is success.
                guard pathKind(directory) == .directory else {
                    throw .cannotCreateDirectory(path: directory, reason: reason)
                }
            }
        }
    }
}
