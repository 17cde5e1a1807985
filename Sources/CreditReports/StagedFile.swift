/// A file written to a temporary name beside its destination, waiting for
/// `AtomicFileWriter.commit` to move it into place (or `discard` to remove it).
struct StagedFile: Sendable, Equatable {
    /// Where the file goes.
    let path: String
    /// Where its bytes are now.
    let temporaryPath: String
}
