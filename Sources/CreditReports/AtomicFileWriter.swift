import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one, and a failed run never leaves half a
/// report: the one file writer every report goes through.
///
/// Writing is two steps. `stage` writes the bytes to a temporary file in the destination's own
/// directory (creating the directory if needed) and syncs it; only a rename within one
/// directory is atomic, which is why the temporary file is not in `/tmp`. `commit` then renames
/// every staged file into place. Before a rename replaces an existing file, that file is kept
/// under a hard-linked backup name, so if a later rename fails the files already replaced are
/// put back and the directory holds exactly the earlier report again. A full disk or an
/// unwritable directory fails during staging, before anything is replaced.
///
/// Paths are checked against `inputPaths` by device and inode, so `./usage.csv`, an absolute
/// spelling, a symbolic link or a hard link to an input are all refused.
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
    func write(to path: String, _ produce: (FileSink) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        let staged = try stage(to: path, produce)
        try commit([staged])
    }

    /// Throws `outputIsInput` if `path` names one of the input files.
    func checkNotInput(_ path: String) throws(ReportWriteError) {
        guard let output = fileIdentity(path) else { return }
        for input in inputPaths where fileIdentity(input) == output {
            throw .outputIsInput(path: path)
        }
    }

    /// Writes the bytes `produce` sends into a temporary file beside `path`, ready for `commit`.
    /// On failure nothing is left behind.
    func stage(to path: String, _ produce: (FileSink) throws(ReportWriteError) -> Void) throws(ReportWriteError) -> StagedFile {
        try checkNotInput(path)
        try Self.makeDirectories(Self.parentDirectory(of: path))
        let (descriptor, temporary) = try Self.openTemporary(beside: path, kind: "tmp")
        do throws(ReportWriteError) {
            let sink = FileSink(descriptor: descriptor, path: path)
            try produce(sink)
            try sink.flush()
            // Sync before the rename: otherwise a crash could leave the new name on empty bytes.
            guard fsync(descriptor) == 0 else { throw .writeFailed(path: path, reason: lastErrorReason()) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // Some file systems (NFS) report a failed write only when the file is closed.
        guard close(descriptor) == 0 else {
            let reason = lastErrorReason()
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
        return StagedFile(path: path, temporaryPath: temporary)
    }

    /// Renames every staged file into place, in order. If one rename fails, the files already
    /// replaced get their earlier contents back (new ones are removed), the remaining temporary
    /// files are removed, and `replaceFailed` names the file that could not be put in place.
    func commit(_ staged: [StagedFile]) throws(ReportWriteError) {
        var done: [(file: StagedFile, existed: Bool, backup: String?)] = []
        for (index, file) in staged.enumerated() {
            let existed = pathKind(file.path) != .missing
            var backup: String?
            if existed, let name = try? Self.temporaryName(beside: file.path, kind: "bak"), link(file.path, name) == 0 {
                backup = name
            }
            if rename(file.temporaryPath, file.path) != 0 {
                let reason = lastErrorReason()
                if let backup { unlink(backup) }
                for earlier in done.reversed() {
                    if let backup = earlier.backup {
                        rename(backup, earlier.file.path)
                    } else if !earlier.existed {
                        unlink(earlier.file.path)
                    }
                    // A file that existed but could not be backed up (a file system without
                    // hard links) keeps its new contents: better than leaving nothing there.
                }
                discard(Array(staged[index...]))
                throw .replaceFailed(path: file.path, reason: reason)
            }
            done.append((file, existed, backup))
        }
        for case let (_, _, backup?) in done { unlink(backup) }
    }

    /// Removes staged files that will not be committed.
    func discard(_ staged: [StagedFile]) {
        for file in staged { unlink(file.temporaryPath) }
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

    /// Creates `directory` and any missing parents; explains what is in the way if it cannot.
    static func makeDirectories(_ directory: String) throws(ReportWriteError) {
        switch pathKind(directory) {
        case .directory:
            return
        case .other:
            throw .cannotCreateDirectory(path: directory, reason: "a file that is not a directory is already at that path")
        case .missing:
            let parent = parentDirectory(of: directory)
            if parent != directory { try makeDirectories(parent) }
            if mkdir(directory, 0o755) != 0 {
                let reason = lastErrorReason()
                // Another process may have created it meanwhile; that is success.
                guard pathKind(directory) == .directory else {
                    throw .cannotCreateDirectory(path: directory, reason: reason)
                }
            }
        }
    }

    /// A hidden name in `path`'s directory that no file has yet: `.report.md.creditcast-1f2e….tmp`.
    private static func temporaryName(beside path: String, kind: String) throws(ReportWriteError) -> String {
        let (directory, base) = split(path)
        for _ in 0..<16 {
            let name = "\(directory)/.\(base).creditcast-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).\(kind)"
            if pathKind(name) == .missing { return name }
        }
        throw .writeFailed(path: path, reason: "no free temporary file name in \(directory)")
    }

    /// Creates and opens a new temporary file beside `path`.
    private static func openTemporary(beside path: String, kind: String) throws(ReportWriteError) -> (Int32, String) {
        for _ in 0..<16 {
            let name = try temporaryName(beside: path, kind: kind)
            let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (descriptor, name) }
            if errno != EEXIST { throw .writeFailed(path: path, reason: lastErrorReason()) }
        }
        throw .writeFailed(path: path, reason: "no free temporary file name in \(parentDirectory(of: path))")
    }
}
