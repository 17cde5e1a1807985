/// A JSON value whose objects keep their keys in the order given, rendered deterministically.
///
/// `JSONEncoder` either keeps no stable order or sorts keys alphabetically; the ledger's months
/// read best in column order (`month`, `opening`, … `closing`), and the same input must give the
/// same bytes, so reports and the check summary build their JSON from this instead.
public indirect enum JSONValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A number, as already-formatted JSON number text (`12`, `0.005`); kept as text so a 64-bit
    /// seed or a credit count is written exactly.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([JSONValue])
    /// An object whose members are written in this order.
    case object([(String, JSONValue)])

    /// A whole number.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or `null` when there is none.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value on one line with no spaces.
    public var compact: String {
        var out = ""
        write(into: &out, indent: nil, depth: 0)
        return out
    }

    /// The value with two-space indentation, for files people open.
    public var pretty: String {
        var out = ""
        write(into: &out, indent: "  ", depth: 0)
        return out
    }

    /// `text` as a JSON string literal, quotes included. JSON strings are also valid YAML
    /// double-quoted scalars, which is why the Markdown front matter uses this too.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let scalar where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                // Control characters must be escaped; U+2028/2029 too, for JavaScript readers.
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private func write(into out: inout String, indent: String?, depth: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out += "\n" + String(repeating: indent, count: level)
        }
        switch self {
        case let .string(text): out += Self.quoted(text)
        case let .number(text): out += text
        case let .bool(value): out += value ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(depth + 1)
                item.write(into: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out += "]"
        case let .object(members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                newline(depth + 1)
                out += Self.quoted(key) + (indent == nil ? ":" : ": ")
                value.write(into: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out += "}"
        }
    }

    /// Whether the two values render to the same JSON text (an object's key order counts).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.compact == rhs.compact
    }
}
