import CFileSync
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One directory's share of a report write, made so that a run killed at any moment leaves
/// either the earlier set or the new one: never a mix, and nothing hidden that a later run does
/// not remove.
///
/// The steps are methods of their own so that tests can stop between any two, as `kill -9` would:
///
/// 1. `begin` locks the directory (`flock`, which the kernel releases when a run dies), then
///    repairs what a killed run left: it finishes a commit that had passed its commit point and
///    removes staging directories and the hidden `.tmp`/`.bak` files of earlier versions.
/// 2. `stage` writes each file into the hidden staging directory `.creditcast-staging-…` inside
///    the directory (inside rather than beside it, so every rename stays on one file system even
///    when the directory is a mount point, and `--out .` works).
/// 3. `seal` writes the journal, syncs the file system once for the whole set (not once per
///    file) and renames the staging directory to `.creditcast-commit`: the commit point.
/// 4. `rollForward` moves each file into place and the previous set's other files out, keeping
///    what it replaces under `previous/` so that `rollBack` can restore it if a rename fails.
/// 5. `finish` syncs once more, so the new names are on disk, and removes the commit directory.
final class ReportCommit {
    /// The prefix of a staging directory's name.
    static let stagingPrefix = ".creditcast-staging-"
    /// The name of a committed set that is being moved into place.
    static let commitName = ".creditcast-commit"

    /// The directory the files go into.
    let directory: String
    /// Whether the directory holds a report set, listed in its manifest (`ReportManifest`) and
    /// replaced whole; otherwise only the staged files are replaced (a `--trials-out` elsewhere).
    let keepsManifest: Bool
    /// Files that the run reads: never removed, even when the previous set listed them.
    private let inputs: [FileIdentity]
    /// The open directory, holding the lock.
    private var descriptor: Int32
    /// The staging directory, until `seal` renames it.
    private let staging: String
    /// The staged files' paths inside the directory, in order.
    private(set) var staged: [String] = []
    /// What `rollForward` has done so far, for `rollBack`.
    private var moves: [Move] = []

    private enum Move {
        /// A file moved into place; `existed` if one was replaced, `kept` if that one was kept.
        case put(String, existed: Bool, kept: Bool)
        /// A file of the previous set moved under `previous/`.
        case remove(String)
    }

    private var commitPath: String { directory + "/" + Self.commitName }

    private init(directory: String, keepsManifest: Bool, inputs: [FileIdentity], descriptor: Int32, staging: String) {
        self.directory = directory
        self.keepsManifest = keepsManifest
        self.inputs = inputs
        self.descriptor = descriptor
        self.staging = staging
    }

