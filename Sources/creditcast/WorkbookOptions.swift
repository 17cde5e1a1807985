import ArgumentParser
import CreditReports
import CreditSharding
import CreditWorkbook

/// `--xlsx FILE`, for the commands whose reports can also be one Excel workbook (forecast,
/// watchlist, renew): written with the report directory, all or nothing.
struct WorkbookOptions: ParsableArguments {
    @Option(
        name: .customLong("xlsx"),
        help: ArgumentHelp(
            "Also write the reports as one Excel workbook at FILE: numbers as numbers with their formats, frozen headers, filters, and a balance chart per workspace report.md details (at most 1,048,575 rows a sheet).",
            valueName: "FILE"
        ))
    var path: String?

    /// Refuses `--xlsx` with `--shard`: the workbook restates the reports, which only
    /// `creditcast merge` writes for a sharded run.
    func validate(with sharding: ShardOptions) throws {
        if sharding.shard != nil, path != nil { throw ValidationError("--xlsx cannot be combined with --shard") }
    }

    /// The workbook of `reports` with the path it goes to, when `--xlsx` was given.
    func target(for reports: RunReports) throws -> (path: String, file: ReportFile)? {
        guard let path else { return nil }
        do {
            return (path, try reports.workbook().file(at: path))
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
    }
}
