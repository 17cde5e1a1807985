#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StableHash {
    /// Mixes in the bytes of the file at `path` (and its length, so that two files back to back
    /// hash apart from one file holding both); `false` when the file cannot be read.
    @discardableResult
    public mutating func combine(fileAt path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var length = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            length += count
            combine(buffer[..<count])
        }
        combine(String(length))
        return ferror(file) == 0
    }
}
