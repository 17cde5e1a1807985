import UsageImport

/// `import FILE`: the wall time of `UsageImporter.load` and the process's peak resident set.
///
/// With `--once` the file is loaded once and one line is printed, so that a script can run
/// each measurement in a fresh process and get a peak that no earlier load inflated. Without
/// it the file is loaded `--repeat` times (3) in this process: best and median wall, and the
/// peak over all of them.
func importBench(_ arguments: Arguments) throws(BenchError) {
    let file = try arguments.positional(0, name: "FILE")
    let repeats = arguments.flag("once") ? 1 : max(1, try arguments.int("repeat", default: 3))
    let baseline = Measure.residentMB()
    var walls: [Double] = []
    var cpus: [Double] = []
    var rows = 0
    var workspaces = 0
    var seats = 0
    for _ in 0..<repeats {
        let (result, wall, cpu) = Measure.timeAndCPU { () -> Result<ImportedUsage, BenchError> in
            do { return .success(try UsageImporter.load(fileAt: file, options: UsageImportOptions())) } catch {
                return .failure(.failed("import of \(file) failed: \(error)"))
            }
        }
        let imported = try result.get()
        let history = imported.history
        walls.append(wall)
        cpus.append(cpu)
        rows = imported.rowCount
        workspaces = history.workspaces.count
        seats = history.workspaces.reduce(0) { $0 + $1.seats.count }
    }
    let (best, median) = Measure.bestAndMedian(walls)
    Figure.emit(
        "import",
        [
            "rows": "\(rows)", "workspaces": "\(workspaces)", "seats": "\(seats)", "runs": "\(repeats)",
            "wall_s": Figure.fixed(best), "median_s": Figure.fixed(median), "cpu_s": Figure.fixed(Measure.bestAndMedian(cpus).best),
            "peak_mb": Figure.fixed(Measure.peakResidentMB(), 1), "base_mb": Figure.fixed(baseline, 1),
        ])
}
