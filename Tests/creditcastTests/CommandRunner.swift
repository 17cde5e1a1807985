import CreditTestSupport
import Foundation

/// Runs the built `creditcast` binary as a user would, capturing what it prints and its exit code.
struct CommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The package's root folder, where the samples are.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test runner sits beside the products it was built with, `creditcast` among them.
    static let executable: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("creditcast")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/creditcast")
    }()

    /// Runs `creditcast` with `arguments` in the package root, with `input` piped to its
    /// standard input when given.
    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let input, let inputPipe {
            // From another thread: a large input would fill the pipe before the output is read.
            let writer = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                writer.closeFile()
            }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh empty folder for one test's files (`TestFiles`, removed when the tests end).
    static func temporaryDirectory() throws -> URL {
        URL(fileURLWithPath: try TestFiles.directory())
    }

    /// Every file below `directory`, by its path relative to it, with its bytes: what tests
    /// compare when they say two runs wrote the same reports.
    static func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        // A missing directory must fail the comparison, not compare as empty.
        guard FileManager.default.fileExists(atPath: directory.path),
            let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(directory.path.count))] = try Data(contentsOf: url)
        }
        return result
    }
}
