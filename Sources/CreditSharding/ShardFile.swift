import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports

/// The file a shard writes, `creditcast-shard.jsonl`, and reads back for `creditcast merge`
/// without losing a bit.
///
/// JSON Lines, so a merge of hundreds of thousands of workspaces parses one small object at a
/// time: the first line describes the run (format and version, report kind, shards, input
/// hash, seed, settings, as-of month, assumptions, scenario names, watchlist thresholds or
/// renewal risk); every further line is one workspace, in portfolio order (by name, as
/// `UsageHistory` lists them), `{"forecasts":[…]}` (one forecast per scenario, the baseline
/// first) or `{"renewals":[…]}`; the last line is `{"checksum":"…"}`, the FNV-1a hash
/// (`StableHash`) of every byte before it.
///
/// The checksum detects an edit or damage that leaves every value inside its bounds
/// (`ShardLimits`); it is not a signature: whoever can edit the file can recompute it, and a
/// cryptographic hash without a key would not change that.
///
/// Exact by construction: credits, counts and months are integers or ISO text, money is whole
/// cents, and the few binary doubles (probabilities, means) are written as the shortest decimal
/// that reads back to the same double (Swift's `description`), inside a JSON string so that no
/// JSON reader's float parsing can round it. A merge therefore re-renders every figure, and
/// every ranking tie, exactly as the single run did.
public enum ShardFile {
    /// The file's name inside a shard's output directory.
    public static let fileName = "creditcast-shard.jsonl"
    /// The first line's `format`.
    static let format = "creditcast-shard"
    /// The layout's version; a reader refuses any other. 4 added the checksum line and shard
    /// sets, and orders the lines by name instead of numbering them; 5 added each forecast's
    /// expected package spend, its last months of history (for the charts) and the seat fees of
    /// a forecast and a renewal year; 7 the seats prior's shared departures.
    static let formatVersion = 7

    /// The shard file of `result`, streamed a line at a time.
    public static func reportFile(_ result: RunResult) -> ReportFile {
        ReportFile(path: fileName) { sink throws(ReportWriteError) in
            var writer = Writer(sink: sink)
            try writer.line(header(ShardHeader(result)))
            for offset in result.positions.indices { try writer.line(record(ShardRecord(result.payload, offset: offset))) }
            try writer.finish()
        }
    }

    /// Writes a shard file's lines, hashing them for the checksum line.
    struct Writer {
        let sink: FileSink
        private var checksum = StableHash()

        init(sink: FileSink) { self.sink = sink }

        /// Writes `value` as one line.
        mutating func line(_ value: JSONValue) throws(ReportWriteError) {
            let text = value.compact + "\n"
            checksum.combine(text)
            try sink.write(text)
        }

        /// Writes the checksum line.
        func finish() throws(ReportWriteError) {
            try sink.write(JSONValue.keyed([(.checksum, .string(checksum.hex))]).compact + "\n")
        }
    }

    /// The first line.
    static func header(_ header: ShardHeader) -> JSONValue {
        let settings = header.run.settings
        var members: [(ShardKey, JSONValue)] = [
            (.format, .string(format)), (.formatVersion, .integer(formatVersion)),
            (.report, .string(header.kind.rawValue)), (.shard, .string(header.shards.description)),
            (.toolVersion, .string(header.toolVersion)), (.portfolioWorkspaces, .integer(header.portfolioCount)),
            (.workspaces, .integer(header.workspaceCount)), (.inputHash, .string(header.run.inputHash)),
            (.seed, .string(String(settings.seed))), (.trials, .integer(settings.trials)), (.model, .string(settings.model.rawValue)),
            (.precision, settings.precision.map(exact) ?? .null), (.maxTrials, .integer(settings.maxTrials)),
            (.horizon, .integer(settings.horizon)), (.asOf, .string(header.run.asOf.description)),
            (.portfolioPrior, settings.portfolioPrior.map(json) ?? .null),
            (.pricing, .string(header.assumptions.pricing)), (.rules, .string(header.assumptions.rules)),
            (.startingBalances, .string(header.assumptions.startingBalances)),
            (.scenarios, .array(header.scenarios.map(JSONValue.string))),
        ]
        switch header.layout {
        case let .forecast(annual): members.append((.annual, .bool(annual)))
        case let .watchlist(thresholds):
            members.append(
                (
                    .thresholds,
                    .keyed([
                        (.shortfallProbability, exact(thresholds.shortfallProbability)),
                        (.capProbability, exact(thresholds.capProbability)), (.windowMonths, .integer(thresholds.windowMonths)),
                    ])
                ))
        case let .renew(risk, sensitivity):
            members.append((.risk, .string(risk.rawValue)))
            members.append((.sensitivity, .bool(sensitivity)))
        }
        return .keyed(members)
    }

