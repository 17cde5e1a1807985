import CreditCore
import CreditForecast
import CreditTestSupport
import Foundation
import Testing

/// The departures from their own lines that a portfolio's workspaces share (`SharedDepartures`).
@Suite struct SharedDeparturesTests {
    /// A one-seat workspace's logs with no season: `ln(Tₜ + ε)`, `ε = max(1, 0.05·mean T)`.
    static func logs(_ totals: [Int]) -> [Double] {
        let mean = Double(totals.reduce(0, +)) / Double(totals.count)
        return totals.map { log(Double($0) + max(1, 0.05 * mean)) }
    }

    /// `yₜ − ȳ − b̂·(t − t̄)`, the departures from the least-squares line through `values`.
    static func departures(_ values: [Double]) -> [Double] {
        let meanT = Double(values.count - 1) / 2
        let mean = values.reduce(0, +) / Double(values.count)
        let slope =
            values.indices.reduce(0) { $0 + (Double($1) - meanT) * (values[$1] - mean) }
            / values.indices.reduce(0) { $0 + (Double($1) - meanT) * (Double($1) - meanT) }
        return values.indices.map { values[$0] - mean - slope * (Double($0) - meanT) }
    }

    static let a = [100, 130, 110, 120]
    static let b = [200, 190, 240, 230]
    /// From the history's second month.
    static let d = [80, 90, 85]

    static var portfolio: UsageHistory {
        Fixtures.history([
            Fixtures.workspace("a", a), Fixtures.workspace("b", b),
            // An idle month's log is the offset's, not how far the month strayed.
            Fixtures.workspace("c", [50, 0, 60, 70]),
            WorkspaceHistory(name: "d", seats: [Fixtures.seat("all", firstOffset: 1, [0] + d)]),
            // Two months leave no departure from their line.
            WorkspaceHistory(name: "e", seats: [Fixtures.seat("all", firstOffset: 2, [0, 0, 40, 45])]),
        ])
    }

    @Test func eachMonthSumsTheDeparturesOfTheWorkspacesThatCount() {
        let history = Self.portfolio
        let trends = history.workspaces.map { TrendEstimate(workspace: $0, monthCount: history.monthCount) }
        let shared = SharedDepartures.measure(from: trends, monthCount: history.monthCount)
        let (ra, rb, rd) = (Self.departures(Self.logs(Self.a)), Self.departures(Self.logs(Self.b)), Self.departures(Self.logs(Self.d)))
        #expect(shared.counts == [2, 3, 3, 3])
        let expected = [ra[0] + rb[0]] + (1..<4).map { ra[$0] + rb[$0] + rd[$0 - 1] }
        for (sum, value) in zip(shared.sums, expected) { #expect(abs(sum - value) < 1e-15) }
        // The departures of a line's months sum to zero, so the months' sums do too.
        #expect(abs(shared.sums.reduce(0, +)) < 1e-14)
    }

    @Test func aWorkspaceReadsTheOthersMeanWithItselfLeftOut() throws {
        let shared = SharedDepartures(sums: [0.3, 0.6, -0.9], counts: [1, 3, 4])
        #expect(shared.others(than: [0.2, -0.3], from: 1) == [(0.6 - 0.2) / 2, (-0.9 + 0.3) / 3])
        // No other workspace in the first month, and no month past the sums.
        #expect(shared.others(than: [0.3, 0.1], from: 0) == nil)
        #expect(shared.others(than: [0.1, 0.2], from: 2) == nil)
        #expect(SharedDepartures.none.others(than: [0.1, 0.2, 0.3], from: 0) == nil)
    }

    @Test func theSharedLevelFollowsAStepEveryWorkspaceTook() throws {
        // Twelve months on the lines, then twelve 0.1 above: the walk (`α = 1`) fits best, its
        // level the step's. The first month has one workspace, which the mean does not read.
        let step = SharedDepartures(sums: [5] + (0..<24).map { $0 < 12 ? 0 : 0.2 }, counts: [1] + Array(repeating: 2, count: 24))
        let level = try #require(step.level)
        #expect(level.smoothing == 1)
        #expect(level.level == 0.1)
        #expect(level.count == 24)
        // Departures that alternate about zero are noise: the fixed level fits them best.
        let noise = SharedDepartures(sums: (0..<24).map { $0 % 2 == 0 ? 0.02 : -0.02 }, counts: Array(repeating: 2, count: 24))
        #expect(noise.level == nil)
        #expect(SharedDepartures(sums: [0.1, 0.2], counts: [2, 2]).level == nil)
        // Six months of a steady climb: Schwarz's price would take it for a walk, the
        // small-sample price does not (`LocalLevelTests`).
        let climb = SharedDepartures(sums: (0..<6).map { 0.04 * Double($0) }, counts: Array(repeating: 2, count: 6))
        #expect(climb.level == nil)
    }
}
