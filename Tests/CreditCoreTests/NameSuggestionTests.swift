import Testing

@testable import CreditCore

@Suite struct NameSuggestionTests {
    @Test func theNearestCloseNameIsOffered() {
        #expect(NameSuggestion.nearest(to: "Acme Corp", in: ["Acme Crop", "Beta", "Gamma"]) == "Acme Crop")
        #expect(NameSuggestion.nearest(to: "grwoth", in: ["launch", "growth", "pro"]) == "growth")
        #expect(NameSuggestion.nearest(to: "ACME", in: ["acme", "beta"]) == "acme")
        #expect(NameSuggestion.didYouMean("gold", in: ["launch", "growth", "pro"]) == "")
        #expect(NameSuggestion.didYouMean("prp", in: ["launch", "growth", "pro"]) == "; did you mean \"pro\"?")
    }

    @Test func nothingIsOfferedWhenNoNameIsCloseOrTwoAreEquallyNear() {
        // One edit per three characters: "Zeta" is two edits from "Beta".
        #expect(NameSuggestion.nearest(to: "Zeda", in: ["Beta"]) == nil)
        #expect(NameSuggestion.nearest(to: "ws1", in: ["ws2", "ws3"]) == nil)
        #expect(NameSuggestion.nearest(to: "", in: ["a"]) == "a")
        #expect(NameSuggestion.nearest(to: "x", in: [String]()) == nil)
    }
}
