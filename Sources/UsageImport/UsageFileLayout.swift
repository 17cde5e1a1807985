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

    /// The workspace a row names in `column`, trimmed as the importer trims it; empty for a
    /// row too short to have it.
    package static func workspace(of row: CSVRecord, column: Int) -> String {
        column < row.count ? String(decoding: row.bytes(at: column).trimmed, as: UTF8.self) : ""
    }
}
