// swift-tools-version:6.0
import PackageDescription

// Data flows one way, and the library targets read in that order:
// CreditCore → CreditLedger → CreditForecast → (CreditDecisions, CreditBacktest) → CreditReports
// → CreditSharding → creditcast.
// CreditCore holds the domain model every stage shares: months, credits, money and the usage
// history (workspaces, seats, their settings). CreditSharding holds a run's result, whole or one
// shard of it, the shard file format and the merge. File formats sit at the edge: the import
// layer (CLibCSV → CSVStream → UsageImport) reads usage and workspaces files into that model, and
// ScenarioImport reads scenario files into the forecast's scenarios with the same header and
// month rules. Only the command (and the benchmarks) depend on them, so no library from
// CreditLedger to CreditSharding links libcsv.
let package = Package(
    name: "creditcast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "creditcast", targets: ["creditcast"]),
        // Each library works on its own: import a file, replay it, forecast, decide, report.
        .library(name: "CreditCore", targets: ["CreditCore"]),
        .library(name: "UsageImport", targets: ["UsageImport"]),
        .library(name: "ScenarioImport", targets: ["ScenarioImport"]),
        .library(name: "CreditLedger", targets: ["CreditLedger"]),
        .library(name: "CreditForecast", targets: ["CreditForecast"]),
        .library(name: "CreditDecisions", targets: ["CreditDecisions"]),
        .library(name: "CreditBacktest", targets: ["CreditBacktest"]),
        .library(name: "CreditReports", targets: ["CreditReports"]),
        .library(name: "CreditSharding", targets: ["CreditSharding"]),
        .library(name: "CreditWorkbook", targets: ["CreditWorkbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Markdown to HTML for the single-file HTML reports.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // Documentation only: `swift package generate-documentation` (scripts/docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Test-only: the ledger's property tests and the forecast's invariant tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(name: "CSVStream", dependencies: ["CLibCSV"]),
        // One sync for a whole report set (Linux `syncfs`, which Swift's Glibc does not export).
        .target(name: "CFileSync"),
        .target(name: "CreditCore"),
        // The import layer reads usage and workspaces files into CreditCore's model, and scenario
        // files into CreditForecast's scenarios (with CreditLedger's plans).
        .target(name: "UsageImport", dependencies: ["CSVStream", "CreditCore"]),
        // Scenario files: read with the usage importer's header matching and month parsing into the
        // forecast's scenarios, so it sits above both.
        .target(name: "ScenarioImport", dependencies: ["CSVStream", "CreditCore", "UsageImport", "CreditLedger", "CreditForecast"]),
        .target(name: "CreditLedger", dependencies: ["CreditCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "CreditForecast", dependencies: ["CreditCore", "CreditLedger"]),
        .target(name: "CreditDecisions", dependencies: ["CreditCore", "CreditLedger", "CreditForecast"]),
        .target(name: "CreditBacktest", dependencies: ["CreditCore", "CreditLedger", "CreditForecast"]),
        .target(
            name: "CreditReports",
            dependencies: [
                "CFileSync", "CreditCore", "CreditLedger", "CreditForecast", "CreditDecisions", "CreditBacktest",
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .target(
            name: "CreditSharding",
            dependencies: ["CreditCore", "CreditLedger", "CreditForecast", "CreditDecisions", "CreditReports"]
        ),
        // Excel workbooks, through libxlsxwriter: a report format at the edge, beside the reports
        // it restates, so that no other library links the C library.
        .systemLibrary(
            name: "CLibXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "CreditWorkbook",
            dependencies: [
                "CLibXLSXWriter", "CreditCore", "CreditLedger", "CreditForecast", "CreditDecisions", "CreditReports", "CreditSharding",
            ]
        ),
        .executableTarget(
            name: "creditcast",
            dependencies: [
                "CreditCore", "UsageImport", "ScenarioImport", "CreditLedger", "CreditForecast", "CreditDecisions",
                "CreditBacktest", "CreditReports", "CreditSharding", "CreditWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "creditcast-bench",
            dependencies: ["CreditCore", "UsageImport", "CreditLedger", "CreditForecast", "CreditDecisions", "CreditBacktest"],
            path: "Benchmarks/creditcast-bench"
        ),
        .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream", "CreditTestSupport"]),
        .testTarget(name: "CreditCoreTests", dependencies: ["CreditCore"]),
        .testTarget(name: "UsageImportTests", dependencies: ["UsageImport", "CreditTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScenarioImportTests", dependencies: ["ScenarioImport"]),
        .testTarget(
            name: "CreditLedgerTests",
            dependencies: ["CreditLedger", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        // The histories, pools and rules the forecast's and the backtest's tests build in code, and
        // the one directory every test target writes its files in (removed when the tests end).
        .target(name: "CreditTestSupport", dependencies: ["CreditCore", "CreditLedger"], path: "Tests/CreditTestSupport"),
        .testTarget(
            name: "CreditForecastTests",
            dependencies: ["CreditForecast", "CreditTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "CreditDecisionsTests", dependencies: ["CreditDecisions"]),
        // The calibration tests read the samples through the importer.
        .testTarget(name: "CreditBacktestTests", dependencies: ["CreditBacktest", "CreditTestSupport", "UsageImport"]),
        .testTarget(name: "CreditReportsTests", dependencies: ["CreditReports", "CreditTestSupport"]),
        .testTarget(name: "CreditShardingTests", dependencies: ["CreditSharding", "CreditTestSupport"]),
        .testTarget(
            name: "CreditWorkbookTests",
            dependencies: [
                "CreditWorkbook", "CreditSharding", "CreditReports", "CreditForecast", "CreditLedger", "CreditCore", "CreditTestSupport",
            ]
        ),
        .testTarget(name: "creditcastTests", dependencies: ["creditcast", "CreditTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
