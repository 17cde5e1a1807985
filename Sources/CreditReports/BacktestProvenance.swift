import CreditBacktest
import CreditCore

/// What a backtest report needs to be traced and reproduced, written the way `ReportProvenance`
/// writes a forecast's: a JSON sidecar beside the CSVs and YAML front matter on `backtest.md`.
///
/// A backtest has several origins and models instead of one as-of month and one model, so its
/// fields differ; the formats are `ReportProvenance`'s, through the same `JSONValue`.
public struct BacktestProvenance: Sendable, Equatable {
    /// The creditcast version that wrote the report.
    public var toolVersion: String
    /// The run's settings.
    public var settings: BacktestSettings
    /// The history's first and last months.
    public var history: ClosedRange<Month>
    /// The origins, oldest first.
    public var origins: [Month]
    /// The hash of the inputs.
    public var inputHash: String
    /// The prices and pool rules assumed.
    public var assumptions: ReportAssumptions

    /// The provenance of `run` under `assumptions`.
    public init(run: BacktestRun, assumptions: ReportAssumptions, toolVersion: String = CreditcastVersion.current) {
        self.toolVersion = toolVersion
        self.settings = run.settings
        self.history = run.firstMonth...run.lastMonth
        self.origins = run.origins
        self.inputHash = run.inputHash
        self.assumptions = assumptions
    }

    /// The fields in the order every format lists them.
    public var fields: [(key: String, value: JSONValue)] {
        [
            ("tool", .string("creditcast")),
            ("version", .string(toolVersion)),
            ("command", .string("backtest")),
            ("seed", .number(String(settings.seed))),
            ("trials", .integer(settings.trials)),
            ("models", .array(settings.scoredModels.map { .string($0.rawValue) })),
            ("input_hash", .string(inputHash)),
            ("history_first_month", .string(history.lowerBound.description)),
            ("history_last_month", .string(history.upperBound.description)),
            ("origins", .array(origins.map { .string($0.description) })),
            ("horizon", .integer(settings.horizon)),
            ("min_history", .integer(settings.minimumHistoryMonths)),
            ("pricing", .string(assumptions.pricing)),
            ("rules", .string(assumptions.rules)),
        ]
    }

    /// The sidecar JSON for `files` (paths relative to the sidecar), ending in a line break.
    public func json(describing files: [String]) -> String {
        JSONValue.object(fields + [("files", .array(files.map(JSONValue.string)))]).pretty + "\n"
    }

    /// A YAML front-matter block (`---` … `---`); values are JSON, which YAML reads.
    public var frontMatter: String {
        "---\n" + fields.map { "\($0.key): \($0.value.compact)\n" }.joined() + "---\n"
    }
}
