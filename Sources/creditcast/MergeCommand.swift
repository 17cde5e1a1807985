import ArgumentParser
import CreditReports
import CreditSharding
import Foundation

/// `creditcast merge`: the reports of a run split with `--shard K/N`, from every shard's output;
/// or, with `--partial`, one shard file of several shards, for a tree merge.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the outputs of every shard of a run (--shard K/N) into the reports a single run writes.",
        discussion: """
            Each DIR is the --out directory of one shard of a forecast, watchlist or renew run, \
            holding its creditcast-shard.jsonl (or of a merge with --partial). Every shard 1 to N \
            must be given once, all from the same inputs, options and seed. The reports are the \
            single run's, byte for byte, provenance.json included. The files are read a \
            workspace at a time in portfolio order, each to its checksum, before anything is \
            written. For thousands of shards, merge them in groups with --partial, then merge \
            the groups' directories.
            """
    )

    @Argument(help: "The shards' output directories, in any order.")
    var directories: [String]

    @Option(
        help:
            "Directory for the reports (the command's own default when left out: creditcast-report, creditcast-watchlist or creditcast-renew)."
    )
    var out: String?

    @Flag(
        help:
            "Write one creditcast-shard.jsonl holding the given shards to --out instead of the reports, for a later merge (a tree merge); the shards need not be all of N."
    )
    var partial = false

    @Option(help: "Workspaces (or rows) listed on standard output, 0 to 1,000,000 (the files list all).")
    var limit: Int = 20

    @Option(
        help: "Which workspaces of a merged forecast get a balance chart: top (those report.md details, the 20 most urgent), all, or none."
    )
    var charts: ChartSelection = .top

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    /// Files the process keeps open besides the shard files (standard streams, the staged
    /// output, libraries).
    static let reservedFiles = 32

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give the output directory of every shard") }
        if partial, out == nil { throw ValidationError("--partial needs --out, the directory for the merged shard file") }
        try RunOptions.validateLimit(limit)
        let most = Self.openFileLimit() - Self.reservedFiles
        guard directories.count <= most else {
            throw ValidationError(
                "merge reads every shard file at once and this machine lets it open \(most.groupedThousands) (ulimit -n); "
                    + "merge the \(directories.count.groupedThousands) directories in groups of at most \(most.groupedThousands) with --partial, then merge the groups"
            )
        }
    }

    /// How many files the process may open, after raising its soft limit to the hard one.
    static func openFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    func run() throws {
        try reportingFailures {
            let readers: [ShardFileReader]
            do { readers = try directories.map { directory throws(MergeError) in try ShardFileReader(directory: directory) } } catch {
                throw CommandFailure(error)
            }
            let inputs = directories.map(ShardFile.path(in:))
            if partial, let out {
                try writePartial(readers, to: out, inputs: inputs)
                return
            }
            let merged: RunResult
            do throws(MergeError) { merged = try ShardMerge.merge(readers, charts: charts) } catch {
                if case .writeFailed = error { throw CommandFailure(error, code: CommandFailure.outputFailed) }
                throw CommandFailure(error)
            }
            let out = out ?? merged.kind.defaultDirectory
            let reports = RunReports(merged)
            do {
                try reports.write(to: out, inputs: inputs)
            } catch {
                throw CommandFailure(error, code: CommandFailure.outputFailed)
            }
            if !quiet { print(reports.summary(reportDirectory: out, limit: limit), terminator: "") }
        }
    }

    /// Writes the partial merge of `readers` into `directory`; a damaged shard file is reported
    /// as such, not as a failed write.
    private func writePartial(_ readers: [ShardFileReader], to directory: String, inputs: [String]) throws {
        let merge: (file: ReportFile, shards: ShardSet, failure: MergeFailure)
        do { merge = try ShardMerge.partial(readers) } catch { throw CommandFailure(error) }
        do {
            try ReportSet(files: [merge.file]).write(to: directory, inputPaths: inputs)
        } catch {
            if let failure = merge.failure.error { throw CommandFailure(failure) }
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        if !quiet { print("Shards \(merge.shards) merged into \(ShardFile.path(in: directory)).\n", terminator: "") }
    }
}
