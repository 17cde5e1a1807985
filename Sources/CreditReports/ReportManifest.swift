import Foundation

/// The files of the report set in a directory, as the run that wrote them listed them in
/// `.creditcast-manifest`.
///
/// A run into a directory replaces the whole set: the files the previous set listed and the new
/// one does not (the charts of workspaces no longer present, a `sensitivity.csv` beside a new
/// renewal) are removed. Nothing else in the directory is ever removed, so `--out` may point at a
/// directory that holds other files; a directory written by a creditcast without manifests has
/// its files replaced, never removed.
struct ReportManifest: Codable, Equatable, Sendable {
    /// The manifest's name inside the report directory.
    static let name = ".creditcast-manifest"

    /// The files' paths inside the directory, in the order they were written.
    var files: [String]

    /// The manifest of `files`.
    init(files: [String]) {
        self.files = files
    }

    /// The manifest in `directory`, keeping only names that stay inside it: empty if there is
    /// none or it cannot be read (an edited manifest can never make a run remove a file outside
    /// the directory or one of creditcast's own working files).
    static func read(in directory: String) -> ReportManifest {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name),
            let manifest = try? JSONDecoder().decode(ReportManifest.self, from: data)
        else { return ReportManifest(files: []) }
        return ReportManifest(files: manifest.files.filter(isInside))
    }

    /// The manifest as the file holds it: JSON, one file to a line.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding an array of strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Whether `name` is a path inside a directory that is not one of creditcast's working files:
    /// relative, without `.` or `..`, and not the manifest or a staging or commit directory.
    static func isInside(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !name.contains("\0") else { return false }
        return !first.hasPrefix(".creditcast-") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
