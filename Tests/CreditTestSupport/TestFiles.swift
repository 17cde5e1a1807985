import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the tests write their files: one directory per test process in the system's temporary
/// directory, removed with everything in it when the process exits.
///
/// A run of the suite writes thousands of files (the importer's tests alone a few thousand usage
/// files); written here, none outlives the run. A run that crashed or was killed cannot remove
/// its directory, so the next run removes every such directory whose process is gone.
public enum TestFiles {
    /// What each process's directory is named, before its process id.
    static let prefix = "creditcast-test-run-"

    /// This process's directory, made on first use, its removal at exit arranged.
    static let root: String = {
        let base = FileManager.default.temporaryDirectory.path
        removeAbandoned(in: base)
        let root = base + "/" + prefix + String(getpid())
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFiles.root) }
        return root
    }()

    /// A new, empty directory for one test's files.
    public static func directory() throws -> String {
        let path = root + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    /// Removes the directories in `base` of test processes that are gone: a process id no
    /// process has (a live run's, or another user's, stays), or this process's own id, which a
    /// process that is gone had before it.
    private static func removeAbandoned(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let process = pid_t(name.dropFirst(prefix.count)) else { continue }
            if process == getpid() || (kill(process, 0) == -1 && errno == ESRCH) {
                try? FileManager.default.removeItem(atPath: base + "/" + name)
            }
        }
    }
}
