import Foundation

/// Runs a program the tests check output with (LibreOffice, python3) and returns what it printed.
public enum ExternalCommand {
    /// A program that failed, with what it printed on standard error.
    public struct Failure: Error, CustomStringConvertible {
        public var command: String
        public var status: Int32
        public var errors: String
        public var description: String { "\(command) exited with \(status): \(errors)" }
    }

    /// Runs `executable` with `arguments` and returns its standard output; throws when it fails.
    public static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard output first: the programs checked here print little on standard error.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                errors: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `name` on the `PATH`, `nil` where it is not installed.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
