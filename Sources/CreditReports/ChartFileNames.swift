import CreditCore

/// File names for per-workspace charts that are safe on every file system and never collide.
///
/// A workspace name may hold `/`, `..`, spaces, emoji, or differ from another only in case
/// (which collides on macOS and Windows). The name is a lower-case ASCII slug of the workspace
/// name, readable in a directory listing, plus 8 hex digits of its `StableHash` so that names
/// with the same slug stay apart and stay the same from run to run.
enum ChartFileNames {
    /// The longest slug kept, so paths stay well within file-name limits.
    static let maximumSlugLength = 40

    /// One file name (`acme-corp-1a2b3c4d.svg`) per entry of `workspaces`, in order, all distinct
    /// even when compared case-insensitively.
    static func names(for workspaces: [String]) -> [String] {
        var taken: Set<String> = []
        return workspaces.map { workspace in
            let base = "\(slug(workspace))-\(String(StableHash().hashed(workspace).prefix(8)))"
            var name = base
            var suffix = 2
            // A duplicate workspace name (or, very rarely, a hash collision) gets a counter.
            while taken.contains(name) {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            return name + ".svg"
        }
    }

    /// Lower-case ASCII letters and digits of `name`, other runs of characters as one `-`;
    /// `workspace` if nothing is left.
    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
            if slug.count >= maximumSlugLength { break }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "workspace" : slug
    }
}

extension StableHash {
    /// The hex hash of `text`.
    fileprivate func hashed(_ text: String) -> String {
        var hash = self
        hash.combine(text)
        return hash.hex
    }
}
