#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// New, empty files in the temporary directory, each with a name no other process has, for the
/// places that need bytes on disk for a while: a converted input, `forecast.csv`'s spooled rows,
/// the workbook libxlsxwriter can only write to a named file.
package enum TemporaryFile {
    /// Why a temporary file could not be made.
    package struct Failure: Error {
        /// The directory it was to be made in.
        package var directory: String
        /// The system's reason (`strerror`).
        package var reason: String
    }

    /// The temporary directory: `TMPDIR` when set and not empty, `/tmp` otherwise, without a
    /// trailing slash.
    package static var directory: String {
        var directory = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        return directory.isEmpty ? "/tmp" : directory
    }

    /// Makes `directory/prefix-XXXXXX` (`mkstemp`: a unique name, readable and writable by the
    /// user alone) and returns its path and a descriptor open for reading and writing.
    package static func create(prefix: String) throws(Failure) -> (path: String, descriptor: Int32) {
        let directory = directory
        var template = Array("\(directory)/\(prefix)-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(directory: directory, reason: String(cString: strerror(errno))) }
        return (template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, descriptor)
    }
}