    /// A workspace's line.
    static func record(_ record: ShardRecord) -> JSONValue {
        if !record.forecasts.isEmpty {
            return .keyed(
                [(.forecasts, .array(record.forecasts.map(json)))]
                    + (record.annual.map { [(.annual, json($0))] } ?? [])
            )
        }
        return .keyed(
            [(.renewals, .array(record.renewals.map(json)))]
                + (record.sensitivity.map { [(.sensitivity, json($0))] } ?? [])
        )
    }

    /// A double as the shortest text that reads back to it, in a string.
    static func exact(_ value: Double) -> JSONValue { .string(String(describing: value)) }

    /// An amount in cents, or `null` when it is not known.
    static func cents(_ amount: Money?) -> JSONValue { amount.map { .integer($0.cents) } ?? .null }

    static func json(_ prior: PortfolioPrior) -> JSONValue {
        .keyed([
            (.trendMean, exact(prior.trend.mean)), (.trendSigma, exact(prior.trend.sigma)),
            (.trendWorkspaces, .integer(prior.trend.workspaces)),
            (.seasonEffects, .array(prior.seasonality.effects.map(exact))),
            (.seasonFirstMonth, .string(prior.seasonality.firstMonth.description)),
            (.seasonWorkingDayElasticity, exact(prior.seasonality.workingDayElasticity)),
            (.seasonMonthLengthElasticity, exact(prior.seasonality.monthLengthElasticity)),
            (.seasonWorkspaces, .integer(prior.seasonality.workspaces)),
            (.seasonErrorVariances, .array(prior.seasonality.errorVariances.map(exact))),
            (.factorSigma, exact(prior.factorSigma)),
            (.sharedDepartureSums, .array(prior.sharedDepartures.sums.map(exact))),
            (.sharedDepartureCounts, .array(prior.sharedDepartures.counts.map(JSONValue.integer))),
        ])
    }

    static func json(_ percentiles: Percentiles) -> JSONValue {
        .array([percentiles.p5, percentiles.p10, percentiles.p50, percentiles.p90, percentiles.p95].map(JSONValue.integer))
    }

    static func json(_ workspace: WorkspaceForecast) -> JSONValue {
        .keyed([
            (.name, .string(workspace.name)), (.plan, .string(workspace.plan)), (.seats, .integer(workspace.seats)),
            (.startingBalance, .integer(workspace.startingBalance)), (.cap, .integer(workspace.cap)),
            (.pAnyCap, exact(workspace.probabilityOfAnyCapHit)), (.pAnyShortfall, exact(workspace.probabilityOfAnyShortfall)),
            (.capLikelyBy, .optional(workspace.capHitLikelyBy?.description)),
            (.shortfallLikelyBy, .optional(workspace.shortfallLikelyBy?.description)),
            (.expectedForfeited, exact(workspace.expectedForfeited)), (.expectedShortfall, exact(workspace.expectedShortfall)),
            (.expectedPaygCents, .integer(workspace.expectedPayAsYouGoCost.cents)),
            (.expectedPackageCents, .integer(workspace.expectedPackageCost.cents)), (.seatFeeCents, cents(workspace.seatFees)),
            (.trials, .integer(workspace.trials)), (.recentUsage, .array(workspace.recentUsage.map(JSONValue.integer))),
            (.recentClosing, .array(workspace.recentClosing.map(JSONValue.integer))),
            (
                .months,
                .array(
                    workspace.months.map { month in
                        .keyed([
                            (.month, .string(month.month.description)), (.seats, .integer(month.seats)),
                            (.accrual, .integer(month.accrual)),
                            (.cap, .integer(month.cap)), (.usage, json(month.usage)), (.opening, json(month.opening)),
                            (.closing, json(month.closing)), (.closingMean, exact(month.closingMean)),
                            (.pCap, exact(month.probabilityOfCapHit)), (.pShortfall, exact(month.probabilityOfShortfall)),
                            (.forfeitedMean, exact(month.forfeitedMean)), (.shortfallMean, exact(month.shortfallMean)),
                            (.paygCents, .integer(month.payAsYouGoCostMean.cents)),
                            (.pCapByThen, exact(month.probabilityOfCapHitByThen)),
                            (.pShortfallByThen, exact(month.probabilityOfShortfallByThen)),
                        ])
                    })
            ),
        ])
    }

