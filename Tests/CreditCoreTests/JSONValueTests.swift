import CreditCore
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func escapesStrings() throws {
        let text = "a \"quoted\" \\ back\nslash\ttab \u{1} é"
        let rendered = JSONValue.quoted(text)
        #expect(rendered == "\"a \\\"quoted\\\" \\\\ back\\nslash\\ttab \\u0001 é\"")
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(rendered)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func rendersNestedValuesIndented() {
        let value = JSONValue.object([
            ("a", .array([.integer(1), .null])), ("b", .array([.object([("c", .string("d"))])])), ("e", .object([])),
        ])
        #expect(value.compact == #"{"a":[1,null],"b":[{"c":"d"}],"e":{}}"#)
        #expect(
            value.pretty == """
                {
                  "a": [
                    1,
                    null
                  ],
                  "b": [
                    {
                      "c": "d"
                    }
                  ],
                  "e": {}
                }
                """)
    }
}
