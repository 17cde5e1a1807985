import CSVStream

/// How the importer reads a usage file's layout, for tools that route its rows by workspace
/// without importing them (`creditcast split`): the delimiter it would sniff, the workspace
/// column its header matching finds, and a workspace's name as a row gives it.
package enum UsageFileLayout {
    /// The delimiter the importer uses for a file starting with `prefix` under `options`.
    package static func delimiter(sniffing prefix: [UInt8], options: UsageImportOptions) -> UInt8 {
        options.delimiter ?? DelimiterSniffer.sniff(prefix)
    }

    /// The workspace column of a header row, `nil` when the row has none (or is no header).
    package static func workspaceColumn(of header: CSVRecord, options: UsageImportOptions) -> Int? {
        var matcher = HeaderMatcher<UsageColumn>(givenNames: options.givenColumns)
        return matcher.match(header).indices[.workspace]
    }

    /// Whether the file at `path` holds a usage header (workspace, seat, month and credits
    /// columns) and no row: the part `creditcast split` writes for a shard the hash gave no
    /// workspace. `false` for anything else, a file larger than `FilePrefix.defaultLimit` or one
    /// that cannot be read, which the importer then reads and words.
    package static func holdsHeaderOnly(fileAt path: String, options: UsageImportOptions) -> Bool {
        let prefix = FilePrefix(path: path)
        guard let size = prefix.regularFileSize, size == prefix.start + prefix.bytes.count else { return false }
        let reader = CSVStreamReader(delimiter: delimiter(sniffing: prefix.bytes, options: options))
        var records = 0
        var header = false
        do {
            try reader.read(bytes: prefix.bytes) { record in
                records += 1
                guard records == 1 else { return }
                var matcher = HeaderMatcher<UsageColumn>(givenNames: options.givenColumns)
                let found = matcher.match(record).indices
                header = [UsageColumn.workspace, .seat, .month, .credits].allSatisfy { found[$0] != nil }
            }
        } catch { return false }
        return records == 1 && header
    }

    /// The workspace a row names in `column`, trimmed as the importer trims it; empty for a
    /// row too short to have it.
    package static func workspace(of row: CSVRecord, column: Int) -> String {
        column < row.count ? String(decoding: row.bytes(at: column).trimmed, as: UTF8.self) : ""
    }
}
