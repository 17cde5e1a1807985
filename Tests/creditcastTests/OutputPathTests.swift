import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where the command's outputs may go: `--trials-out -` streams to standard output; a path that
/// is not a regular file is refused before anything is written; a second run into `--out`
/// replaces the first run's set and keeps the user's own files.
@Suite struct OutputPathTests {
    private let common = ["forecast", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "40", "--horizon", "3"]

    @Test func trialsToStandardOutputAreTheTrialsFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("trials.csv")
        let toFile = try CommandRunner.run(
            common + ["--out", directory.appendingPathComponent("a").path, "--trials-out", file.path, "--quiet"])
        #expect(toFile.status == 0, "\(toFile.standardError)")
        let toStandardOutput = try CommandRunner.run(common + ["--out", directory.appendingPathComponent("b").path, "--trials-out", "-"])
        #expect(toStandardOutput.status == 0, "\(toStandardOutput.standardError)")
        #expect(toStandardOutput.standardError == "")
        // Only the trials: the summary would break the CSV.
        #expect(toStandardOutput.standardOutput == (try String(contentsOf: file, encoding: .utf8)))
        #expect(toStandardOutput.standardOutput.hasPrefix("workspace,trial,"))
        #expect(toStandardOutput.standardOutput.split(separator: "\n").count == 41)
        // No file named "-" and no sidecar: the reports are in --out as usual.
        #expect(!FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent("-").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("b/report.md").path))
    }

    @Test func anOutputThatIsNotARegularFileIsRefusedAndNothingIsWritten() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pipe = directory.appendingPathComponent("trials.fifo").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let cases = [
            ("/dev/stdout", "a symbolic link"), ("/dev/null", "a character device"), (pipe, "a named pipe (FIFO)"),
        ]
        for (path, kind) in cases {
            let out = directory.appendingPathComponent("out")
            let result = try CommandRunner.run(common + ["--out", out.path, "--trials-out", path])
            #expect(result.status == 2)
            #expect(result.standardOutput == "")
            #expect(
                result.standardError
                    == "creditcast: will not write \(path): it is \(kind), not a regular file, and creditcast replaces its output files whole rather than writing into one; choose a path that is a regular file or does not exist yet\n"
            )
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        #expect(fileType(pipe) == S_IFIFO)
    }

    @Test func aWatchlistAfterAForecastReplacesItsFilesAndKeepsTheUsersOwn() throws {
        let out = try CommandRunner.temporaryDirectory()
        try "mine\n".write(to: out.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let forecast = try CommandRunner.run(common + ["--out", out.path, "--quiet"])
        #expect(forecast.status == 0, "\(forecast.standardError)")
        let watchlist = try CommandRunner.run([
            "watchlist", "--usage", "samples/team-usage.csv", "--plan", "growth", "--trials", "40", "--out", out.path, "--quiet",
        ])
        #expect(watchlist.status == 0, "\(watchlist.standardError)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                ".creditcast-manifest", "notes.txt", "provenance.json", "watchlist.csv", "watchlist.html", "watchlist.md",
            ])
    }

    /// The file type bits of what is at `path`, not following a symbolic link.
    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }
}
