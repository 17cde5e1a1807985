import Foundation

/// What a report commit does to its directory, written into the staging directory before the
/// commit point so that a run killed half-way through can be finished by the next one.
struct CommitJournal: Codable, Equatable, Sendable {
    /// The journal's name inside the staging (and commit) directory.
    static let name = "journal.json"

    /// The files to move into place, in order, by path inside the directory (the manifest, when
    /// the directory keeps one, follows them).
    var put: [String]
    /// The files of the previous set to remove, by path inside the directory.
    var remove: [String]

    /// The journal in `directory`, or `nil` if it is missing, unreadable or names a file outside
    /// the directory (the journal is synced before the commit point, so a commit directory
    /// without a readable one was never committed).
    static func read(in directory: String) -> CommitJournal? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name),
            let journal = try? JSONDecoder().decode(CommitJournal.self, from: data),
            (journal.put + journal.remove).allSatisfy(ReportManifest.isInside)
        else { return nil }
        return journal
    }

    /// The journal as its file holds it.
    var data: Data {
        // Encoding arrays of strings cannot fail.
        (try? JSONEncoder().encode(self)) ?? Data()
    }
}
