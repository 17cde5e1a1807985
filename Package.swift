// swift-tools-version:6.0
import PackageDescription

// Data flows one way, and the target list reads in that order:
// CLibCSV → CSVStream → UsageImport → CreditLedger → CreditForecast → CreditReports → creditcast.
// CreditCore holds the vocabulary (months, credits, money) every stage shares.
let package = Package(
    name: "creditcast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "creditcast", targets: ["creditcast"]),
        .library(name: "CreditForecast", targets: ["CreditForecast"]),
        .library(name: "CreditReports", targets: ["CreditReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .target(name: "CSVStream", dependencies: ["CLibCSV"]),
        .target(name: "CreditCore"),
        .target(name: "UsageImport", dependencies: ["CSVStream", "CreditCore"]),
        .target(name: "CreditLedger", dependencies: ["CreditCore", "UsageImport", .product(name: "Yams", package: "Yams")]),
        .target(name: "CreditForecast", dependencies: ["CreditCore", "UsageImport", "CreditLedger"]),
        .target(name: "CreditReports", dependencies: ["CreditCore", "UsageImport", "CreditLedger", "CreditForecast"]),
        .executableTarget(
            name: "creditcast",
            dependencies: [
                "CreditCore", "UsageImport", "CreditLedger", "CreditForecast", "CreditReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "creditcast-bench",
            dependencies: ["CreditCore", "UsageImport", "CreditLedger", "CreditForecast"],
            path: "Benchmarks/creditcast-bench"
        ),
        .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream"]),
        .testTarget(name: "CreditCoreTests", dependencies: ["CreditCore"]),
        .testTarget(name: "UsageImportTests", dependencies: ["UsageImport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CreditLedgerTests", dependencies: ["CreditLedger"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CreditForecastTests", dependencies: ["CreditForecast"]),
        .testTarget(name: "CreditReportsTests", dependencies: ["CreditReports"]),
        .testTarget(name: "creditcastTests", dependencies: ["creditcast"]),
    ],
    swiftLanguageModes: [.v6]
)
