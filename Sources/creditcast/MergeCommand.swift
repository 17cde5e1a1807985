import ArgumentParser
import CreditReports
import CreditSharding

/// `creditcast merge`: the reports of a run split with `--shard K/N`, from every shard's output.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the outputs of every shard of a run (--shard K/N) into the reports a single run writes.",
        discussion: """
            Each DIR is the --out directory of one shard of a forecast, watchlist or renew run, \
            holding its creditcast-shard.jsonl. Every shard 1 to N must be given once, all from \
            the same inputs, options and seed. The reports are the single run's, byte for byte, \
            provenance.json included.
            """
    )

    @Argument(help: "The shards' output directories, in any order.")
    var directories: [String]

    @Option(
        help:
            "Directory for the reports (the command's own default when left out: creditcast-report, creditcast-watchlist or creditcast-renew)."
    )
    var out: String?

    @Option(help: "Workspaces (or rows) listed on standard output, 0 to 1,000,000 (the files list all).")
    var limit: Int = 20

    @Option(
        help: "Which workspaces of a merged forecast get a balance chart: top (those report.md details, the 20 most urgent), all, or none."
    )
    var charts: ChartSelection = .top

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give the output directory of every shard") }
        try RunOptions.validateLimit(limit)
    }

    func run() throws {
        try reportingFailures {
            var merged: RunResult
            do {
                var shards: [(directory: String, result: RunResult)] = []
                for directory in directories { shards.append((directory, try ShardFile.read(directory: directory))) }
                merged = try ShardMerge.merge(shards)
            } catch {
                throw CommandFailure(error)
            }
            merged.charts = charts
            let out = out ?? merged.kind.defaultDirectory
            do {
                try merged.writeReports(to: out, inputs: directories.map(ShardFile.path(in:)))
            } catch {
                throw CommandFailure(error, code: CommandFailure.outputFailed)
            }
            if !quiet { print(merged.summary(reportDirectory: out, limit: limit), terminator: "") }
        }
    }
}
