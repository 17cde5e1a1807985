/// What is at a path, as far as writing a file there is concerned.
enum PathKind: Equatable {
    /// Nothing (or a dangling symbolic link).
    case missing
    /// A directory, which a file cannot replace.
    case directory
    /// A regular file or anything else a rename can replace.
    case other
}
