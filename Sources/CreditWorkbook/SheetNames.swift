/// Tab names Excel accepts, made from workspace names: at most 31 characters, none of
/// `[ ] : * ? / \`, not beginning or ending with an apostrophe, and unique ignoring case (Excel
/// treats `Acme` and `ACME` as one sheet).
struct SheetNames {
    /// Excel's longest tab name, in characters.
    static let maximumLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    private var taken: Set<String> = []

    /// A name for a new sheet from `wanted`, changed only as far as Excel requires; a name taken
    /// already gets ` (2)`, ` (3)`, … within the length limit.
    mutating func unique(_ wanted: String) -> String {
        var base = String(wanted.map { Self.forbidden.contains($0) || $0.isNewline ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(Self.maximumLength))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(Self.maximumLength - suffix.count)) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
