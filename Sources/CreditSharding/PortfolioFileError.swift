/// Why a portfolio file (`creditcast split`'s `creditcast-portfolio.json`) cannot be used.
public enum PortfolioFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read or is not a portfolio file.
    case unreadable(path: String, reason: String)
    /// The file was written for other shards or another as-of month than the run's.
    case mismatch(path: String, reason: String)

    /// The message for people: the file, the problem, what to do.
    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): not a readable creditcast portfolio file: \(reason)"
        case let .mismatch(path, reason): "\(path): \(reason); split the usage file again for this run"
        }
    }
}
