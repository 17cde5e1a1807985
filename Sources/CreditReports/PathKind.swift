/// What is at a path, as far as writing a file there is concerned.
enum PathKind: Equatable {
    /// Nothing (or, when links are followed, a dangling symbolic link).
    case missing
    /// A directory.
    case directory
    /// A regular file, which a rename replaces whole.
    case regularFile
    /// A symbolic link (only when links are not followed).
    case symbolicLink
    /// A named pipe, a device or a socket: renaming a file over it would not write to it.
    case special(String)

    /// The kind in words, for a message (`a named pipe (FIFO)`).
    var words: String {
        switch self {
        case .missing: "nothing"
        case .directory: "a directory"
        case .regularFile: "a regular file"
        case .symbolicLink: "a symbolic link"
        case let .special(words): words
        }
    }
}
