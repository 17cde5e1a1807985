import CreditTestSupport
import Foundation
import Testing

@testable import CreditReports

#if canImport(Glibc)
import Glibc
#endif

/// A report set is committed whole: a later run replaces the earlier set's files, a run killed at
/// any step is finished or undone by the next, and nothing creditcast did not write is removed.
@Suite struct ReportCommitTests {
    /// A report set of `names`, each file holding `tag` and its name.
    private func set(_ tag: String, _ names: [String]) -> ReportSet {
        ReportSet(files: names.map { ReportFile(path: $0, text: "\(tag) \($0)\n") })
    }

    private let first = ["charts/acme-1.svg", "charts/beta-2.svg", "forecast.csv", "sensitivity.csv", "report.md"]
    private let second = ["charts/acme-1.svg", "forecast.csv", "renew.csv", "report.md"]

    /// Every file under `directory` (hidden ones too), with its contents.
    private func contents(_ directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? "<directory>" : try Fixtures.read(directory + "/" + name)
        }
        return files
    }

    /// What `directory` holds after `set(tag, names)` was committed into it, around `extra`.
    private func committed(_ tag: String, _ names: [String], extra: [String: String] = [:]) -> [String: String] {
        var files = extra
        for name in names { files[name] = "\(tag) \(name)\n" }
        files["charts"] = "<directory>"
        files[".creditcast-manifest"] = ReportManifest(files: names).text
        return files
    }

    @Test func aLaterSetReplacesTheEarlierOneWholeAndKeepsWhatCreditcastDidNotWrite() throws {
        let directory = try TestFiles.directory()
        let mine = ["notes.txt": "the user's own\n", "charts/legend.txt": "also the user's\n"]
        try FileManager.default.createDirectory(atPath: directory + "/charts", withIntermediateDirectories: true)
        for (name, text) in mine { try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8) }
        try set("one", first).write(to: directory)
        #expect(try contents(directory) == committed("one", first, extra: mine))
        try set("two", second).write(to: directory)
        // beta's chart and sensitivity.csv were the first run's; the user's files stay.
        #expect(try contents(directory) == committed("two", second, extra: mine))
    }

    @Test func aChartDirectoryTheNewSetNoLongerUsesIsRemoved() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        try set("two", ["forecast.csv"]).write(to: directory)
        var expected = committed("two", ["forecast.csv"])
        expected["charts"] = nil
        #expect(try contents(directory) == expected)
    }

    @Test func anInputListedByTheEarlierSetIsNeverRemoved() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        try set("two", second).write(to: directory, inputPaths: [directory + "/sensitivity.csv"])
        #expect(try contents(directory) == committed("two", second, extra: ["sensitivity.csv": "one sensitivity.csv\n"]))
    }

    @Test func aRunKilledWhileStagingLeavesTheEarlierSetAndTheNextRunRemovesItsStaging() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        // Killed after staging two files: the staging directory stays, the lock goes with the process.
        let killed = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        try killed.stage("forecast.csv") { sink throws(ReportWriteError) in try sink.write("two forecast.csv\n") }
        try killed.stage("renew.csv") { sink throws(ReportWriteError) in try sink.write("two renew.csv\n") }
        try killed.stage("charts/gamma-3.svg") { sink throws(ReportWriteError) in try sink.write("two chart\n") }
        killed.release()
        let left = try contents(directory).keys.filter { $0.hasPrefix(".creditcast-staging-") && !$0.contains("/") }
        #expect(left.count == 1)
        #expect(try contents(directory).filter { !$0.key.hasPrefix(".creditcast-staging-") } == committed("one", first))
        try set("three", second).write(to: directory)
        #expect(try contents(directory) == committed("three", second))
    }

    @Test func aRunKilledWhileStagingLeavesNoNewDirectory() throws {
        let directory = try TestFiles.directory()
        try set("one", ["forecast.csv"]).write(to: directory)
        let killed = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        try killed.stage("charts/acme-1.svg") { sink throws(ReportWriteError) in try sink.write("two chart\n") }
        killed.release()
        #expect(!FileManager.default.fileExists(atPath: directory + "/charts"))
        try set("three", ["report.md"]).write(to: directory)
        var expected = committed("three", ["report.md"])
        expected["charts"] = nil
        #expect(try contents(directory) == expected)
    }

    @Test func aRunKilledHalfWayThroughItsCommitIsFinishedByTheNextRun() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        let killed = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        for name in second {
            try killed.stage(name) { sink throws(ReportWriteError) in try sink.write("two \(name)\n") }
        }
        try killed.seal()
        // Killed after moving two files into place, as rollForward does: old and new side by side.
        for name in ["forecast.csv", "renew.csv"] {
            #expect(rename(directory + "/.creditcast-commit/new/" + name, directory + "/" + name) == 0)
        }
        killed.release()
        #expect(try Fixtures.read(directory + "/forecast.csv") == "two forecast.csv\n")
        #expect(try Fixtures.read(directory + "/sensitivity.csv") == "one sensitivity.csv\n")
        // The next run into the directory first finishes the killed commit...
        let next = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        var expected = committed("two", second)
        let staging = try contents(directory).keys.filter { $0.hasPrefix(".creditcast-staging-") }
        #expect(staging.count == 1)
        for name in staging { expected[name] = "<directory>" }
        #expect(try contents(directory) == expected)
        next.discard()
        next.release()
        #expect(try contents(directory) == committed("two", second))
    }

    @Test func aRunKilledAfterItsLastRenameIsTidiedByTheNextRun() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        let killed = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        for name in second {
            try killed.stage(name) { sink throws(ReportWriteError) in try sink.write("two \(name)\n") }
        }
        try killed.seal()
        try killed.rollForward()
        killed.release()
        #expect(FileManager.default.fileExists(atPath: directory + "/.creditcast-commit/previous/sensitivity.csv"))
        try set("three", first).write(to: directory)
        #expect(try contents(directory) == committed("three", first))
    }

    @Test func aRenameThatFailsPutsBackTheEarlierSet() throws {
        let directory = try TestFiles.directory()
        try set("one", first).write(to: directory)
        let commit = try ReportCommit.begin(in: directory, keepsManifest: true, inputs: [])
        for name in second {
            try commit.stage(name) { sink throws(ReportWriteError) in try sink.write("two \(name)\n") }
        }
        try commit.seal()
        // Between staging and the rename something puts a non-empty directory at report.md.
        try FileManager.default.removeItem(atPath: directory + "/report.md")
        try FileManager.default.createDirectory(atPath: directory + "/report.md/keep", withIntermediateDirectories: true)
        var reported: ReportWriteError?
        do { try commit.rollForward() } catch { reported = error }
        guard case let .replaceFailed(path, _) = reported else {
            Issue.record("expected replaceFailed, got \(String(describing: reported))")
            return
        }
        #expect(path == directory + "/report.md")
        commit.rollBack()
        commit.release()
        var expected = committed("one", first)
        expected["report.md"] = "<directory>"
        expected["report.md/keep"] = "<directory>"
        #expect(try contents(directory) == expected)
    }

    @Test func hiddenFilesOfEarlierVersionsAreRemovedAndNoOthers() throws {
        let directory = try TestFiles.directory()
        try FileManager.default.createDirectory(atPath: directory + "/charts", withIntermediateDirectories: true)
        let leftovers = [".report.md.creditcast-1f2e3d4c5b6a7988.tmp", "charts/.acme-1.svg.creditcast-ab12.bak"]
        let kept = [".creditcast-notes.tmp": "x\n", ".profile": "y\n", "charts/.x.creditcast-zz.tmp": "z\n"]
        for name in leftovers { try "old\n".write(toFile: directory + "/" + name, atomically: false, encoding: .utf8) }
        for (name, text) in kept { try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8) }
        try set("one", first).write(to: directory)
        #expect(try contents(directory) == committed("one", first, extra: kept))
    }

    @Test func anEditedManifestCannotReachOutsideTheDirectory() throws {
        let parent = try TestFiles.directory()
        let directory = parent + "/out"
        try set("one", ["forecast.csv"]).write(to: directory)
        try "keep\n".write(toFile: parent + "/precious.csv", atomically: false, encoding: .utf8)
        let edited = ReportManifest(files: ["forecast.csv", "../precious.csv", "/etc/hostname", ".creditcast-manifest", "./x"]).text
        try edited.write(toFile: directory + "/.creditcast-manifest", atomically: false, encoding: .utf8)
        #expect(ReportManifest.read(in: directory) == ReportManifest(files: ["forecast.csv"]))
        try set("two", ["report.md"]).write(to: directory)
        #expect(try Fixtures.read(parent + "/precious.csv") == "keep\n")
        var expected = committed("two", ["report.md"])
        expected["charts"] = nil
        #expect(try contents(directory) == expected)
    }

    @Test(arguments: [
        (".report.md.creditcast-1f2e.tmp", true), (".a.creditcast-00.bak", true), (".creditcast-1f.tmp", false),
        (".a.creditcast-.tmp", false), (".a.creditcast-xyz.tmp", false), ("a.creditcast-1f.tmp", false), (".a.creditcast-1f.txt", false),
    ])
    func earlierTemporariesAreRecognisedByTheirExactShape(name: String, isTemporary: Bool) {
        #expect(ReportCommit.isEarlierTemporary(name) == isTemporary)
    }
}
