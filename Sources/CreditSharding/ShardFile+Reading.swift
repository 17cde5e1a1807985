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

    /// Reads the shard file a run with `--shard` wrote into `directory`.
    /// - Throws: `MergeError.missingShardFile` when there is none, `.unreadable` naming the line
    ///   of anything that is not as `ShardFile` writes it.
    public static func read(directory: String) throws(MergeError) -> RunResult {
        let path = path(in: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .missingShardFile(directory: directory)
        }
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, line: nil, reason: "it cannot be read (\(error.localizedDescription))")
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else { throw .unreadable(path: path, line: 1, reason: "the file is empty") }
        let header = try ShardJSONObject(parsing: Data(first), path: path, line: 1)
        guard (try? header.string(.format)) == format else {
            throw .unreadable(path: path, line: 1, reason: "the first line is not a creditcast shard header")
        }
        let version = try header.int(.formatVersion)
        guard version == formatVersion else {
            throw .unreadable(
                path: path, line: 1, reason: "format version \(version) is not \(formatVersion); merge with the creditcast that wrote it")
        }
        let count = try header.int(.workspaces)
        // The file ends with a line break after its last record; anything else is a cut-off file.
        guard lines.count == count + 2, lines.last?.isEmpty == true else {
            throw .unreadable(
                path: path, line: nil,
                reason:
                    "it should hold \(count) workspace lines after the header but holds \(max(0, lines.count - 2)); it was cut off or edited"
            )
        }
        var records: [ShardJSONObject] = []
        records.reserveCapacity(count)
        for (offset, line) in lines.dropFirst().dropLast().enumerated() {
            records.append(try ShardJSONObject(parsing: Data(line), path: path, line: offset + 2))
        }
        return try result(header: header, records: records)
    }

    /// The prior a header's `portfolio_prior` describes.
    static func portfolioPrior(_ object: ShardJSONObject) throws(MergeError) -> PortfolioPrior {
        let texts = try object.strings(.seasonEffects)
        let effects = texts.compactMap(Double.init)
        let first = try object.int(.seasonFirstCalendarMonth)
        guard texts.count == 12, effects.count == 12, (0..<12).contains(first) else {
            throw object.failure(.seasonEffects, "twelve decimals in strings, with a first calendar month 0 to 11")
        }
        return PortfolioPrior(
            trend: TrendPrior(
                mean: try object.double(.trendMean), sigma: try object.double(.trendSigma), workspaces: try object.int(.trendWorkspaces)),
            seasonality: SeasonalProfile(effects: effects, firstCalendarMonth: first, workspaces: try object.int(.seasonWorkspaces))
        )
    }

    /// The result a header and its workspace lines describe.
    static func result(header: ShardJSONObject, records: [ShardJSONObject]) throws(MergeError) -> RunResult {
        let path = header.path
        let shard: Shard
        do { shard = try Shard(parsing: try header.string(.shard)) } catch let error as MergeError { throw error } catch {
            throw .unreadable(path: path, line: 1, reason: "\"shard\" is not K/N")
        }
        guard let kind = ShardKind(rawValue: try header.string(.report)) else {
            throw header.failure(.report, "forecast, watchlist or renew")
        }
        guard let seed = UInt64(try header.string(.seed)) else { throw header.failure(.seed, "a seed") }
        guard let model = UsageModelKind(rawValue: try header.string(.model)) else { throw header.failure(.model, "a usage model") }
        let settings = ForecastSettings(
            horizon: try header.int(.horizon), trials: try header.int(.trials), seed: seed, model: model,
            precision: header.isNull(.precision) ? nil : try header.double(.precision),
            portfolioPrior: header.isNull(.portfolioPrior) ? nil : try portfolioPrior(try header.object(.portfolioPrior)),
            maxTrials: try header.int(.maxTrials)
        )
        let run = ForecastRun(settings: settings, asOf: try header.month(.asOf), inputHash: try header.string(.inputHash), workspaces: [])
        let scenarios = try header.strings(.scenarios)
        let positions = try records.map { record throws(MergeError) in try record.int(.position) }

        let payload: ShardPayload
        switch kind {
        case .forecast, .watchlist:
            var columns = [[WorkspaceForecast]](repeating: [], count: scenarios.count)
            let withAnnual = kind == .forecast && (header.members[ShardKey.annual.rawValue] as? Bool) == true
            var annual: [RenewalForecast] = []
            for record in records {
                if withAnnual { annual.append(try renewal(try record.object(.annual))) }
                let forecasts = try record.objects(.forecasts)
                guard forecasts.count == scenarios.count else { throw record.failure(.forecasts, "one forecast per scenario") }
                for (index, forecast) in forecasts.enumerated() { columns[index].append(try workspace(forecast)) }
            }
            if kind == .forecast {
                payload = .forecast(zip(scenarios, columns).map { ($0, $1) }, annual: annual)
            } else {
                let thresholds = try header.object(.thresholds)
                payload = .watchlist(
                    workspaces: columns.first ?? [],
                    thresholds: WatchlistThresholds(
                        shortfallProbability: try thresholds.double(.shortfallProbability),
                        capProbability: try thresholds.double(.capProbability), windowMonths: try thresholds.int(.windowMonths)
                    ))
            }
        case .renew:
            guard let risk = RenewalRisk(rawValue: try header.string(.risk)) else { throw header.failure(.risk, "mean or p90") }
            var columns = [[RenewalForecast]](repeating: [], count: scenarios.count)
            let sensitive = (header.members[ShardKey.sensitivity.rawValue] as? Bool) == true
            var analyses: [WorkspaceSensitivity] = []
            for record in records {
                if sensitive { analyses.append(try sensitivity(try record.object(.sensitivity))) }
                let renewals = try record.objects(.renewals)
                guard renewals.count == scenarios.count else { throw record.failure(.renewals, "one renewal per scenario") }
                for (index, renewal) in renewals.enumerated() { columns[index].append(try Self.renewal(renewal)) }
            }
            payload = .renew(scenarios: zip(scenarios, columns).map { ($0, $1) }, risk: risk, sensitivity: sensitive ? analyses : nil)
        }
        return RunResult(
            shard: shard, portfolioCount: try header.int(.portfolioWorkspaces), positions: positions, run: run,
            assumptions: ReportAssumptions(
                pricing: try header.string(.pricing), rules: try header.string(.rules),
                startingBalances: try header.string(.startingBalances)
            ),
            payload: payload, toolVersion: try header.string(.toolVersion)
        )
    }

    static func percentiles(_ object: ShardJSONObject, _ key: ShardKey) throws(MergeError) -> Percentiles {
        let values = try object.ints(key)
        guard values.count == 5 else { throw object.failure(key, "five percentiles") }
        return Percentiles(p5: values[0], p10: values[1], p50: values[2], p90: values[3], p95: values[4])
    }

    static func workspace(_ object: ShardJSONObject) throws(MergeError) -> WorkspaceForecast {
        var months: [MonthForecast] = []
        for month in try object.objects(.months) {
            months.append(
                MonthForecast(
                    month: try month.month(.month), seats: try month.int(.seats), accrual: try month.int(.accrual),
                    cap: try month.int(.cap),
                    usage: try percentiles(month, .usage), opening: try percentiles(month, .opening),
                    closing: try percentiles(month, .closing),
                    closingMean: try month.double(.closingMean), probabilityOfCapHit: try month.double(.pCap),
                    probabilityOfShortfall: try month.double(.pShortfall), forfeitedMean: try month.double(.forfeitedMean),
                    shortfallMean: try month.double(.shortfallMean), payAsYouGoCostMean: Money(cents: try month.int(.paygCents)),
                    probabilityOfCapHitByThen: try month.double(.pCapByThen),
                    probabilityOfShortfallByThen: try month.double(.pShortfallByThen)
                ))
        }
        return WorkspaceForecast(
            name: try object.string(.name), plan: try object.string(.plan), seats: try object.int(.seats),
            startingBalance: try object.int(.startingBalance), cap: try object.int(.cap), months: months,
            probabilityOfAnyCapHit: try object.double(.pAnyCap), probabilityOfAnyShortfall: try object.double(.pAnyShortfall),
            capHitLikelyBy: try object.optionalMonth(.capLikelyBy), shortfallLikelyBy: try object.optionalMonth(.shortfallLikelyBy),
            expectedForfeited: try object.double(.expectedForfeited), expectedShortfall: try object.double(.expectedShortfall),
            expectedPayAsYouGoCost: Money(cents: try object.int(.expectedPaygCents)), trials: try object.int(.trials)
        )
    }

    static func package(_ object: ShardJSONObject) throws(MergeError) -> CreditPackage {
        CreditPackage(credits: try object.int(.credits), price: Money(cents: try object.int(.priceCents)))
    }

    static func sensitivity(_ object: ShardJSONObject) throws(MergeError) -> WorkspaceSensitivity {
        func outcome(_ key: ShardKey, in object: ShardJSONObject) throws(MergeError) -> SensitivityOutcome {
            let value = try object.object(key)
            return SensitivityOutcome(
                renewalCost: Money(cents: try value.int(.costCents)), shortfallProbability: try value.double(.pShortfall))
        }
        func setting(_ key: ShardKey, in object: ShardJSONObject) throws(MergeError) -> SensitivitySetting {
            let value = try object.object(key)
            guard let kind = ShardSettingKind(rawValue: try value.string(.kind)) else {
                throw value.failure(.kind, "multiplier, monthly_growth, seats or plan")
            }
            let parsed: SensitivityValue
            switch kind {
            case .multiplier, .monthlyGrowth:
                let millionths = try value.int(.millionths)
                guard (0...UsageMultiplier.maximum.millionths).contains(millionths) else {
                    throw value.failure(.millionths, "a factor from 0 to 1,000 in millionths")
                }
                let factor = UsageMultiplier(millionths: millionths)
                parsed = kind == .multiplier ? .multiplier(factor) : .monthlyGrowth(factor)
            case .seats: parsed = .seats(try value.int(.delta))
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

    static func renewal(_ object: ShardJSONObject) throws(MergeError) -> RenewalForecast {
        var outcomes: [StrategyOutcome] = []
        for outcome in try object.objects(.outcomes) {
            var upfront: [CreditPackage] = []
            for item in try outcome.objects(.upfront) { upfront.append(try package(item)) }
            let auto = outcome.isNull(.autoPurchase) ? nil : try package(try outcome.object(.autoPurchase))
            outcomes.append(
                StrategyOutcome(
                    strategy: PurchaseStrategy(name: try outcome.string(.strategy), upfront: upfront, autoPurchase: auto),
                    expectedCost: Money(cents: try outcome.int(.expectedCostCents)), p90Cost: Money(cents: try outcome.int(.p90CostCents)),
                    probabilityOfAnyPayAsYouGo: try outcome.double(.pAnyPayg),
                    expectedUnusedCredits: try outcome.double(.expectedUnusedCredits)
                ))
        }
        let need = try object.object(.need)
        return RenewalForecast(
            name: try object.string(.name), plan: try object.string(.plan), seats: try object.int(.seats),
            startingBalance: try object.int(.startingBalance), renewal: try object.month(.renewal), trials: try object.int(.trials),
            need: RenewalNeed(
                usage: try percentiles(need, .usage), accrual: try need.int(.accrual),
                probabilityOfExtra: try need.double(.pAnyShortfall), expectedExtra: try need.double(.extraMean),
                extra: try percentiles(need, .extra), largestExtra: try need.int(.extraLargest)
            ),
            outcomes: outcomes
        )
    }
}
