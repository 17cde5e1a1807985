import CreditCore
import CreditForecast
import CreditTestSupport
import Foundation
import Testing

/// How a fixed level follows the level the other workspaces share (`SharedLevel`).
@Suite struct SharedLevelTests {
    /// The others' mean departures: twelve months on their lines, then twelve 0.1 above.
    static let step = (0..<24).map { $0 < 12 ? 0.0 : 0.1 }

    /// `m̄_c`: the step's mean weighted `2^{−age/24}` as the seat draws weigh the months.
    static var drawn: Double {
        let weights = (0..<24).map { pow(2, -Double(23 - $0) / 24) }
        return zip(weights, step).reduce(0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)
    }

    @Test func aWorkspaceFollowsTheStepByItsLoading() throws {
        // Half the others' departures: `β = ½`. The walk (`α_c = 1`) has one-step errors −0.05
        // (its start at the mean) and 0.1 (the step), the rest zero: the median error is zero,
        // so `s² = Σe²/n = 0.0125/24`, `σ_c² = s²·24/22` and the prediction variance `σ_c²·26/24`.
        let shared = try #require(SharedLevel(departures: Self.step.map { $0 / 2 }, others: Self.step, halfLife: 24))
        #expect(shared.loading == 0.5)
        #expect(abs(shared.levelGap - 0.5 * (0.1 - Self.drawn)) < 1e-15)
        #expect(abs(shared.lastMonthShare - 0.5 * (0.1 - Self.drawn)) < 1e-15)
        #expect(abs(shared.walkSigma - 0.5 * (0.0125 / 22 * 26 / 24).squareRoot()) < 1e-15)
        #expect(Self.drawn > 0.05 && Self.drawn < 0.1)
        // A workspace that swung twice as wide follows at most the whole step.
        #expect(SharedLevel(departures: Self.step.map { $0 * 2 }, others: Self.step, halfLife: 24)?.loading == 1)
    }

    @Test func nothingIsSharedAgainstTheOthersOrWhenTheyHoldTheirLines() {
        #expect(SharedLevel(departures: Self.step.map { -$0 }, others: Self.step, halfLife: 24) == nil)
        #expect(SharedLevel(departures: Array(repeating: 0, count: 24), others: Self.step, halfLife: 24) == nil)
        let noise = (0..<24).map { $0 % 2 == 0 ? 0.01 : -0.01 }
        #expect(SharedLevel(departures: noise, others: noise, halfLife: 24) == nil)
        // Six months of the others climbing: too few to tell a wandering level from half a
        // season by (`LocalLevel.smoothingPrice(months:)`), however closely the workspace followed.
        let climb = (0..<6).map { 0.02 * Double($0) }
        #expect(SharedLevel(departures: climb, others: climb, halfLife: 24) == nil)
    }

    /// Six one-seat workspaces 36 months long, each with its own ripple, all 8% up in the last
    /// eight months.
    static var portfolio: UsageHistory {
        Fixtures.history(
            (0..<6).map { index in
                Fixtures.workspace(
                    "w\(index)",
                    (0..<36).map { month in
                        let ripple = 0.06 * sin(Double(month * (index + 2)) * 0.9 + Double(index))
                        return Int((1_000 * exp(ripple + (month >= 28 ? 0.08 : 0))).rounded())
                    })
            })
    }

    @Test func aFixedLevelTakesTheSharedLevelsGapWalkAndLastMonth() throws {
        let history = Self.portfolio
        let parameters = SeatsModelParameters.standard
        let prior = PortfolioPrior.estimate(from: history, parameters: parameters)
        var without = parameters
        without.sharedLevel = false
        var checked = 0
        for workspace in history.workspaces {
            let model = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 6, parameters: parameters, prior: prior)
            let alone = SeatsUsageModel(workspace: workspace, monthCount: 36, horizon: 6, parameters: without, prior: prior)
            let trend = TrendEstimate(workspace: workspace, monthCount: 36, seasonality: prior.seasonality)
            guard model.fit.smoothing == 0, let shared = SeatsUsageModel.sharedLevel(of: trend, prior: prior, parameters: parameters)
            else {
                #expect(model.fit == alone.fit)
                continue
            }
            checked += 1
            #expect(shared.loading > 0.5)
            #expect(shared.levelGap > 0)
            #expect(model.fit.levelGap == shared.levelGap)
            #expect(model.fit.levelWalkSigma == shared.walkSigma)
            #expect(model.fit.lastMonthGap == min(1, max(-1, alone.fit.lastMonthGap - shared.lastMonthShare)))
            #expect(alone.fit.levelGap == 0 && alone.fit.levelWalkSigma == 0)
        }
        #expect(checked >= 4)
        // Without the step the others hold their lines: nothing is shared.
        let flat = Fixtures.history(
            history.workspaces.map { workspace in
                Fixtures.workspace(
                    workspace.name, workspace.seats[0].usage.enumerated().map { $0 >= 28 ? Int((Double($1) / exp(0.08)).rounded()) : $1 })
            })
        let flatPrior = PortfolioPrior.estimate(from: flat, parameters: parameters)
        for workspace in flat.workspaces {
            let trend = TrendEstimate(workspace: workspace, monthCount: 36, seasonality: flatPrior.seasonality)
            #expect(SeatsUsageModel.sharedLevel(of: trend, prior: flatPrior, parameters: parameters) == nil)
        }
    }
}
