import CreditBacktest
import CreditCore
import CreditForecast
import CreditLedger
import CreditSharding
import UsageImport

/// The command's wording of library errors that a command-line flag fixes.
///
/// The libraries never name a flag: their errors carry data and a message for any caller. The
/// command knows which flag sets what, so it words those errors itself, as swift-argument-parser's
/// usage layer words its `ParserError`s; every other error prints as the library says it.
enum FlagWording {
    /// `error` as the command prints it.
    static func message(_ error: some Error) -> String {
        switch error {
        case let error as ShardError:
            return "--shard \(error)"
        case let error as PricingError:
            return message(error)
        case let error as MergeError:
            return message(error)
        case let error as UsageImportError:
            return error.errors.map(message).joined(separator: "\n")
        default:
            return "\(error)"
        }
    }

    /// An input file's diagnostic, with the option that settles it.
    static func message(_ diagnostic: ImportDiagnostic) -> String {
        switch diagnostic.remedy {
        case .decimalMark?: "\(diagnostic): rerun with --decimal-mark comma or --decimal-mark point"
        case .encoding?: "\(diagnostic) (--encoding utf-8, utf-16le, utf-16be or windows-1252 sets it)"
        case nil: "\(diagnostic)"
        }
    }

    /// A cut of the usage file at `--as-of` before its first month.
    static func message(_ error: HistoryTruncationError, usageFile: String) -> String {
        "\(usageFile): --as-of \(error.asOf) is before the file's first month, \(error.firstMonth)"
    }

    /// `--as-of` after the usage file's last month: the forecast would start after months of
    /// which the file says nothing.
    static func asOfAfterHistory(_ asOf: Month, lastMonth: Month, usageFile: String) -> String {
        "\(usageFile): --as-of \(asOf) is after the file's last month, \(lastMonth); give a month from the file"
    }

    /// A `--buy` month outside the months the ledger runs.
    static func buyOutsideLedger(_ month: Month, credits: Int, months: ClosedRange<Month>) -> String {
        "--buy \(month):\(credits) is outside the ledger's months, \(months.lowerBound) to \(months.upperBound)"
    }

    /// A backtest's error, the usage file named where the history is too short.
    static func message(_ error: BacktestError, usageFile: String) -> String {
        guard case .notEnoughHistory = error else { return "\(error)" }
        return "\(usageFile): \(error). Export a longer history or lower --min-history."
    }

    private static func message(_ error: PricingError) -> String {
        guard case let .missingPlan(workspace) = error else { return "\(error)" }
        return
            "no plan for workspace \"\(workspace.messageExcerpt)\"; give --plan, a workspaces file with a plan column, or a plan column in the usage file"
    }

    private static func message(_ error: MergeError) -> String {
        switch error {
        case .missingShardFile: "\(error.problem); give the --out directory of a run with --shard K/N"
        case let .missingShards(_, count):
            "\(error.problem); merge needs the output of all \(count) shards (rerun the missing ones with --shard K/\(count))"
        case .differentSeeds: "\(error.problem); run every shard with the same --seed"
        case .differentInputs: "\(error.problem); run every shard on the same files with the same options, changing only --shard"
        default: "\(error)"
        }
    }
}
