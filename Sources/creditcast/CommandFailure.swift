import ArgumentParser
import Foundation

/// A failure the user can act on: its lines go to standard error, then the process exits with
/// the code that says what kind of failure it was.
struct CommandFailure: Error {
    /// The exit code for bad input files.
    static let badInput: Int32 = 1
    /// The exit code for outputs that could not be written.
    static let outputFailed: Int32 = 2

    var lines: [String]
    var code: Int32

    init(_ lines: [String], code: Int32 = CommandFailure.badInput) {
        self.lines = lines
        self.code = code
    }

    /// A failure whose lines are the error's message as the command words it (`FlagWording`),
    /// one per line: an import error describes every problem of a file on a line of its own.
    init(_ error: some Error, code: Int32 = CommandFailure.badInput) {
        self.init(FlagWording.message(error).split(separator: "\n").map(String.init), code: code)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into its lines on standard error and its exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            for line in failure.lines { Terminal.standardError.write("creditcast: \(line)\n") }
            throw ExitCode(failure.code)
        }
    }
}

/// Where the command writes for people.
enum Terminal {
    /// Standard error, unbuffered.
    static let standardError = FileHandle.standardError

    /// Whether standard output is a terminal (tables for people) or a pipe (CSV for programs).
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal, where a progress bar may be drawn.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

extension FileHandle {
    func write(_ text: String) {
        write(Data(text.utf8))
    }
}
