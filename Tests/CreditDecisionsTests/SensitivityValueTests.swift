import CreditDecisions
import CreditForecast
import Testing

@Suite struct SensitivityValueTests {
    @Test func settingsReadAsChangesFromTheBaseline() {
        let values: [(SensitivityValue, String)] = [
            (.multiplier(UsageMultiplier(millionths: 816_322)), "\u{2212}18.4%"),
            (.multiplier(UsageMultiplier(millionths: 1_730_903)), "+73.1%"),
            (.multiplier(UsageMultiplier(millionths: 740_000)), "\u{2212}26%"),
            (.multiplier(UsageMultiplier(millionths: 1_000_400)), "0%"),
            (.multiplier(UsageMultiplier(millionths: 1_000_500)), "+0.1%"),
            (.monthlyGrowth(UsageMultiplier(millionths: 1_018_000)), "+1.8% a month"),
            (.monthlyGrowth(UsageMultiplier(millionths: 994_292)), "\u{2212}0.6% a month"),
            (.seats(-1), "\u{2212}1 seat"), (.seats(3), "+3 seats"), (.plan("launch"), "launch"), (.plan(nil), "same plan"),
        ]
        for (value, words) in values { #expect(value.change == words, "\(value)") }
    }
}
