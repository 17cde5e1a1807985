import CreditCore
import CreditForecast

/// The `--trials-out` file: one row per workspace and trial, one column per forecast month of
/// closing pool balance (`workspace,trial,2026-04,2026-05,…`), for readers who want to run their
/// own statistics. Trials are numbered from 1.
///
/// Only workspaces whose forecast kept its sample paths (`ForecastSettings.keepPaths`) have rows.
/// The file is streamed, so even a million rows need no more memory than a block of text, and a
/// sidecar `<name>.provenance.json` records the run it came from.
package struct TrialsCSV: Sendable {
    /// The run whose paths are written.
    var run: ForecastRun

    /// The trials file of `run`.
    init(run: ForecastRun) {
        self.run = run
    }

    /// The header: `workspace`, `trial`, then each forecast month.
    var header: [String] {
        ["workspace", "trial"] + (0..<run.settings.horizon).map { run.asOf.advanced(by: $0 + 1).description }
    }

    /// Streams the whole file into `sink`.
    func write(to sink: FileSink) throws(ReportWriteError) {
        try sink.write(CSVTable.record(header.map(CSVCell.text)))
        for workspace in run.workspaces {
            let width = workspace.months.count
            guard width > 0 else { continue }
            let paths = workspace.closingPaths
            for (trial, start) in stride(from: 0, to: paths.count - width + 1, by: width).enumerated() {
                let cells: [CSVCell] = [.text(workspace.name), .integer(trial + 1)] + paths[start..<(start + width)].map(CSVCell.integer)
                try sink.write(CSVTable.record(cells))
            }
        }
    }

    /// Streams the trials file of `run` to the open file `descriptor`, named `name` in errors:
    /// how the command writes it to standard output, which is not a file to replace.
    package static func stream(_ run: ForecastRun, toDescriptor descriptor: Int32, named name: String) throws(ReportWriteError) {
        let sink = FileSink(descriptor: descriptor, path: name)
        try TrialsCSV(run: run).write(to: sink)
        try sink.flush()
    }

    /// The whole file as text (in memory; for tests and small runs).
    var text: String { reportFile(named: "trials.csv").text }

    /// The trials file and its provenance sidecar, written together to `path` and
    /// `<stem>.provenance.json` beside it; returns the paths written.
    @discardableResult
    func write(to path: String, assumptions: ReportAssumptions, inputPaths: [String] = []) throws(ReportWriteError) -> [String] {
        try ReportSet.write(
            targets(at: path, provenance: ReportProvenance(run: run, assumptions: assumptions)), reportDirectory: nil,
            inputPaths: inputPaths)
    }

    /// The trials file at `path` and its sidecar beside it, ready for `ReportSet.write`.
    func targets(at path: String, provenance: ReportProvenance) -> [(path: String, file: ReportFile)] {
        let directory = AtomicFileWriter.parentDirectory(of: path)
        let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
        let sidecar = ReportProvenance.sidecarName(for: name)
        return [
            (path, reportFile(named: name)),
            (directory + "/" + sidecar, ReportFile(path: sidecar, text: provenance.json(describing: [name]))),
        ]
    }

    private func reportFile(named name: String) -> ReportFile {
        let trials = self
        return ReportFile(path: name) { sink throws(ReportWriteError) in try trials.write(to: sink) }
    }
}
