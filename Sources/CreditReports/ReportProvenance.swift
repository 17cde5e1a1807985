import CreditCore
import CreditForecast

/// What a report needs to be traced and reproduced: tool version, seed, trials, model, input
/// hash, as-of month, horizon, prices and rules.
///
/// Where it goes depends on the file type, and is chosen so that no reader chokes on it:
/// - CSV files carry no comment or title lines (they break spreadsheets and `pandas.read_csv`);
///   instead a JSON sidecar, `provenance.json` in a report directory or `<name>.provenance.json`
///   beside a single CSV, lists these fields and the files it covers.
/// - Markdown carries them as a YAML front-matter block, which GitHub renders as a table and
///   static-site tools read.
/// No wall-clock time is recorded: the same inputs and seed give byte-identical reports.
public struct ReportProvenance: Sendable, Equatable {
    /// The creditcast version that wrote the report.
    public var toolVersion: String
    /// The seed every random stream derives from.
    public var seed: UInt64
    /// Trials per workspace.
    public var trials: Int
    /// The usage model's name.
    public var model: String
    /// The target standard error of the probabilities, when the run used one.
    public var precision: Double?
    /// The hash of the inputs.
    public var inputHash: String
    /// The last month of history.
    public var asOf: Month
    /// Months forecast.
    public var horizon: Int
    /// The prices assumed.
    public var pricing: String
    /// The pool rules assumed.
    public var rules: String

    /// The provenance of `run` under `assumptions`.
    public init(run: ForecastRun, assumptions: ReportAssumptions, toolVersion: String = CreditcastVersion.current) {
        self.toolVersion = toolVersion
        self.seed = run.settings.seed
        self.trials = run.settings.trials
        self.model = run.settings.model.rawValue
        self.precision = run.settings.precision
        self.inputHash = run.inputHash
        self.asOf = run.asOf
        self.horizon = run.settings.horizon
        self.pricing = assumptions.pricing
        self.rules = assumptions.rules
    }

    /// The first forecast month.
    public var firstMonth: Month { asOf.advanced(by: 1) }

    /// The last forecast month.
    public var lastMonth: Month { asOf.advanced(by: horizon) }

    /// The fields in the order every format lists them; one list so the formats cannot drift.
    public var fields: [(key: String, value: JSONValue)] {
        [
            ("tool", .string("creditcast")),
            ("version", .string(toolVersion)),
            ("seed", .number(String(seed))),
            ("trials", .integer(trials)),
            ("model", .string(model)),
            ("precision", precision.map { .number(String($0)) } ?? .null),
            ("input_hash", .string(inputHash)),
            ("as_of", .string(asOf.description)),
            ("horizon", .integer(horizon)),
            ("first_month", .string(firstMonth.description)),
            ("last_month", .string(lastMonth.description)),
            ("pricing", .string(pricing)),
            ("rules", .string(rules)),
        ]
    }

    /// The sidecar JSON for `files` (paths relative to the sidecar), ending in a line break.
    public func json(describing files: [String]) -> String {
        JSONValue.object(fields.map { ($0.key, $0.value) } + [("files", .array(files.map(JSONValue.string)))]).pretty + "\n"
    }

    /// A YAML front-matter block (`---` … `---`) with every field; strings are JSON-quoted,
    /// which YAML reads as double-quoted scalars, so no value can break out of its line.
    public var frontMatter: String {
        "---\n" + fields.map { "\($0.key): \($0.value.compact)\n" }.joined() + "---\n"
    }

    /// The sidecar's file name for a single CSV: `trials.csv` → `trials.provenance.json`.
    public static func sidecarName(for fileName: String) -> String {
        let stem = fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
        return stem + ".provenance.json"
    }
}
