import Testing

@testable import CreditCore

@Suite struct NameSuggestionTests {
    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        let pairs: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("kitten", "sitting", 3), ("forcast", "forecast", 1), ("flaw", "lawn", 2), ("abc", "abc", 0),
        ]
        for (a, b, distance) in pairs {
            #expect(NameSuggestion.editDistance(Array(a), Array(b)) == distance, "\(a) → \(b)")
            #expect(NameSuggestion.editDistance(Array(b), Array(a)) == distance, "\(b) → \(a)")
        }
    }

    @Test func suggestsOnlyANearName() {
        let commands = ["ledger", "check", "forecast", "watchlist", "renew", "backtest", "merge"]
        #expect(NameSuggestion.closest(to: "forcast", among: commands) == "forecast")
        #expect(NameSuggestion.closest(to: "Watchlst", among: commands) == "watchlist")
        #expect(NameSuggestion.closest(to: "renwe", among: commands) == nil)  // two edits in five letters: too far
        #expect(NameSuggestion.closest(to: "merg", among: commands) == "merge")
        #expect(NameSuggestion.closest(to: "deploy", among: commands) == nil)
        #expect(NameSuggestion.closest(to: "Acme Co", among: ["Acme Co.", "Acme Corp"]) == "Acme Co.")
    }
}
