import Testing

@testable import CreditSharding

/// `ShardJSON`: the shard file's lines parsed from their bytes, as JSON says and no further.
@Suite struct ShardJSONTests {
    static func parse(_ text: String) -> ShardJSON? { ShardJSON.parse(Array(text.utf8)) }

    @Test func readsALineAsTheWriterWritesIt() throws {
        let line = #"{"name":"Acme \"EU\"\\ \u00e9\ud83d\ude00\n", "seats" : 12,"months":[-3,0,7],"checksum":null,"annual":true}"#
        guard case let .object(members) = Self.parse(line) else {
            Issue.record("not an object")
            return
        }
        let object = ShardJSONObject(members: members, path: "f", line: 2)
        #expect(try object.string(.name) == "Acme \"EU\"\\ é😀\n")
        #expect(try object.int(.seats) == 12)
        #expect(try object.ints(.months) == [-3, 0, 7])
        #expect(object.isNull(.checksum) && object.isNull(.portfolioPrior))
        #expect(try object.bool(.annual))
        #expect(throws: MergeError.unreadable(path: "f", line: 2, reason: "\"seats\" is missing or not text")) { try object.string(.seats) }
    }

    @Test func wholeNumbersAreExactAndNothingElseIsOne() {
        func int(_ text: String) -> Int? { ShardJSONObject.int(Self.parse(text)) }
        #expect(int("9223372036854775807") == Int.max)
        #expect(int("-9223372036854775808") == Int.min)
        #expect(int("9223372036854775808") == nil)
        #expect(int("1.0") == nil && int("1e3") == nil)
        #expect(Self.parse("1.5e-3") != nil)
    }

    @Test(arguments: [
        "", "{", "{\"a\":1", "{\"a\":1,}", "[1,]", "[1 2]", "01", "-", "1.", ".5", "1e", "+1", "tru", "nul", "\"a", "\"\\x\"",
        "\"\\ud83d\"", "\"\\udc00\"", "\"tab\there\"", "{\"a\":1} x", "{1:2}", "NaN", "Infinity",
    ])
    func refusesWhatIsNotExactlyOneJSONValue(_ text: String) {
        #expect(Self.parse(text) == nil, "\(text)")
    }

    @Test func refusesBytesThatAreNotUTF8AndNestingTooDeep() {
        #expect(ShardJSON.parse([0x22, 0xFF, 0x22]) == nil)
        #expect(Self.parse(String(repeating: "[", count: 40) + String(repeating: "]", count: 40)) == nil)
        #expect(Self.parse(String(repeating: "[", count: 20) + String(repeating: "]", count: 20)) != nil)
    }
}
