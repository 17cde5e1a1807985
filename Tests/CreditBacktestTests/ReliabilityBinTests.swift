import CreditBacktest
import Testing

@Suite struct ReliabilityBinTests {
    @Test func binsByHand() {
        let forecasts = [
            EventForecast(probability: 0.05, happened: false), EventForecast(probability: 0.0, happened: false),
            EventForecast(probability: 0.15, happened: true), EventForecast(probability: 0.95, happened: true),
            EventForecast(probability: 1.0, happened: true), EventForecast(probability: 0.9, happened: false),
        ]
        let bins = ReliabilityBin.table(forecasts, bins: 10)
        #expect(bins.count == 10)
        #expect(bins[0] == ReliabilityBin(lower: 0, upper: 0.1, count: 2, meanProbability: 0.025, observedFrequency: 0))
        #expect(bins[1].count == 1 && bins[1].observedFrequency == 1 && abs(bins[1].meanProbability - 0.15) < 1e-12)
        // 0.9, 0.95 and 1.0 all fall in the last bin; two of the three happened.
        #expect(bins[9].count == 3)
        #expect(abs(bins[9].meanProbability - 2.85 / 3) < 1e-12)
        #expect(abs(bins[9].observedFrequency - 2.0 / 3) < 1e-12)
        // An empty bin reports its middle and no frequency.
        #expect(bins[5] == ReliabilityBin(lower: 0.5, upper: 0.6, count: 0, meanProbability: 0.55, observedFrequency: 0))
    }
}
