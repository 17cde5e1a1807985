import ArgumentParser
import CreditForecast
import CreditReports
import CreditSharding

/// `--shard K/N`, for the commands that can split a portfolio across machines (forecast,
/// watchlist, renew); `creditcast merge` combines the shards' outputs.
struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Process only shard K of N (K counted from 1): the workspaces whose stable name hash is K-1 modulo N. Writes creditcast-shard.jsonl to --out instead of the reports; combine every shard's directory with `creditcast merge`.",
            valueName: "K/N"
        ))
    var shard: String?

    @Option(
        help: ArgumentHelp(
            "The creditcast-portfolio.json of `creditcast split`, when --usage is the split's part for this shard (usage-K.csv): the shard reads only its part, and takes the whole file's prior, months, workspace count and hash from FILE. Needs --shard.",
            valueName: "FILE"
        ))
    var portfolio: String?

    func validate() throws {
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(FlagWording.message(error)) }
        }
        if portfolio != nil, shard == nil {
            throw ValidationError("--portfolio needs --shard K/N: the portfolio file is for the parts of a split")
        }
    }

    /// The portfolio file `--portfolio` names, checked to be for this run's N; `nil` without it.
    func loadPortfolio() throws -> PortfolioFile? {
        guard let portfolio, let selected else { return nil }
        let file: PortfolioFile
        do { file = try PortfolioFile(fileAt: portfolio) } catch { throw CommandFailure(error) }
        guard file.shards == selected.count else {
            throw CommandFailure(
                PortfolioFileError.mismatch(
                    path: portfolio, reason: "it is for a split into \(file.shards) parts but this run is --shard \(selected)"))
        }
        return file
    }

    /// The shard asked for, or `nil` for the whole portfolio (checked by `validate`).
    var selected: Shard? {
        shard.flatMap { try? Shard(parsing: $0) }
    }

    /// Writes `result` as the shard file in `directory`, refusing to write over `inputs`, and
    /// returns what to print.
    func write(_ result: RunResult, to directory: String, inputs: [String]) throws -> String {
        do {
            try ReportSet(files: [ShardFile.reportFile(result)]).write(to: directory, inputPaths: inputs)
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        let count = result.positions.count
        return
            "Shard \(result.shard) of creditcast \(result.kind.rawValue): \(count) of \(result.portfolioCount) workspace\(result.portfolioCount == 1 ? "" : "s") "
            + "in \(ShardFile.path(in: directory)).\nWhen all \(result.shard.count) shards are done: creditcast merge DIR... --out REPORT_DIR\n"
    }

    /// Writes a run's result: the shard file when `--shard` is given, the reports otherwise (with
    /// the workbook `--xlsx` asks for), all made from one `RunReports`; then prints what the user
    /// should see unless `quiet`, `summary` of those reports for a whole run.
    func publish(
        _ result: RunResult, to directory: String, trialsFile: String? = nil, workbook: WorkbookOptions, inputs: [String], quiet: Bool,
        summary: (RunReports) -> String
    ) throws {
        if selected != nil {
            let message = try write(result, to: directory, inputs: inputs)
            if !quiet { print(message, terminator: "") }
            return
        }
        let reports = RunReports(result)
        let workbookFile = try workbook.target(for: reports)
        do {
            try reports.write(to: directory, trialsFile: trialsFile, inputs: inputs, outsideFiles: workbookFile.map { [$0] } ?? [])
        } catch {
            throw CommandFailure(error, code: CommandFailure.outputFailed)
        }
        if !quiet { print(summary(reports), terminator: "") }
    }
}
