import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports
import Foundation

extension ShardFile {
    /// The path of the shard file in `directory`.
    public static func path(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    /// The prior a header's `portfolio_prior` describes.
    static func portfolioPrior(_ object: ShardJSONObject) throws(MergeError) -> PortfolioPrior {
        let texts = try object.strings(.seasonEffects)
        let effects = texts.compactMap(Double.init).filter(\.isFinite)
        guard texts.count == 12, effects.count == 12 else {
            throw object.failure(.seasonEffects, "twelve finite decimals in strings")
        }
        func elasticity(_ key: ShardKey, in bounds: ClosedRange<Double>) throws(MergeError) -> Double {
            let value = try object.double(key)
            guard bounds.contains(value) else {
                throw object.outOfBounds(
                    key, object.members[key.rawValue], "an elasticity from \(Int(bounds.lowerBound)) to \(Int(bounds.upperBound))")
            }
            return value
        }
        let errorTexts = try object.strings(.seasonErrorVariances)
        let errorVariances = errorTexts.compactMap(Double.init).filter { $0.isFinite && $0 >= 0 }
        guard errorTexts.count == 12, errorVariances.count == 12 else {
            throw object.failure(.seasonErrorVariances, "twelve finite decimals of 0 or more in strings")
        }
        let workspaces = 0...ShardLimits.portfolioWorkspaces
        // Each departure is a month's log usage about its workspace's line, within the log
        // spread's bound; a month's sum holds one per workspace counted.
        let sumTexts = try object.strings(.sharedDepartureSums)
        let counts = try object.ints(.sharedDepartureCounts)
        guard counts.allSatisfy(workspaces.contains) else {
            throw object.failure(.sharedDepartureCounts, "whole numbers from 0 to \(ShardLimits.portfolioWorkspaces.groupedThousands)")
        }
        let sums = sumTexts.compactMap(Double.init)
        guard sums.count == sumTexts.count, sums.count == counts.count,
            zip(sums, counts).allSatisfy({ $0.isFinite && abs($0) <= Double($1) * Double(ShardLimits.logSpread) })
        else {
            throw object.failure(
                .sharedDepartureSums,
                "as many decimals in strings as \(ShardKey.sharedDepartureCounts.rawValue) has counts, each within \(ShardLimits.logSpread.groupedThousands) times its count of 0"
            )
        }
        return PortfolioPrior(
            trend: TrendPrior(
                mean: try object.logSlope(.trendMean), sigma: try object.logSpread(.trendSigma),
                workspaces: try object.int(.trendWorkspaces, in: workspaces)),
            seasonality: SeasonalProfile(
                effects: effects, firstMonth: try object.month(.seasonFirstMonth),
                workspaces: try object.int(.seasonWorkspaces, in: workspaces), errorVariances: errorVariances,
                workingDayElasticity: try elasticity(
                    .seasonWorkingDayElasticity, in: -SeasonalProfile.maxWorkingDayElasticity...SeasonalProfile.maxWorkingDayElasticity),
                monthLengthElasticity: try elasticity(.seasonMonthLengthElasticity, in: 0...SeasonalProfile.maxMonthLengthElasticity)),
            factorSigma: try object.logSpread(.factorSigma), sharedDepartures: SharedDepartures(sums: sums, counts: counts)
        )
    }

    /// The header a first line describes, every count and value inside its bound.
    static func header(_ header: ShardJSONObject) throws(MergeError) -> ShardHeader {
        let path = header.path
        guard (try? header.string(.format)) == format else {
            throw .unreadable(path: path, line: 1, reason: "the first line is not a creditcast shard header")
        }
        let version = try header.int(.formatVersion)
        guard version == formatVersion else {
            let writer = version < formatVersion ? "an older" : "a newer"
            throw .unreadable(
                path: path, line: 1,
                reason:
                    "it is in shard format version \(version), written by \(writer) creditcast; this one reads version \(formatVersion) only: merge with the creditcast that wrote the shards"
            )
        }
        guard let shards = ShardSet(parsing: try header.string(.shard)) else {
            throw header.failure(.shard, "K/N, or shards like 1-4,7/N, each from 1 to N")
        }
        guard let kind = ShardKind(rawValue: try header.string(.report)) else {
            throw header.failure(.report, "forecast, watchlist or renew")
        }
        let portfolioCount = try header.int(.portfolioWorkspaces, in: 0...ShardLimits.portfolioWorkspaces)
        let workspaceCount = try header.int(.workspaces, in: 0...portfolioCount)
        guard let seed = UInt64(try header.string(.seed)) else { throw header.failure(.seed, "a seed") }
        guard let model = UsageModelKind(rawValue: try header.string(.model)) else { throw header.failure(.model, "a usage model") }
        let maxTrials = try header.int(.maxTrials, in: 1...ForecastSettings.maximumTrials)
        var precision: Double?
        if !header.isNull(.precision) {
            let value = try header.double(.precision)
            guard value > 0, value < 0.5 else {
                throw header.outOfBounds(.precision, header.members[ShardKey.precision.rawValue], "a decimal above 0 and below 0.5")
            }
            precision = value
        }
        let settings = ForecastSettings(
            horizon: try header.int(.horizon, in: 1...ForecastSettings.maximumHorizon),
            trials: try header.int(.trials, in: 1...ForecastSettings.maximumTrials), seed: seed, model: model,
            precision: precision,
            portfolioPrior: header.isNull(.portfolioPrior) ? nil : try portfolioPrior(try header.object(.portfolioPrior)),
            maxTrials: maxTrials
        )
        let run = ForecastRun(settings: settings, asOf: try header.month(.asOf), inputHash: try header.string(.inputHash), workspaces: [])
        let scenarios = try header.strings(.scenarios)
        guard (1...ShardLimits.scenarios).contains(scenarios.count) else {
            throw header.failure(.scenarios, "a list of 1 to \(ShardLimits.scenarios.groupedThousands) scenario names")
        }
        let layout: ShardLayout
        switch kind {
        case .forecast:
            layout = .forecast(annual: try header.bool(.annual))
        case .watchlist:
            let thresholds = try header.object(.thresholds)
            layout = .watchlist(
                WatchlistThresholds(
                    shortfallProbability: try thresholds.probability(.shortfallProbability),
                    capProbability: try thresholds.probability(.capProbability),
                    windowMonths: try thresholds.int(.windowMonths, in: 1...ForecastSettings.maximumHorizon)
                ))
        case .renew:
            guard let risk = RenewalRisk(rawValue: try header.string(.risk)) else { throw header.failure(.risk, "mean or p90") }
            layout = .renew(risk, sensitivity: try header.bool(.sensitivity))
        }
        return ShardHeader(
            shards: shards, portfolioCount: portfolioCount, workspaceCount: workspaceCount, run: run,
            assumptions: ReportAssumptions(
                pricing: try header.string(.pricing), rules: try header.string(.rules),
                startingBalances: try header.string(.startingBalances)
            ),
            toolVersion: try header.string(.toolVersion), scenarios: scenarios, layout: layout
        )
    }

    /// The workspace a line describes, laid out as `header` says, every value inside its bound.
    static func record(_ object: ShardJSONObject, header: ShardHeader) throws(MergeError) -> ShardRecord {
        let settings = header.run.settings
        let mostTrials = max(settings.trials, settings.maxTrials)
        let months = (1...settings.horizon).map { header.run.asOf.advanced(by: $0) }
        func sameName(_ names: [String], _ key: ShardKey) throws(MergeError) {
            guard Set(names).count == 1 else { throw object.failure(key, "one workspace's figures (the names differ)") }
        }
        switch header.layout {
        case .forecast, .watchlist:
            let forecasts = try object.objects(.forecasts)
            guard forecasts.count == header.scenarios.count else { throw object.failure(.forecasts, "one forecast per scenario") }
            var workspaces: [WorkspaceForecast] = []
            for forecast in forecasts { workspaces.append(try workspace(forecast, months: months, maxTrials: mostTrials)) }
            try sameName(workspaces.map(\.name), .forecasts)
            var annual: RenewalForecast?
            if case .forecast(true) = header.layout {
                annual = try renewal(try object.object(.annual), maxTrials: mostTrials)
            }
            return ShardRecord(forecasts: workspaces, annual: annual, renewals: [], sensitivity: nil)
        case let .renew(_, sensitive):
            let objects = try object.objects(.renewals)
            guard objects.count == header.scenarios.count else { throw object.failure(.renewals, "one renewal per scenario") }
            var renewals: [RenewalForecast] = []
            for item in objects { renewals.append(try renewal(item, maxTrials: mostTrials)) }
            try sameName(renewals.map(\.name), .renewals)
            let analysis = sensitive ? try sensitivity(try object.object(.sensitivity)) : nil
            return ShardRecord(forecasts: [], annual: nil, renewals: renewals, sensitivity: analysis)
        }
    }

    /// Five percentiles of credits, ascending, within `ShardLimits.credits` (not negative
    /// unless `signed`).
    static func percentiles(_ object: ShardJSONObject, _ key: ShardKey, signed: Bool = false) throws(MergeError) -> Percentiles {
        let values = try object.ints(key)
        let low = signed ? -ShardLimits.credits : 0
        guard values.count == 5, values.allSatisfy({ (low...ShardLimits.credits).contains($0) }), values == values.sorted() else {
            throw object.failure(
                key, "five ascending percentiles from \(low.groupedThousands) to \(ShardLimits.credits.groupedThousands) credits")
        }
        return Percentiles(p5: values[0], p10: values[1], p50: values[2], p90: values[3], p95: values[4])
    }

    /// Seats a workspace may show: `UsageHistory.maximumSeats`, twice over for a scenario that
    /// adds as many again.
    static let seats = 0...(2 * UsageHistory.maximumSeats)

    /// A workspace's forecast over `months`, each value inside its bound.
    static func workspace(_ object: ShardJSONObject, months expected: [Month], maxTrials: Int) throws(MergeError) -> WorkspaceForecast {
        var months: [MonthForecast] = []
        let objects = try object.objects(.months)
        guard objects.map({ try? $0.month(.month) }) == expected else {
            let first = expected.first?.description ?? ""
            let last = expected.last?.description ?? ""
            throw object.failure(
                .months, expected.count == 1 ? "the month \(first)" : "the \(expected.count) months \(first) to \(last) in order")
        }
        for month in objects {
            months.append(
                MonthForecast(
                    month: try month.month(.month), seats: try month.int(.seats, in: seats), accrual: try month.credits(.accrual),
                    cap: try month.credits(.cap),
                    usage: try percentiles(month, .usage), opening: try percentiles(month, .opening, signed: true),
                    closing: try percentiles(month, .closing, signed: true),
                    closingMean: try month.mean(.closingMean, signed: true), probabilityOfCapHit: try month.probability(.pCap),
                    probabilityOfShortfall: try month.probability(.pShortfall), forfeitedMean: try month.mean(.forfeitedMean),
                    shortfallMean: try month.mean(.shortfallMean), payAsYouGoCostMean: try month.cents(.paygCents),
                    probabilityOfCapHitByThen: try month.probability(.pCapByThen),
                    probabilityOfShortfallByThen: try month.probability(.pShortfallByThen)
                ))
        }
        return WorkspaceForecast(
            name: try object.string(.name), plan: try object.string(.plan), seats: try object.int(.seats, in: seats),
            startingBalance: try object.credits(.startingBalance, signed: true), cap: try object.credits(.cap), months: months,
            probabilityOfAnyCapHit: try object.probability(.pAnyCap), probabilityOfAnyShortfall: try object.probability(.pAnyShortfall),
            capHitLikelyBy: try object.optionalMonth(.capLikelyBy), shortfallLikelyBy: try object.optionalMonth(.shortfallLikelyBy),
            expectedForfeited: try object.mean(.expectedForfeited), expectedShortfall: try object.mean(.expectedShortfall),
            expectedPayAsYouGoCost: try object.cents(.expectedPaygCents), trials: try object.int(.trials, in: 1...maxTrials),
            expectedPackageCost: try object.cents(.expectedPackageCents), seatFees: try object.optionalCents(.seatFeeCents),
            recentUsage: try recent(object, .recentUsage), recentClosing: try recent(object, .recentClosing, signed: true)
        )
    }

    /// The history's last months of credits, at most `ForecastEngine.recentHistoryMonths`, each
    /// within `ShardLimits.credits` (not negative unless `signed`, as balances are checked).
    static func recent(_ object: ShardJSONObject, _ key: ShardKey, signed: Bool = false) throws(MergeError) -> [Int] {
        let values = try object.ints(key)
        let low = signed ? -ShardLimits.credits : 0
        guard values.count <= ForecastEngine.recentHistoryMonths, values.allSatisfy({ (low...ShardLimits.credits).contains($0) }) else {
            throw object.failure(
                key,
                "at most \(ForecastEngine.recentHistoryMonths) months of credits from \(low.groupedThousands) to "
                    + "\(ShardLimits.credits.groupedThousands)")
        }
        return values
    }

    static func package(_ object: ShardJSONObject) throws(MergeError) -> CreditPackage {
        CreditPackage(
            credits: try object.int(.credits, in: PricingLimits.packageCredits),
            price: Money(cents: try object.int(.priceCents, in: 0...PricingLimits.packagePrice.cents)))
    }

    static func sensitivity(_ object: ShardJSONObject) throws(MergeError) -> WorkspaceSensitivity {
        func outcome(_ key: ShardKey, in object: ShardJSONObject) throws(MergeError) -> SensitivityOutcome {
            let value = try object.object(key)
            return SensitivityOutcome(renewalCost: try value.cents(.costCents), shortfallProbability: try value.probability(.pShortfall))
        }
        func setting(_ key: ShardKey, in object: ShardJSONObject) throws(MergeError) -> SensitivitySetting {
            let value = try object.object(key)
            guard let kind = ShardSettingKind(rawValue: try value.string(.kind)) else {
                throw value.failure(.kind, "multiplier, monthly_growth, seats or plan")
            }
            let parsed: SensitivityValue
            switch kind {
            case .multiplier, .monthlyGrowth:
                let factor = UsageMultiplier(millionths: try value.int(.millionths, in: 0...UsageMultiplier.maximum.millionths))
                parsed = kind == .multiplier ? .multiplier(factor) : .monthlyGrowth(factor)
            case .seats: parsed = .seats(try value.int(.delta, in: -UsageHistory.maximumSeats...UsageHistory.maximumSeats))
            case .plan: parsed = .plan(try value.optionalString(.name))
            }
            return SensitivitySetting(value: parsed, changes: [])
        }
        var effects: [SensitivityEffect] = []
        for effect in try object.objects(.effects) {
            guard let driver = SensitivityDriver(rawValue: try effect.string(.driver)) else {
                throw effect.failure(.driver, "a sensitivity driver")
            }
            effects.append(
                SensitivityEffect(
                    range: SensitivityRange(driver: driver, low: try setting(.low, in: effect), high: try setting(.high, in: effect)),
                    atLow: try outcome(.atLow, in: effect), atHigh: try outcome(.atHigh, in: effect)
                ))
        }
        return WorkspaceSensitivity(
            workspace: try object.string(.workspace), renewal: try object.month(.renewal), strategy: try object.string(.strategy),
            baseline: try outcome(.baseline, in: object), effects: effects
        )
    }

    static func renewal(_ object: ShardJSONObject, maxTrials: Int) throws(MergeError) -> RenewalForecast {
        var outcomes: [StrategyOutcome] = []
        for outcome in try object.objects(.outcomes) {
            var upfront: [CreditPackage] = []
            for item in try outcome.objects(.upfront) { upfront.append(try package(item)) }
            let auto = outcome.isNull(.autoPurchase) ? nil : try package(try outcome.object(.autoPurchase))
            outcomes.append(
                StrategyOutcome(
                    strategy: PurchaseStrategy(name: try outcome.string(.strategy), upfront: upfront, autoPurchase: auto),
                    expectedCost: try outcome.cents(.expectedCostCents), p90Cost: try outcome.cents(.p90CostCents),
                    probabilityOfAnyPayAsYouGo: try outcome.probability(.pAnyPayg),
                    expectedUnusedCredits: try outcome.mean(.expectedUnusedCredits)
                ))
        }
        let need = try object.object(.need)
        return RenewalForecast(
            name: try object.string(.name), plan: try object.string(.plan), seats: try object.int(.seats, in: seats),
            startingBalance: try object.credits(.startingBalance, signed: true), renewal: try object.month(.renewal),
            trials: try object.int(.trials, in: 1...maxTrials),
            need: RenewalNeed(
                usage: try percentiles(need, .usage), accrual: try need.credits(.accrual),
                probabilityOfExtra: try need.probability(.pAnyShortfall), expectedExtra: try need.mean(.extraMean),
                extra: try percentiles(need, .extra), largestExtra: try need.credits(.extraLargest)
            ),
            outcomes: outcomes, seatFees: try object.optionalCents(.seatFeeCents)
        )
    }
}
