import CreditCore

/// A workspaces file as read: each row's settings and line, so that what the rows name can be
/// checked, by line, against the usage file and the pricing they go with.
public struct WorkspaceList: Sendable, Equatable {
    /// The file, as messages name it.
    public var file: String
    /// The rows' settings, in file order.
    public var settings: [WorkspaceSettings]
    /// The line of each row.
    public var lines: [Int]

    /// A list of `settings` read from `file` at `lines`.
    public init(file: String, settings: [WorkspaceSettings], lines: [Int]) {
        self.file = file
        self.settings = settings
        self.lines = lines
    }

    /// Checks that every row names a workspace of the usage file, `workspaces` (with the nearest
    /// name offered when one is close), and a plan `planProblem` knows: it gives the problem
    /// with a plan name, or `nil` for a known plan. A row for no workspace would set nothing
    /// and hide a misspelling; a plan is checked here so that its error names the row's line.
    /// A row `elsewhere` says belongs to another part of a split usage file is not looked for.
    ///
    /// - Throws: every row's problem, each naming its line.
    public func check(
        workspaces: [String], elsewhere: (String) -> Bool = { _ in false }, planProblem: (String) -> String?,
        options: UsageImportOptions = .init()
    ) throws(UsageImportError) {
        var log = DiagnosticLog(file: file, limit: options.maxErrors)
        let known = Set(workspaces)
        for (row, line) in zip(settings, lines) {
            if !known.contains(row.name), !elsewhere(row.name) {
                log.error(
                    "workspace \"\(row.name.messageExcerpt)\" is not in the usage file\(NameSuggestion.didYouMean(row.name, in: workspaces)); "
                        + "check its spelling, or remove the row", line: line)
            }
            if let problem = planProblem(row.plan) { log.error(problem, line: line) }
        }
        guard !log.hasErrors else { throw UsageImportError(errors: log.errors, warnings: log.warnings) }
    }
}
