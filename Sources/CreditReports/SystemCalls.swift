#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers over the POSIX calls the file writer needs. The writer uses the system calls
// directly rather than `FileManager` because it needs `errno` for actionable messages (a full
// disk reads "No space left on device"), `O_EXCL` for temporary files and `link` for backups.

/// The system's words for the last failed call (`No space left on device`).
func lastErrorReason() -> String {
    String(cString: strerror(errno))
}

/// `write(2)` from outside any type that has a `write` method of its own.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// The kind of thing at `path` (following symbolic links, as opening it would).
func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
}

/// The device and inode of `path`, or `nil` if it does not exist: two paths name the same file
/// exactly when these match, whatever their spelling, symbolic links or hard links.
func fileIdentity(_ path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
}
