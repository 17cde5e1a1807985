/// Why a report could not be written, in words that tell the user what to do.
///
/// Whatever the case, nothing of the report that failed has replaced an earlier file: see
/// `AtomicFileWriter`.
public enum ReportWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output directory (or one of its parents) could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// An output path names one of the input files; writing it would destroy the input.
    case outputIsInput(path: String)
    /// Writing a file's bytes failed (a full disk, a read-only file system, a quota).
    case writeFailed(path: String, reason: String)
    /// Moving a finished file into place failed; the files already moved were put back.
    case replaceFailed(path: String, reason: String)
    /// Two of the run's outputs would be written to the same path.
    case sameOutputTwice(path: String)
    /// An output path holds something other than a regular file (`kind`, in words: a named
    /// pipe, a device, a symbolic link, a directory), which replacing would not write to.
    case notARegularFile(path: String, kind: String)

    /// The message for the user: what failed, why, and what to do about it.
    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "cannot create directory \(path): \(reason); choose another output directory or fix the permissions of its parent"
        case let .outputIsInput(path):
            return "will not write \(path): it is one of the input files; choose a different output path so the input is kept"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason); free some disk space or choose another output location (no earlier file was replaced)"
        case let .replaceFailed(path, reason):
            return
                "cannot put \(path) in place: \(reason); move what is at that path out of the way and run again (earlier files were left as they were)"
        case let .sameOutputTwice(path):
            return "two outputs would both be written to \(path); give one of them a different path"
        case let .notARegularFile(path, kind):
            return
                "will not write \(path): it is \(kind), not a regular file, and creditcast replaces its output files whole rather than writing into one; choose a path that is a regular file or does not exist yet"
        }
    }
}
