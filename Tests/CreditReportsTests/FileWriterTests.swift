import CreditTestSupport
import Foundation
import Testing

@testable import CreditReports

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileWriterTests {
    /// A directory holding an earlier report, and that report's files.
    private func earlierReport() throws -> (directory: String, files: [String: String]) {
        let directory = try TestFiles.directory()
        let files = ["forecast.csv": "old forecast\n", "summary.csv": "old summary\n", "report.md": "old report\n"]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8) }
        return (directory, files)
    }

    private func expectUntouched(_ earlier: (directory: String, files: [String: String])) throws {
        for (name, text) in earlier.files {
            #expect(try Fixtures.read(earlier.directory + "/" + name) == text, "\(name) was changed")
        }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: earlier.directory).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "temporary files left: \(hidden)")
    }

    @Test func writesAtomicallyAndCreatesDirectories() throws {
        let path = try TestFiles.directory() + "/a/b/c.txt"
        try AtomicFileWriter().write("one\n", to: path)
        try AtomicFileWriter().write("two\n", to: path)
        #expect(try Fixtures.read(path) == "two\n")
        // A file written on its own (no report directory) keeps no manifest.
        #expect(try FileManager.default.contentsOfDirectory(atPath: AtomicFileWriter.parentDirectory(of: path)) == ["c.txt"])
    }

    /// Foundation's `deletingLastPathComponent` trapped on `f` (a report directory named with
    /// one letter): the split is the writer's own.
    @Test(arguments: [
        ("f", ".", "f"), ("report.md", ".", "report.md"), ("f/report.md", "f", "report.md"), ("a//b/", "a", "b"),
        ("/f", "/", "f"), ("/a/b/c.txt", "/a/b", "c.txt"), ("./f", ".", "f"),
    ])
    func splitsAPathIntoItsDirectoryAndName(path: String, directory: String, name: String) {
        let split = AtomicFileWriter.split(path)
        #expect(split.directory == directory)
        #expect(split.name == name)
    }

    @Test func refusesToWriteAnInputFileHoweverItIsSpelled() throws {
        let directory = try TestFiles.directory()
        let input = directory + "/usage.csv"
        try "month,credits\n".write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: input)
        let writer = AtomicFileWriter(inputPaths: [input])
        for spelling in [input, directory + "/./usage.csv", directory + "/link.csv"] {
            #expect(throws: ReportWriteError.outputIsInput(path: spelling)) { try writer.write("x", to: spelling) }
        }
        #expect(try Fixtures.read(input) == "month,credits\n")
    }

    @Test func aReportThatWouldOverwriteAnInputWritesNothing() throws {
        let earlier = try earlierReport()
        let input = earlier.directory + "/summary.csv"
        #expect(throws: ReportWriteError.outputIsInput(path: input)) {
            try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions).write(to: earlier.directory, inputs: [input])
        }
        try expectUntouched(earlier)
        #expect(!FileManager.default.fileExists(atPath: earlier.directory + "/charts"))
    }

    @Test func anUncreatableChartDirectoryLeavesTheEarlierReportWhole() throws {
        let earlier = try earlierReport()
        // A file where the charts directory should go: no directory can be created there, even as root.
        try "not a directory".write(toFile: earlier.directory + "/charts", atomically: false, encoding: .utf8)
        #expect(
            throws: ReportWriteError.cannotCreateDirectory(
                path: earlier.directory + "/charts", reason: "a file that is not a directory is already at that path"
            )
        ) {
            try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions).write(to: earlier.directory)
        }
        try expectUntouched(earlier)
    }

    @Test func aDirectoryWhereAReportFileGoesIsRefusedBeforeAnythingIsReplaced() throws {
        let earlier = try earlierReport()
        try FileManager.default.removeItem(atPath: earlier.directory + "/summary.csv")
        try FileManager.default.createDirectory(atPath: earlier.directory + "/summary.csv/keep", withIntermediateDirectories: true)
        #expect(throws: ReportWriteError.notARegularFile(path: earlier.directory + "/summary.csv", kind: "a directory")) {
            try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions).write(to: earlier.directory)
        }
        #expect(try Fixtures.read(earlier.directory + "/forecast.csv") == "old forecast\n")
        #expect(try Fixtures.read(earlier.directory + "/report.md") == "old report\n")
        #expect(!FileManager.default.fileExists(atPath: earlier.directory + "/charts"))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: earlier.directory).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty)
    }

    /// A rename would replace a named pipe, a device or a symbolic link (`/dev/stdout`) with a
    /// regular file instead of writing to it: each is refused before anything is written.
    @Test func anOutputThatIsNotARegularFileIsRefused() throws {
        let directory = try TestFiles.directory()
        let pipe = directory + "/trials.csv"
        #expect(mkfifo(pipe, 0o644) == 0)
        let link = directory + "/linked.csv"
        try "kept\n".write(toFile: directory + "/real.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/real.csv")
        let cases = [(pipe, "a named pipe (FIFO)"), (link, "a symbolic link"), ("/dev/null", "a character device")]
        for (path, kind) in cases {
            #expect(throws: ReportWriteError.notARegularFile(path: path, kind: kind)) {
                try ForecastReports(run: Fixtures.run(), assumptions: Fixtures.assumptions).write(to: directory + "/out", trialsFile: path)
            }
        }
        #expect(try Fixtures.read(directory + "/real.csv") == "kept\n")
        #expect(linkKind(pipe) == .special("a named pipe (FIFO)"))
        #expect(linkKind(link) == .symbolicLink)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        #expect(
            ReportWriteError.notARegularFile(path: "/dev/stdout", kind: "a symbolic link").description
                == "will not write /dev/stdout: it is a symbolic link, not a regular file, and creditcast replaces its output files whole rather than writing into one; choose a path that is a regular file or does not exist yet"
        )
    }

    @Test func aFullDiskIsReportedInWordsAUserCanActOn() throws {
        #if os(Linux)
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let sink = FileSink(descriptor: descriptor, path: "out/report.md")
        #expect(throws: ReportWriteError.writeFailed(path: "out/report.md", reason: "No space left on device")) {
            try sink.write("x")
            try sink.flush()
        }
        #endif
        let message = ReportWriteError.writeFailed(path: "out/report.md", reason: "No space left on device").description
        #expect(
            message
                == "cannot write out/report.md: No space left on device; free some disk space or choose another output location (no earlier file was replaced)"
        )
    }

    @Test func errorMessagesNameThePathAndTheRemedy() {
        #expect(
            ReportWriteError.outputIsInput(path: "usage.csv").description
                == "will not write usage.csv: it is one of the input files; choose a different output path so the input is kept")
        #expect(
            ReportWriteError.cannotCreateDirectory(path: "/ro/out", reason: "Permission denied").description
                == "cannot create directory /ro/out: Permission denied; choose another output directory or fix the permissions of its parent"
        )
    }

    @Test func largeStreamedFilesArriveWhole() throws {
        let path = try TestFiles.directory() + "/big.csv"
        let line = String(repeating: "x", count: 999) + "\n"
        try AtomicFileWriter().write(to: path) { sink throws(ReportWriteError) in
            for _ in 0..<300 { try sink.write(line) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 300_000)
    }
}
