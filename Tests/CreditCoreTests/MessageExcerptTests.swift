import Testing

@testable import CreditCore

@Suite struct MessageExcerptTests {
    @Test func controlCharactersAndBidirectionalOverridesAreWrittenOut() {
        #expect("a\tb\nc\rd\u{1B}[31m".messageExcerpt == "a\\tb\\nc\\rd\\x1B[31m")
        #expect("\u{85}\u{2028}\u{2029}".messageExcerpt == "\\u{85}\\u{2028}\\u{2029}")
        #expect("user\u{202E}gpj.exe".messageExcerpt == "user\\u{202E}gpj.exe")
        #expect(
            "\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}".messageExcerpt
                == "\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{2066}\\u{2067}\\u{2068}\\u{2069}")
        #expect("Café Zoë 東京".messageExcerpt == "Café Zoë 東京")
    }

    @Test func atMostSixtyScalarsAreQuoted() {
        #expect(String(repeating: "x", count: 60).messageExcerpt == String(repeating: "x", count: 60))
        #expect(String(repeating: "x", count: 61).messageExcerpt == String(repeating: "x", count: 60) + "…")
        #expect(String(repeating: "\u{202E}", count: 61).messageExcerpt == String(repeating: "\\u{202E}", count: 60) + "…")
    }
}
