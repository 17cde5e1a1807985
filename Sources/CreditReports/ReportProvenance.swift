import CreditCore
import CreditForecast

/// What a report needs to be traced and reproduced: tool version, seed, trials, model, input
/// hash, as-of month, horizon, prices and rules.
///
/// Where it goes depends on the file type, and is chosen so that no reader chokes on it:
/// - CSV files carry no comment or title lines (they break spreadsheets and `pandas.read_csv`);
///   instead a JSON sidecar, `provenance.json` in a report directory or `<name>.provenance.json`
///   beside a single CSV, lists these fields and the files it covers.
/// - Markdown ends with them as a fenced JSON block under a "Provenance" heading: a YAML front
///   matter at the top renders in plain CommonMark (cmark-gfm) as a rule and a giant setext
///   heading, while a fenced block renders as code everywhere and parses as JSON.
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
    /// Where starting balances come from, in words (empty when not stated); said in a report's
    /// assumptions, not a field of its own: the input hash already traces the balances given.
    public var startingBalances: String

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
        self.startingBalances = assumptions.startingBalances
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

    /// The Markdown provenance section: a `## Provenance` heading and every field as a JSON
    /// object in a fenced `json` block. The fence is longer than any run of backticks in the
    /// JSON, so no value can close it early.
    public var markdownSection: String {
        let json = JSONValue.object(fields.map { ($0.key, $0.value) }).pretty
        var longest = 0
        var run = 0
        for character in json {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\n## Provenance\n\n\(fence)json\n\(json)\n\(fence)\n"
    }

    /// The sidecar's file name for a single CSV: `trials.csv` → `trials.provenance.json`.
    public static func sidecarName(for fileName: String) -> String {
        let stem = fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
        return stem + ".provenance.json"
    }
}