    static func json(_ package: CreditPackage) -> JSONValue {
        .keyed([(.credits, .integer(package.credits)), (.priceCents, .integer(package.price.cents))])
    }

    /// A sensitivity analysis as its reports show it: each setting's value, not the scenario
    /// changes that put it there (which no report shows).
    static func json(_ analysis: WorkspaceSensitivity) -> JSONValue {
        func outcome(_ outcome: SensitivityOutcome) -> JSONValue {
            .keyed([(.costCents, .integer(outcome.renewalCost.cents)), (.pShortfall, exact(outcome.shortfallProbability))])
        }
        func value(_ value: SensitivityValue) -> JSONValue {
            switch value {
            case let .multiplier(factor):
                .keyed([(.kind, .string(ShardSettingKind.multiplier.rawValue)), (.millionths, .integer(factor.millionths))])
            case let .monthlyGrowth(factor):
                .keyed([(.kind, .string(ShardSettingKind.monthlyGrowth.rawValue)), (.millionths, .integer(factor.millionths))])
            case let .seats(delta): .keyed([(.kind, .string(ShardSettingKind.seats.rawValue)), (.delta, .integer(delta))])
            case let .plan(name): .keyed([(.kind, .string(ShardSettingKind.plan.rawValue)), (.name, .optional(name))])
            }
        }
        return .keyed([
            (.workspace, .string(analysis.workspace)), (.renewal, .string(analysis.renewal.description)),
            (.strategy, .string(analysis.strategy)), (.baseline, outcome(analysis.baseline)),
            (
                .effects,
                .array(
                    analysis.effects.map { effect in
                        .keyed([
                            (.driver, .string(effect.driver.rawValue)), (.low, value(effect.range.low.value)),
                            (.high, value(effect.range.high.value)), (.atLow, outcome(effect.atLow)), (.atHigh, outcome(effect.atHigh)),
                        ])
                    })
            ),
        ])
    }

    static func json(_ renewal: RenewalForecast) -> JSONValue {
        .keyed([
            (.name, .string(renewal.name)), (.plan, .string(renewal.plan)), (.seats, .integer(renewal.seats)),
            (.startingBalance, .integer(renewal.startingBalance)), (.renewal, .string(renewal.renewal.description)),
            (.trials, .integer(renewal.trials)), (.seatFeeCents, cents(renewal.seatFees)),
            (
                .need,
                .keyed([
                    (.usage, json(renewal.need.usage)), (.accrual, .integer(renewal.need.accrual)),
                    (.pAnyShortfall, exact(renewal.need.probabilityOfExtra)), (.extraMean, exact(renewal.need.expectedExtra)),
                    (.extra, json(renewal.need.extra)), (.extraLargest, .integer(renewal.need.largestExtra)),
                ])
            ),
            (
                .outcomes,
                .array(
                    renewal.outcomes.map { outcome in
                        .keyed([
                            (.strategy, .string(outcome.strategy.name)), (.upfront, .array(outcome.strategy.upfront.map(json))),
                            (.autoPurchase, outcome.strategy.autoPurchase.map(json) ?? .null),
                            (.expectedCostCents, .integer(outcome.expectedCost.cents)), (.p90CostCents, .integer(outcome.p90Cost.cents)),
                            (.pAnyPayg, exact(outcome.probabilityOfAnyPayAsYouGo)),
                            (.expectedUnusedCredits, exact(outcome.expectedUnusedCredits)),
                        ])
                    })
            ),
        ])
    }
}
