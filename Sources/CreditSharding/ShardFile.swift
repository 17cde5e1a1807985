import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import CreditReports

/// The file a shard writes, `creditcast-shard.jsonl`, and reads back for `creditcast merge`
/// without losing a bit.
///
/// JSON Lines, so a merge of hundreds of thousands of workspaces parses one small object at a
/// time: the first line describes the run (format and version, report kind, shard, input hash,
/// seed, settings, as-of month, assumptions, scenario names, watchlist thresholds or renewal
/// risk); every further line is one workspace, `{"position":…,"forecasts":[…]}` (one forecast
/// per scenario, the baseline first) or `{"position":…,"renewals":[…]}`.
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
    /// The layout's version; a reader refuses any other.
    static let formatVersion = 3

    /// The shard file of `result`, streamed a line at a time.
    public static func reportFile(_ result: RunResult) -> ReportFile {
        ReportFile(path: fileName) { sink throws(ReportWriteError) in
            try sink.write(header(result).compact + "\n")
            for (offset, position) in result.positions.enumerated() {
                try sink.write(record(result.payload, offset: offset, position: position).compact + "\n")
            }
        }
    }

    /// The first line.
    static func header(_ result: RunResult) -> JSONValue {
        let settings = result.run.settings
        var members: [(ShardKey, JSONValue)] = [
            (.format, .string(format)), (.formatVersion, .integer(formatVersion)),
            (.report, .string(result.kind.rawValue)), (.shard, .string(result.shard.description)),
            (.toolVersion, .string(result.toolVersion)), (.portfolioWorkspaces, .integer(result.portfolioCount)),
            (.workspaces, .integer(result.positions.count)), (.inputHash, .string(result.run.inputHash)),
            (.seed, .string(String(settings.seed))), (.trials, .integer(settings.trials)), (.model, .string(settings.model.rawValue)),
            (.precision, settings.precision.map(exact) ?? .null), (.maxTrials, .integer(settings.maxTrials)),
            (.horizon, .integer(settings.horizon)), (.asOf, .string(result.run.asOf.description)),
            (.portfolioPrior, settings.portfolioPrior.map(json) ?? .null),
            (.pricing, .string(result.assumptions.pricing)), (.rules, .string(result.assumptions.rules)),
            (.startingBalances, .string(result.assumptions.startingBalances)),
            (.scenarios, .array(result.payload.scenarioNames.map(JSONValue.string))),
        ]
        switch result.payload {
        case let .forecast(_, annual): members.append((.annual, .bool(!annual.isEmpty)))
        case let .watchlist(_, thresholds):
            members.append(
                (
                    .thresholds,
                    .keyed([
                        (.shortfallProbability, exact(thresholds.shortfallProbability)),
                        (.capProbability, exact(thresholds.capProbability)), (.windowMonths, .integer(thresholds.windowMonths)),
                    ])
                ))
        case let .renew(_, risk, sensitivity):
            members.append((.risk, .string(risk.rawValue)))
            members.append((.sensitivity, .bool(sensitivity != nil)))
        }
        return .keyed(members)
    }

    /// The line of the workspace at `offset` in the payload, at `position` in the portfolio.
    static func record(_ payload: ShardPayload, offset: Int, position: Int) -> JSONValue {
        switch payload {
        case let .forecast(runs, annual):
            return .keyed(
                [(.position, .integer(position)), (.forecasts, .array(runs.map { json($0.workspaces[offset]) }))]
                    + (annual.isEmpty ? [] : [(.annual, json(annual[offset]))])
            )
        case let .watchlist(workspaces, _):
            return .keyed([(.position, .integer(position)), (.forecasts, .array([json(workspaces[offset])]))])
        case let .renew(scenarios, _, sensitivity):
            return .keyed(
                [(.position, .integer(position)), (.renewals, .array(scenarios.map { json($0.forecasts[offset]) }))]
                    + (sensitivity.map { [(.sensitivity, json($0[offset]))] } ?? [])
            )
        }
    }

    /// A double as the shortest text that reads back to it, in a string.
    static func exact(_ value: Double) -> JSONValue { .string(String(describing: value)) }

    static func json(_ prior: PortfolioPrior) -> JSONValue {
        .keyed([
            (.trendMean, exact(prior.trend.mean)), (.trendSigma, exact(prior.trend.sigma)),
            (.trendWorkspaces, .integer(prior.trend.workspaces)),
            (.seasonEffects, .array(prior.seasonality.effects.map(exact))),
            (.seasonFirstCalendarMonth, .integer(prior.seasonality.firstCalendarMonth)),
            (.seasonWorkspaces, .integer(prior.seasonality.workspaces)),
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
            (.expectedPaygCents, .integer(workspace.expectedPayAsYouGoCost.cents)), (.trials, .integer(workspace.trials)),
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
            (.trials, .integer(renewal.trials)),
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
