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

    @Test func pooledBinsHoldAtLeastTheMinimum() {
        // Tenths holding 3, 0, 1, 4, 0, 2 and 1 forecasts, all of probability 0.1 × index + 0.05.
        let counts = [3, 0, 1, 4, 0, 2, 1]
        var forecasts: [EventForecast] = []
        for (index, count) in counts.enumerated() {
            for event in 0..<count {
                forecasts.append(EventForecast(probability: Double(index) / 10 + 0.05, happened: event == 0))
            }
        }
        let pooled = ReliabilityBin.pooled(ReliabilityBin.table(forecasts, bins: 10), minimumCount: 4)
        // 3 + 1 (tenths 0–2) reach 4; 4 (tenth 3) alone; 2 + 1 (tenths 5–6) fall short and join it.
        #expect(pooled.map(\.count) == [4, 7])
        #expect(pooled.map(\.lower) == [0, 0.3])
        #expect(pooled.map(\.upper) == [0.3, 0.7])
        // Tenth 0: 1 of 3 happened, tenth 2: 1 of 1, so 2 of 4; mean (3 × 0.05 + 0.25) / 4.
        #expect(abs(pooled[0].observedFrequency - 0.5) < 1e-12)
        #expect(abs(pooled[0].meanProbability - 0.1) < 1e-12)
        // 1 of 4, 1 of 2 and 1 of 1 happened: 3 of 7.
        #expect(abs(pooled[1].observedFrequency - 3.0 / 7) < 1e-12)
        #expect(abs(pooled[1].meanProbability - (4 * 0.35 + 2 * 0.55 + 0.65) / 7) < 1e-12)
        // Too few forecasts for even one full bin: one bin of them all; none at all: none.
        #expect(ReliabilityBin.pooled(ReliabilityBin.table(forecasts, bins: 10), minimumCount: 100).map(\.count) == [11])
        #expect(ReliabilityBin.pooled(ReliabilityBin.table([], bins: 10), minimumCount: 4) == [])
    }
}
