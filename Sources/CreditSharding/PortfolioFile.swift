import CreditCore
import CreditForecast
import CreditReports
import Foundation

/// What a shard needs from the whole usage file when it reads only its own part of it
/// (`creditcast split`): `creditcast-portfolio.json`, a few hundred bytes however large the
/// portfolio.
///
/// A shard that read the whole file would learn these from it: the workspaces' count, the
/// file's months (a part may start or end inside them), the seats model's portfolio prior, and
/// the file's bytes for the input hash (kept as the `StableHash` state after them, from which
/// the shard's fingerprint goes on). With them a shard of a part writes exactly the lines a
/// shard of the whole file does, with the same input hash, so the merge is the single run's.
public struct PortfolioFile: Sendable, Equatable {
    /// The file's name inside a split's output directory.
    public static let fileName = "creditcast-portfolio.json"
    static let format = "creditcast-portfolio"
    static let formatVersion = 3

    /// How many parts the usage file was split into: N of `--shard K/N`.
    public var shards: Int
    /// `StableHash.value` after the whole usage file's bytes.
    public var usageState: UInt64
    /// Workspaces in the whole file, cut at `asOf`.
    public var workspaceCount: Int
    /// The whole file's first month with data.
    public var firstMonth: Month
    /// The whole file's last month with data.
    public var lastMonth: Month
    /// The as-of month the count and prior are for.
    public var asOf: Month
    /// The seats model's prior, learnt from every workspace of the file cut at `asOf`.
    public var prior: PortfolioPrior

    /// A portfolio file's contents.
    public init(
        shards: Int, usageState: UInt64, workspaceCount: Int, firstMonth: Month, lastMonth: Month, asOf: Month, prior: PortfolioPrior
    ) {
        self.shards = shards
        self.usageState = usageState
        self.workspaceCount = workspaceCount
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.asOf = asOf
        self.prior = prior
    }

    /// The file, as JSON.
    public var reportFile: ReportFile {
        let value = JSONValue.keyed([
            (.format, .string(Self.format)), (.formatVersion, .integer(Self.formatVersion)), (.shards, .integer(shards)),
            (.usageState, .string(StableHash(resuming: usageState).hex)), (.portfolioWorkspaces, .integer(workspaceCount)),
            (.firstMonth, .string(firstMonth.description)), (.lastMonth, .string(lastMonth.description)),
            (.asOf, .string(asOf.description)), (.portfolioPrior, ShardFile.json(prior)),
        ])
        return ReportFile(path: Self.fileName, text: value.pretty + "\n")
    }

    /// Reads the portfolio file at `path`.
    /// - Throws: `PortfolioFileError.unreadable` for anything that is not as `reportFile` writes
    ///   it, every count and value inside its bound.
    public init(fileAt path: String) throws(PortfolioFileError) {
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        guard bytes.count <= 1 << 20 else { throw .unreadable(path: path, reason: "it is larger than 1 MiB") }
        do throws(MergeError) {
            let object = try ShardJSONObject(parsing: Array(bytes), path: path, line: 1)
            guard (try? object.string(.format)) == Self.format else {
                throw object.failure(.format, "\"\(Self.format)\"")
            }
            let version = try object.int(.formatVersion)
            guard version == Self.formatVersion else {
                throw object.failure(.formatVersion, "\(Self.formatVersion) (split again with this creditcast)")
            }
            let state = try object.string(.usageState)
            guard state.count == 16, let usageState = UInt64(state, radix: 16) else {
                throw object.failure(.usageState, "16 hexadecimal digits")
            }
            self.init(
                shards: try object.int(.shards, in: 1...SplitLimits.parts), usageState: usageState,
                workspaceCount: try object.int(.portfolioWorkspaces, in: 1...ShardLimits.portfolioWorkspaces),
                firstMonth: try object.month(.firstMonth), lastMonth: try object.month(.lastMonth), asOf: try object.month(.asOf),
                prior: try ShardFile.portfolioPrior(try object.object(.portfolioPrior))
            )
            guard firstMonth <= asOf, asOf <= lastMonth else { throw object.failure(.asOf, "a month from first_month to last_month") }
        } catch {
            guard case let .unreadable(_, _, reason) = error else { throw .unreadable(path: path, reason: error.description) }
            throw .unreadable(path: path, reason: reason)
        }
    }
}
