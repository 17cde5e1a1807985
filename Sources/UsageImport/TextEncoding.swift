/// The text encodings usage exports come in.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian: Excel's "Unicode Text" on Windows.
    case utf16LittleEndian = "utf-16le"
    /// UTF-16, big-endian.
    case utf16BigEndian = "utf-16be"
    /// Windows-1252: Excel's "CSV" on Windows in Western European locales.
    case windows1252 = "windows-1252"

    /// The option value: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    public var description: String { rawValue }

    /// The name iconv knows it by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .windows1252: "WINDOWS-1252"
        }
    }

    /// The name for messages.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16 (little-endian)"
        case .utf16BigEndian: "UTF-16 (big-endian)"
        case .windows1252: "Windows-1252"
        }
    }
}
