import CreditCore

/// The random streams of one workspace's trials: the one place they are derived, so a
/// renewal's or a backtest's trial `t` is the forecast's trial `t`.
///
/// Trial `t` of workspace `w` draws from
/// `Xoshiro256StarStar(seed: seed, stream: StableHash.of(w), trial: t)`: reproducible whatever
/// thread runs it and whatever other workspaces are in the file.
public struct TrialStream: Sendable, Equatable {
    /// The run's seed.
    public var seed: UInt64
    /// The workspace's stream: the stable hash of its name.
    public var stream: UInt64

    /// The streams of the workspace named `workspace` under `seed`.
    public init(seed: UInt64, workspace: String) {
        self.seed = seed
        self.stream = StableHash.of(workspace)
    }

    /// The generator of trial `trial`.
    @inlinable
    public func generator(trial: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: stream, trial: UInt64(trial))
    }
}
