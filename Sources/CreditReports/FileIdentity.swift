/// A file's identity on this machine.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64
}
