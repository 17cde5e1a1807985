import CreditForecast
import CreditReports
import CreditSharding

extension RunReports {
    /// The run's reports as one Excel workbook: an "About" sheet (what was run, on what
    /// inputs, under which prices and rules), then the tables of its CSV files.
    ///
    /// - A forecast: "Summary" (most urgent first, as `report.md`), "Annual" and "Scenarios"
    ///   where the run has them, and a sheet of months for each workspace `report.md` details,
    ///   with a native chart of its balance fan (P10, P50, P90) under its cap.
    /// - A watchlist: "Watchlist", most urgent first.
    /// - A renewal: "Renewal" (the plain answer per workspace and scenario), "Strategies" (every
    ///   strategy's cost) and "Sensitivity" where it was analysed.
    public func workbook() throws(WorkbookError) -> Workbook {
        var names = SheetNames()
        var sheets = [WorkbookSheet(name: names.unique("About"), lines: aboutLines)]
        func add(_ name: String, _ table: CSVTable, order: [Int]? = nil) {
            sheets.append(WorkbookSheet(name: names.unique(name), table: table, order: order))
        }
        let run = result.run
        switch rendered {
        case let .forecast(reports, scenarios):
            // Checked before a sheet of a million rows is built only to be refused.
            guard reports.run.workspaces.count <= WorkbookSheet.maximumRows else {
                throw .tooManyRows(sheet: "Summary", rows: reports.run.workspaces.count)
            }
            let urgency = reports.order
            add("Summary", ForecastCSV.summary(reports.run), order: urgency)
            if !reports.annual.isEmpty { add("Annual", reports.annualCSV) }
            if let scenarios { add("Scenarios", scenarios.csv) }
            for index in urgency.prefix(reports.detailLimit) {
                let workspace = reports.run.workspaces[index]
                var months = WorkbookSheet(
                    name: names.unique(workspace.name),
                    table: ForecastCSV.forecast(
                        ForecastRun(requested: run.settings, asOf: run.asOf, inputHash: run.inputHash, workspaces: [workspace]))
                )
                months.chart = Self.balanceFan(of: workspace.name, in: months)
                sheets.append(months)
            }
        case let .watchlist(reports):
            add("Watchlist", reports.table())
        case let .renew(reports):
            add("Renewal", reports.summaryCSV)
            add("Strategies", reports.csv)
            if let sensitivity = reports.sensitivity { add("Sensitivity", sensitivity.csv) }
        }
        return try Workbook(sheets: sheets)
    }

    /// The balance fan of a month sheet: the closing balance's P10, P50 and P90 and the cap,
    /// by month.
    private static func balanceFan(of workspace: String, in sheet: WorkbookSheet) -> WorkbookChart? {
        let titles = sheet.columns.map(\.title)
        guard let month = titles.firstIndex(of: "month") else { return nil }
        let lines = [("P90 balance", "balance_p90"), ("median balance", "balance_p50"), ("P10 balance", "balance_p10"), ("cap", "cap")]
        let series = lines.compactMap { name, column in titles.firstIndex(of: column).map { (name, $0) } }
        return WorkbookChart(
            title: "\(workspace): closing balance and cap", categoryColumn: month, series: series, valueAxisTitle: "credits")
    }

    /// What the About sheet says.
    private var aboutLines: [String] {
        let (run, assumptions) = (result.run, result.assumptions)
        let settings = run.settings
        return [
            "creditcast \(result.kind) report, as of \(run.asOf) (\(result.toolVersion))",
            "Input hash: \(run.inputHash)",
            "Trials: \(settings.trials), seed \(settings.seed), horizon \(settings.horizon) months, model \(settings.model)",
            "Prices: \(assumptions.pricing)",
            "Rules: \(assumptions.rules)",
        ] + (assumptions.startingBalances.isEmpty ? [] : ["Starting balances: \(assumptions.startingBalances)"]) + [
            "Credits are whole numbers; money is exact to the cent; probabilities are shares of the trials.",
            "Every sheet but this one restates a CSV file of the same report, with the same columns.",
        ]
    }
}
