/// A problem or a doubt about one place in an input file.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file, as given by the user.
    public var file: String
    /// The 1-based line, or `nil` for the file as a whole.
    public var line: Int?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `usage.csv:14: credits "abc" is not a number`.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
