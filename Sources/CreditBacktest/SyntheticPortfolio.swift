import CreditCore
import CreditForecast
import CreditLedger
import Foundation

/// A generated portfolio whose usage has known behaviour, for measuring calibration and for
/// benchmarks: deterministic from its seed, held in memory, never written to the repository.
///
/// Every workspace has 3 to 40 Growth seats. A seat's month is its level times a mean-one
/// lognormal noise (log-sd 0.35), idle (zero) with probability 4%, times a workspace-wide
/// busy-month factor (log-sd 0.12). Workspace utilisation is lognormal around 70% of the
/// allowance (log-sd 0.4) and seat levels lognormal around it (log-sd 0.6). Each `Behaviour`
/// adds one pattern:
///
/// - `trend`: per-seat usage grows by a workspace rate drawn from N(1%, 1.5%) a month;
/// - `seasonality`: a yearly cycle of amplitude 10–25% whose phase is shared by the portfolio
///   (a quiet August, say) give or take a month;
/// - `heavyUsers`: one seat in seven uses about five times its colleagues, with wider spread;
/// - `seatsJoining`: a third of the seats join in a month after the first (no rows before).
public struct SyntheticPortfolio: Sendable {
    /// The patterns a portfolio's usage can have.
    public struct Behaviour: OptionSet, Sendable, Hashable {
        /// The behaviours as bits.
        public let rawValue: Int
        /// Creates a set of behaviours from its bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Per-seat growth (or decline) over time.
        public static let trend = Behaviour(rawValue: 1)
        /// A yearly cycle.
        public static let seasonality = Behaviour(rawValue: 2)
        /// A few seats using far more than the rest.
        public static let heavyUsers = Behaviour(rawValue: 4)
        /// Seats joining during the history.
        public static let seatsJoining = Behaviour(rawValue: 8)
        /// Every behaviour at once.
        public static let all: Behaviour = [.trend, .seasonality, .heavyUsers, .seatsJoining]

        /// Each single behaviour with its name, in a fixed order.
        public static let named: [(name: String, behaviour: Behaviour)] = [
            ("trend", .trend), ("seasonality", .seasonality), ("heavy-users", .heavyUsers), ("seats-joining", .seatsJoining),
        ]

        /// `steady`, one name, or names joined by `+`.
        public var name: String {
            let names = Self.named.filter { contains($0.behaviour) }.map(\.name)
            return names.isEmpty ? "steady" : names.joined(separator: "+")
        }
    }

    /// The usage history.
    public var history: UsageHistory
    /// One Growth pool per workspace, seats counted from the history, cap 5 months of accrual.
    public var pools: [WorkspacePool]

    /// Generates `workspaces` workspaces over `months` months from `firstMonth`.
    public init(
        workspaces: Int, months: Int, behaviour: Behaviour, seed: UInt64, firstMonth: Month = Month(year: 2024, month: 1)!
    ) {
        precondition(workspaces >= 1 && months >= 1, "at least one workspace and one month")
        let digits = String(workspaces - 1).count
        var portfolio = Xoshiro256StarStar(seed: seed, stream: 0x5EA5_0A11, trial: 0)
        let seasonPhase = portfolio.nextUnitDouble() * 2 * Double.pi
        var histories: [WorkspaceHistory] = []
        for index in 0..<workspaces {
            let number = String(index)
            let name = "ws" + String(repeating: "0", count: max(0, digits - number.count)) + number
            var random = Xoshiro256StarStar(seed: seed, stream: StableHash.of(name), trial: 0)
            histories.append(Self.workspace(name: name, months: months, behaviour: behaviour, seasonPhase: seasonPhase, random: &random))
        }
        history = UsageHistory(
            workspaces: histories, firstMonth: firstMonth, lastMonth: firstMonth.advanced(by: months - 1),
            hasWorkspaceColumn: true
        )
        let growth = Pricing.standard.plans.first { $0.name == "growth" }
        pools = histories.map {
            WorkspacePool(
                name: $0.name, plan: growth, seats: nil, openingBalance: 0, balanceMonth: nil,
                cap: .monthsOfAccrual(Pricing.standard.capMonths))
        }
    }

    private static func normal(_ random: inout Xoshiro256StarStar) -> Double {
        random.nextNormalPair().0
    }

    private static func workspace(
        name: String, months: Int, behaviour: Behaviour, seasonPhase: Double, random: inout Xoshiro256StarStar
    ) -> WorkspaceHistory {
        let seatCount = 3 + Int(random.next(upperBound: UInt64(38)))
        let utilisation = 2_100 * exp(0.4 * normal(&random))
        let growth = behaviour.contains(.trend) ? 0.01 + 0.015 * normal(&random) : 0
        let amplitude = behaviour.contains(.seasonality) ? 0.1 + 0.15 * random.nextUnitDouble() : 0
        let phase = seasonPhase + 0.5 * normal(&random)
        let busy = (0..<months).map { _ in exp(0.12 * normal(&random) - 0.0072) }
        var seats: [SeatHistory] = []
        for seatIndex in 0..<seatCount {
            let heavy = behaviour.contains(.heavyUsers) && random.nextUnitDouble() < 1.0 / 7
            let level = utilisation * exp((heavy ? 0.9 : 0.6) * normal(&random)) * (heavy ? 5 : 1)
            let joins = behaviour.contains(.seatsJoining) && months > 1 && random.nextUnitDouble() < 1.0 / 3
            let first = joins ? 1 + Int(random.next(upperBound: UInt64(months - 1))) : 0
            var usage = [Int](repeating: 0, count: months)
            for month in first..<months {
                let noise = exp(0.35 * normal(&random) - 0.06125)
                let idle = random.nextUnitDouble() < 0.04
                let season = 1 + amplitude * sin(2 * Double.pi * Double(month) / 12 + phase)
                let value = level * noise * busy[month] * season * exp(growth * Double(month))
                usage[month] = idle ? 0 : Int((value / 10).rounded()) * 10
            }
            seats.append(SeatHistory(id: "seat\(seatIndex)", firstOffset: first, usage: usage))
        }
        return WorkspaceHistory(name: name, seats: seats)
    }
}
