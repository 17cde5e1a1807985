/// A problem or a doubt about one place in an input file.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file, as given by the user.
    public var file: String
    /// The 1-based line, or `nil` for the file as a whole.
    public var line: Int?
    /// What is wrong, in words a user can act on.
    public var message: String
    /// The choice the caller can make about the file that settles the problem, when there is
    /// one: a command words it as its option.
    public var remedy: ImportRemedy?

    /// Creates a diagnostic.
    public init(file: String, line: Int?, message: String, remedy: ImportRemedy? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.remedy = remedy
    }

    /// `usage.csv:14: credits "abc" is not a number`.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
