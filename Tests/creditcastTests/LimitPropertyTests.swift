import Foundation
import Testing

/// A property over inputs drawn at and next to the documented limits: every command ends with a
/// result (exit 0, nothing on standard error with `--quiet`), its probabilities are shares, no
/// figure is NaN or infinite, and without auto-purchase the expected pay-as-you-go cost is the
/// expected shortfall times the price.
@Suite struct LimitPropertyTests {
    /// One drawn portfolio and its options.
    struct Case: CustomStringConvertible {
        /// Per workspace, its seat's six months of usage.
        var usage: [[Int]]
        var seats: Int?
        /// The pay-as-you-go price in dollars, as the pricing file writes it.
        var price: String
        var multiplier: String
        var capTiming: String
        var autoPurchase: Bool

        var description: String {
            "usage \(usage) seats \(seats.map(String.init) ?? "-") price \(price) × \(multiplier) \(capTiming) auto \(autoPurchase)"
        }
    }

    /// SplitMix64: a seeded, reproducible stream for drawing the cases.
    struct Draws {
        var state: UInt64
        mutating func next<T>(_ choices: [T]) -> T {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return choices[Int((z ^ (z >> 31)) % UInt64(choices.count))]
        }
    }

    static let cases: [Case] = {
        var draws = Draws(state: 12)
        let credits = [0, 1, 999_999_999_999, 1_000_000_000_000]
        return (0..<6).map { _ in
            Case(
                usage: (0..<2).map { _ in (0..<6).map { _ in draws.next(credits) } },
                seats: draws.next([nil, 0, 1, 10_000_000]), price: draws.next(["0", "0.000001", "100"]),
                multiplier: draws.next(["0", "1", "1000"]), capTiming: draws.next(["accrual", "close"]),
                autoPurchase: draws.next([false, true])
            )
        }
    }()

    @Test(arguments: cases)
    func everyCommandEndsWithAResult(_ drawn: Case) throws {
        let directory = try CommandRunner.temporaryDirectory()
        var rows = ["workspace,seat,month,credits"]
        for (index, months) in drawn.usage.enumerated() {
            for (month, value) in months.enumerated() { rows.append("W\(index),s,2026-0\(month + 1),\(value)") }
        }
        let usage = try LimitCommandTests.file("usage.csv", rows.joined(separator: "\n") + "\n", in: directory)
        // The smallest package at the highest price: a trillion-credit shortfall buys 10⁹ of them.
        let pricing = try LimitCommandTests.file(
            "pricing.yaml",
            "plans:\n  growth: 100000\ncap_months: 24\npay_as_you_go: \(drawn.price)\npackages:\n  - {credits: 1000, price: 100000}\n",
            in: directory
        )
        let scenario = try LimitCommandTests.file(
            "scenario.csv", "scenario,month,seats,plan,usage_multiplier\nmost,2026-08,+10000000,,\(drawn.multiplier)\n", in: directory
        )
        var pool = ["--usage", usage, "--pricing", pricing, "--plan", "growth", "--cap-timing", drawn.capTiming]
        if let seats = drawn.seats { pool += ["--seats", String(seats)] }
        if drawn.autoPurchase { pool += ["--auto-purchase", "1000"] }
        func out(_ name: String) -> String { directory.appendingPathComponent(name).path }

        let runs: [(name: String, arguments: [String], summary: String?)] = [
            ("forecast", ["forecast", "--trials", "20", "--scenario", scenario, "--out", out("forecast")] + pool, "forecast/summary.csv"),
            (
                "bootstrap", ["forecast", "--model", "bootstrap", "--trials", "20", "--out", out("bootstrap")] + pool,
                "bootstrap/summary.csv"
            ),
            ("precision", ["forecast", "--precision", "0.2", "--horizon", "3", "--out", out("precision")] + pool, "precision/summary.csv"),
            ("watchlist", ["watchlist", "--trials", "20", "--out", out("watchlist")] + pool, nil),
            ("renew", ["renew", "--trials", "20", "--sensitivity", "--out", out("renew")] + pool, nil),
            ("backtest", ["backtest", "--trials", "20", "--horizon", "2", "--origins", "2", "--out", out("backtest")] + pool, nil),
            ("shard", ["forecast", "--trials", "20", "--shard", "1/1", "--out", out("shard")] + pool, nil),
            ("merge", ["merge", out("shard"), "--out", out("merge")], "merge/summary.csv"),
            ("ledger", ["ledger", "--usage", usage, "--format", "csv", "--pricing", pricing, "--plan", "growth"], nil),
            ("check", ["check", usage], nil),
        ]
        for run in runs {
            let quiet = ["ledger", "check"].contains(run.name) ? [] : ["--quiet"]
            let result = try CommandRunner.run(run.arguments + quiet)
            #expect(result.status == 0, "\(run.name) \(drawn): \(result.standardError)")
            #expect(result.standardError == "", "\(run.name) \(drawn)")
            for text in [result.standardOutput]
                + (try CommandRunner.files(in: directory).values.map { String(decoding: $0, as: UTF8.self) })
            {
                // A word, not a substring: "Provenance" holds "nan".
                let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
                #expect(words.isDisjoint(with: ["nan", "inf", "infinity"]), "\(run.name) \(drawn)")
            }
            guard let summary = run.summary else { continue }
            let lines = try String(contentsOfFile: out(summary), encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for line in lines.dropFirst() {
                let cells = Dictionary(
                    uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
                for key in ["p_any_cap", "p_any_shortfall"] {
                    let p = try #require(Double(cells[key] ?? ""))
                    #expect((0...1).contains(p), "\(run.name) \(drawn): \(key) \(p)")
                }
                guard !drawn.autoPurchase, let price = Double(drawn.price) else { continue }
                // Money is exact; the shortfall is printed to a tenth of a credit, cost to the cent.
                let shortfall = try #require(Double(cells["expected_shortfall"] ?? ""))
                let cost = try #require(Double(cells["expected_payg_cost"] ?? ""))
                #expect(abs(cost - shortfall * price) <= 0.05 * price + 0.01 + 1e-12 * cost, "\(run.name) \(drawn): \(line)")
            }
        }
    }
}
