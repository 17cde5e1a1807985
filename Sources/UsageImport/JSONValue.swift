/// Just enough JSON to write a check summary with a fixed key order, which Foundation's
/// serialisation does not promise.
enum JSONValue {
    case string(String)
    case int(Int)
    case null
    case array([JSONValue])
    /// Keys in the order given.
    case object([(key: String, value: JSONValue)])

    /// The value as indented JSON text; arrays of plain values stay on one line.
    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case let .string(text): return Self.quoted(text)
        case let .int(number): return String(number)
        case .null: return "null"
        case let .array(elements):
            if elements.allSatisfy(\.isScalar) {
                return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            let lines = elements.map { inner + $0.rendered(indent: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(members):
            if members.isEmpty { return "{}" }
            let lines = members.map { inner + Self.quoted($0.key) + ": " + $0.value.rendered(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .string, .int, .null: true
        case .array, .object: false
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
