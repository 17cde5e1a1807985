/// A minimal hand-written command-line parser, so the bench target needs no extra package.
///
/// Accepts `--name value`, `--name=value` and bare flags (`--once`); everything else is a
/// positional argument, in order.
struct Arguments {
    /// The subcommand (`generate-usage`, `import`, …).
    let command: String
    /// Positional arguments after the subcommand.
    private(set) var positional: [String] = []
    /// `--name value` options, by name without the dashes.
    private var options: [String: String] = [:]
    /// Bare flags, by name without the dashes.
    private var flags: Set<String> = []

    /// Option names that never take a value.
    private static let flagNames: Set<String> = ["once", "help"]

    /// Parses `arguments` (without the program name).
    init(_ arguments: [String]) throws(BenchError) {
        guard let first = arguments.first else { throw BenchError.usage("no subcommand") }
        command = first
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let body = String(argument.dropFirst(2))
                if let equals = body.firstIndex(of: "=") {
                    options[String(body[..<equals])] = String(body[body.index(after: equals)...])
                } else if Self.flagNames.contains(body) {
                    flags.insert(body)
                } else {
                    guard index + 1 < arguments.count else { throw BenchError.usage("\(argument) needs a value") }
                    options[body] = arguments[index + 1]
                    index += 1
                }
            } else {
                positional.append(argument)
            }
            index += 1
        }
    }

    /// Whether `--name` was given as a flag.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The text of `--name`, or `fallback`.
    func string(_ name: String, default fallback: String? = nil) throws(BenchError) -> String {
        if let value = options[name] { return value }
        if let fallback { return fallback }
        throw BenchError.usage("--\(name) is required")
    }

    /// The whole number of `--name`, or `fallback`.
    func int(_ name: String, default fallback: Int? = nil) throws(BenchError) -> Int {
        if let text = options[name] {
            guard let value = Int(text.replacingUnderscores) else { throw BenchError.usage("--\(name) takes a whole number, not \(text)") }
            return value
        }
        if let fallback { return fallback }
        throw BenchError.usage("--\(name) is required")
    }

    /// The positional argument at `index`, named `name` in the error when missing.
    func positional(_ index: Int, name: String) throws(BenchError) -> String {
        guard index < positional.count else { throw BenchError.usage("missing \(name)") }
        return positional[index]
    }
}

extension String {
    /// `1_000_000` → `1000000`, so sizes can be typed readably.
    fileprivate var replacingUnderscores: String { String(filter { $0 != "_" }) }
}

/// A failure the bench reports on standard error before exiting non-zero.
enum BenchError: Error, CustomStringConvertible {
    /// Bad command line.
    case usage(String)
    /// Anything else (an unwritable file, an import that failed).
    case failed(String)

    var description: String {
        switch self {
        case let .usage(message): "\(message)\n\n\(usageText)"
        case let .failed(message): message
        }
    }
}

/// The help text.
let usageText = """
    usage: creditcast-bench SUBCOMMAND [options]

      generate-usage --rows N [--workspaces 1000] [--months 24] [--seed 1] --out FILE
          long-format usage CSV (workspace,seat,month,credits), deterministic from the seed
      generate-portfolio [--workspaces 1000] [--min-seats 5] [--max-seats 50] [--months 24]
                         [--seed 1] --out DIR
          DIR/usage.csv and DIR/workspaces.csv (workspace,plan,seats)
      import FILE [--repeat 3] [--once]
          time UsageImporter.load; --once loads once and prints one line (for a fresh process)
      forecast-one [--seats 100] [--months 24] [--horizon 24] [--trials 10000]
                   [--model seats|bootstrap] [--repeat 3] [--threads N] [--seed 1]
          one in-memory workspace through ForecastEngine.run
      portfolio DIR [--model bootstrap|seats] [--trials 2000] [--horizon 12] [--repeat 1]
                    [--threads N] [--seed 1]
          import DIR/usage.csv and DIR/workspaces.csv, then forecast every workspace
      huge-import [--rows 10000000] [--workspaces 1000] [--months 24] [--seed 1] [--out FILE]
          memory of the CSV reader alone and of the whole import on a file far larger than usual
      watchlist DIR [--trials 1000] [--horizon 12] [--model seats] [--threads N] [--seed 1]
          import DIR, forecast every workspace and rank the watchlist
      backtest [--workspaces 1000] [--months 24] [--origins 6] [--horizon 6] [--trials 1000]
          rolling-origin backtest of a generated portfolio: the default model and three baselines
      calibration [--samples samples] [--workspaces 200] [--months 24] [--seed 1]
                  [--behaviour NAME+NAME] [--portfolio DIR] [--half-life N] [--local-level 0|1] [--calendar-replay 0|1]
                  [--working-days 0|1] [--month-length 0|1] [--shared-level 0|1] …
          calibration of every model on the samples and generated portfolios (BacktestBench.swift
          lists every tuning option)
      behaviour-usage [--behaviour steady|NAME+NAME] [--workspaces 200] [--months 24] [--seed 1] --out FILE
          a generated portfolio of the calibration table as a usage CSV (workspace,seat,month,credits)

    Every figure is printed as one line: `name key=value key=value …`.
    """
