/// The nearest of the names a file or the pricing knows to a name that matches none, for a
/// message's "did you mean".
package enum NameSuggestion {
    /// The one name of `candidates` nearest `name` by edit distance, ignoring case, when it is
    /// close: at most one edit per three characters of `name`, and at least one. `nil` when no
    /// name is that close, or two are equally near (a guess would then mislead).
    package static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        let allowed = Swift.max(1, target.count / 3)
        var best: (name: String, distance: Int)?
        var tied = false
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            guard abs(other.count - target.count) <= allowed, let distance = editDistance(target, other, atMost: allowed) else {
                continue
            }
            if let current = best, distance >= current.distance {
                if distance == current.distance, candidate != current.name { tied = true }
                continue
            }
            best = (candidate, distance)
            tied = false
        }
        return tied ? nil : best?.name
    }

    /// `; did you mean "growth"?` for the nearest name, or nothing.
    package static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        nearest(to: name, in: candidates).map { "; did you mean \"\($0.messageExcerpt)\"?" } ?? ""
    }

    /// The Levenshtein distance of `a` and `b`, or `nil` when it is more than `limit`.
    private static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...Swift.max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = Swift.min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }
}
