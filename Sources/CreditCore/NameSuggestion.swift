/// The "did you mean" of a name that matches nothing: the known name closest to it, when one is
/// close enough to be a slip of the keyboard rather than another name.
public enum NameSuggestion {
    /// The name among `known` nearest to `name` by edit distance (insertions, deletions and
    /// substitutions of characters, ignoring case), if it is within a third of the longer name's
    /// length and at most 3; the first such name on a tie.
    public static func closest(to name: String, among known: [String]) -> String? {
        let wanted = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in known {
            let other = Array(candidate.lowercased())
            let allowed = min(3, max(wanted.count, other.count) / 3)
            guard abs(wanted.count - other.count) <= allowed else { continue }
            let distance = editDistance(wanted, other)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance between two character sequences, in one row of memory.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let above = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