    /// Creates `directory` if needed, waits for any other run writing it, repairs what a killed
    /// run left there and makes a fresh staging directory.
    static func begin(in directory: String, keepsManifest: Bool, inputs: [FileIdentity]) throws(ReportWriteError) -> ReportCommit {
        try AtomicFileWriter.makeDirectories(directory)
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotCreateDirectory(path: directory, reason: lastErrorReason()) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = lastErrorReason()
                close(descriptor)
                throw .writeFailed(path: directory, reason: reason)
            }
        }
        let staging = directory + "/" + stagingPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let commit = ReportCommit(
            directory: directory, keepsManifest: keepsManifest, inputs: inputs, descriptor: descriptor, staging: staging)
        do throws(ReportWriteError) {
            try commit.repair()
            guard mkdir(staging, 0o755) == 0 else { throw .cannotCreateDirectory(path: staging, reason: lastErrorReason()) }
        } catch {
            commit.release()
            throw error
        }
        return commit
    }

    /// Finishes a commit that a killed run had passed the commit point of, then removes what is
    /// left of staging.
    private func repair() throws(ReportWriteError) {
        if linkKind(commitPath) == .directory {
            if let journal = CommitJournal.read(in: commitPath) {
                try rollForward(journal)
                try syncFileSystem()
            }
            removeTree(commitPath)
            moves = []
        }
        for name in Self.entries(of: directory) {
            let path = directory + "/" + name
            if name.hasPrefix(Self.stagingPrefix) {
                removeTree(path)
            } else if Self.isEarlierTemporary(name) {
                unlink(path)
            } else if keepsManifest, linkKind(path) == .directory {
                // A report's own subdirectories (charts/) held them too; the directory of a file
                // written on its own (`--trials-out /tmp/t.csv`) is not searched any deeper.
                for inner in Self.entries(of: path) where Self.isEarlierTemporary(inner) { unlink(path + "/" + inner) }
            }
        }
    }

    /// Whether `name` is a temporary or backup file of a creditcast before report sets were
    /// staged in a directory: `.report.md.creditcast-1f2e3d.tmp` or `….bak`.
    static func isEarlierTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") || name.hasSuffix(".bak") else { return false }
        let stem = name.dropLast(4)
        guard let marker = stem.range(of: ".creditcast-", options: .backwards) else { return false }
        let hex = stem[marker.upperBound...]
        return marker.lowerBound > stem.index(after: stem.startIndex) && !hex.isEmpty && hex.allSatisfy(\.isHexDigit)
    }

    /// Writes whatever `produce` sends to the sink as the file `name` inside the directory, into
    /// staging. Refuses a destination that is not a regular file, before anything is replaced.
    func stage(_ name: String, _ produce: (FileSink) throws(ReportWriteError) -> Void) throws(ReportWriteError) {
        let target = directory + "/" + name
        // Checked now, so that a file in the way of a chart directory fails before the commit
        // point; made when the file moves in, so a run killed before then leaves no directory.
        try AtomicFileWriter.checkCreatable(AtomicFileWriter.parentDirectory(of: target))
        try AtomicFileWriter.checkReplaceable(target)
        let path = staging + "/new/" + name
        try AtomicFileWriter.makeDirectories(AtomicFileWriter.parentDirectory(of: path))
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw .writeFailed(path: target, reason: lastErrorReason()) }
        do throws(ReportWriteError) {
            let sink = FileSink(descriptor: file, path: target)
            try produce(sink)
            try sink.flush()
        } catch {
            close(file)
            throw error
        }
        // Some file systems (NFS) report a failed write only when the file is closed.
        guard close(file) == 0 else { throw .writeFailed(path: target, reason: lastErrorReason()) }
        staged.append(name)
    }

    /// Stages the manifest (for a report directory), writes the journal, syncs every staged byte
    /// with one sync of the file system and renames staging to the commit directory.
    func seal() throws(ReportWriteError) {
        var remove: [String] = []
        if keepsManifest {
            let kept = Set(staged)
            remove = ReportManifest.read(in: directory).files.filter { name in
                guard !kept.contains(name), let identity = fileIdentity(directory + "/" + name) else { return false }
                return !inputs.contains(identity)
            }
            let manifest = ReportManifest(files: staged).text
            try writeFile(staging + "/new/" + ReportManifest.name, Data(manifest.utf8), reportedAs: directory + "/" + ReportManifest.name)
        }
        let journal = CommitJournal(put: staged, remove: remove)
        try writeFile(staging + "/" + CommitJournal.name, journal.data, reportedAs: directory)
        try syncFileSystem()
        guard rename(staging, commitPath) == 0 else { throw .writeFailed(path: directory, reason: lastErrorReason()) }
    }

    /// Moves the sealed set into place (see `rollForward(_:)`).
    func rollForward() throws(ReportWriteError) {
        guard let journal = CommitJournal.read(in: commitPath) else {
            throw .replaceFailed(path: directory, reason: "the commit journal is missing")
        }
        try rollForward(journal)
    }

    /// Moves each staged file into place, the manifest last, then moves the previous set's files
    /// that the new one lacks under `previous/`. Safe to repeat: a file already moved is skipped,
    /// which is how the next run finishes a commit that a killed run started.
    private func rollForward(_ journal: CommitJournal) throws(ReportWriteError) {
        var puts = journal.put
        if linkKind(commitPath + "/new/" + ReportManifest.name) == .regularFile { puts.append(ReportManifest.name) }
        for name in puts {
            let source = commitPath + "/new/" + name
            let target = directory + "/" + name
            guard linkKind(source) == .regularFile else { continue }
            let existed = linkKind(target) != .missing
            var kept = false
            let previous = commitPath + "/previous/" + name
            if existed, linkKind(previous) == .missing {
                try? AtomicFileWriter.makeDirectories(AtomicFileWriter.parentDirectory(of: previous))
                kept = link(target, previous) == 0
            }
            try AtomicFileWriter.makeDirectories(AtomicFileWriter.parentDirectory(of: target))
            guard rename(source, target) == 0 else { throw .replaceFailed(path: target, reason: lastErrorReason()) }
            moves.append(.put(name, existed: existed, kept: kept))
        }
        for name in journal.remove {
            let target = directory + "/" + name
            guard linkKind(target) == .regularFile else { continue }
            let previous = commitPath + "/previous/" + name
            try AtomicFileWriter.makeDirectories(AtomicFileWriter.parentDirectory(of: previous))
            guard rename(target, previous) == 0 else { throw .replaceFailed(path: target, reason: lastErrorReason()) }
            moves.append(.remove(name))
            // A chart directory the new set no longer uses goes too; one holding anything else stays.
            rmdir(AtomicFileWriter.parentDirectory(of: target))
        }
    }

    /// Undoes what `rollForward` did in this run: replaced files get their earlier contents back,
    /// new ones are removed, removed ones return; then the commit directory goes.
    func rollBack() {
        for move in moves.reversed() {
            switch move {
            case let .put(name, existed, kept):
                let target = directory + "/" + name
                if kept {
                    rename(commitPath + "/previous/" + name, target)
                } else if !existed {
                    unlink(target)
                }
            // A file that existed but could not be kept (a file system without hard links)
            // keeps its new contents: better than leaving nothing there.
            case let .remove(name):
                let target = directory + "/" + name
                try? AtomicFileWriter.makeDirectories(AtomicFileWriter.parentDirectory(of: target))
                rename(commitPath + "/previous/" + name, target)
            }
        }
        moves = []
        removeTree(commitPath)
    }

    /// Makes the new names durable with one more sync and removes the commit directory, with the
    /// earlier files kept in it.
    func finish() throws(ReportWriteError) {
        try syncFileSystem()
        removeTree(commitPath)
        moves = []
    }

    /// Removes the staged files of a write that will not be committed.
    func discard() {
        removeTree(staging)
        if moves.isEmpty { removeTree(commitPath) }
    }

    /// Unlocks the directory. Every run ends with this, committed or not.
    func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    deinit { release() }

    /// Flushes the directory's file system to the disk: one call for every file of the set.
    private func syncFileSystem() throws(ReportWriteError) {
        guard creditcast_sync_file_system(descriptor) == 0 else { throw .writeFailed(path: directory, reason: lastErrorReason()) }
    }

    /// Writes `data` to a new file at `path`; errors name `reportedAs`.
    private func writeFile(_ path: String, _ data: Data, reportedAs: String) throws(ReportWriteError) {
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw .writeFailed(path: reportedAs, reason: lastErrorReason()) }
        let sink = FileSink(descriptor: file, path: reportedAs)
        do throws(ReportWriteError) {
            try sink.write(data)
            try sink.flush()
        } catch {
            close(file)
            throw error
        }
        guard close(file) == 0 else { throw .writeFailed(path: reportedAs, reason: lastErrorReason()) }
    }

    /// The names in `directory`, or none if it cannot be read.
    private static func entries(of directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    /// Removes `path` and everything under it, if it is there.
    private func removeTree(_ path: String) {
        guard linkKind(path) != .missing else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}
