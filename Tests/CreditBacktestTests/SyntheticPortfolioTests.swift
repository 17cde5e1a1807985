import CreditBacktest
import Foundation
import Testing

@Suite struct SyntheticPortfolioTests {
    @Test func theSameSeedGivesTheSamePortfolio() {
        let a = SyntheticPortfolio(workspaces: 5, months: 12, behaviour: .all, seed: 3)
        let b = SyntheticPortfolio(workspaces: 5, months: 12, behaviour: .all, seed: 3)
        let c = SyntheticPortfolio(workspaces: 5, months: 12, behaviour: .all, seed: 4)
        #expect(a.history == b.history && a.pools == b.pools)
        #expect(a.history != c.history)
        #expect(a.history.workspaces.map(\.name) == ["ws0", "ws1", "ws2", "ws3", "ws4"])
        #expect(SyntheticPortfolio.Behaviour.all.name == "trend+seasonality+heavy-users+seats-joining")
    }

    @Test func behavioursShowInTheUsage() {
        let steady = SyntheticPortfolio(workspaces: 40, months: 24, behaviour: [], seed: 1)
        let joining = SyntheticPortfolio(workspaces: 40, months: 24, behaviour: .seatsJoining, seed: 1)
        #expect(steady.history.workspaces.allSatisfy { $0.seats.allSatisfy { $0.firstOffset == 0 } })
        let late = joining.history.workspaces.flatMap(\.seats).filter { $0.firstOffset > 0 }
        #expect(late.count > 0 && late.allSatisfy { $0.usage.prefix($0.firstOffset).allSatisfy { $0 == 0 } })

        // A growing portfolio: on average the last six months are well above the first six.
        let trend = SyntheticPortfolio(workspaces: 60, months: 24, behaviour: .trend, seed: 1)
        let ratios = trend.history.workspaces.map { workspace -> Double in
            let totals = workspace.monthlyUsage
            return log(Double(totals.suffix(6).reduce(0, +)) / Double(totals.prefix(6).reduce(0, +)))
        }
        // Growth N(1%, 1.5%) a month over 18 months: mean log ratio about 0.18.
        #expect(abs(ratios.reduce(0, +) / Double(ratios.count) - 0.18) < 0.08)
    }
}
