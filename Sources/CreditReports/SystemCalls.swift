#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers over the POSIX calls the file writer needs. The writer uses the system calls
// directly rather than `FileManager` because it needs `errno` for actionable messages (a full
// disk reads "No space left on device"), `O_EXCL` for staged files, `link` for backups, `lstat`
// to refuse what is not a regular file and `flock` to keep two runs out of one directory.

/// The system's words for the last failed call (`No space left on device`).
func lastErrorReason() -> String {
    String(cString: strerror(errno))
}

/// `write(2)` from outside any type that has a `write` method of its own.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// The kind of thing at `path`, following symbolic links as opening it would.
func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return PathKind(mode: info.st_mode)
}

/// The kind of thing at `path` itself: a symbolic link is reported as one, not followed.
func linkKind(_ path: String) -> PathKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    return PathKind(mode: info.st_mode)
}

extension PathKind {
    /// The kind a `stat` mode describes.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .directory
        case S_IFREG: self = .regularFile
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .special("a named pipe (FIFO)")
        case S_IFCHR: self = .special("a character device")
        case S_IFBLK: self = .special("a block device")
        case S_IFSOCK: self = .special("a socket")
        default: self = .special("not a regular file")
        }
    }
}

/// The device and inode of `path`, or `nil` if it does not exist: two paths name the same file
/// exactly when these match, whatever their spelling, symbolic links or hard links.
func fileIdentity(_ path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
}
