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
    static let formatVersion = 2

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
        var members: [(String, JSONValue)] = [
            ("format", .string(format)), ("format_version", .integer(formatVersion)),
            ("report", .string(result.kind.rawValue)), ("shard", .string(result.shard.description)),
            ("tool_version", .string(result.toolVersion)), ("portfolio_workspaces", .integer(result.portfolioCount)),
            ("workspaces", .integer(result.positions.count)), ("input_hash", .string(result.run.inputHash)),
            ("seed", .string(String(settings.seed))), ("trials", .integer(settings.trials)), ("model", .string(settings.model.rawValue)),
            ("precision", settings.precision.map(exact) ?? .null), ("max_trials", .integer(settings.maxTrials)),
            ("horizon", .integer(settings.horizon)), ("as_of", .string(result.run.asOf.description)),
            ("portfolio_prior", settings.portfolioPrior.map(json) ?? .null),
            ("pricing", .string(result.assumptions.pricing)), ("rules", .string(result.assumptions.rules)),
            ("scenarios", .array(result.payload.scenarioNames.map(JSONValue.string))),
        ]
        switch result.payload {
        case .forecast: break
        case let .watchlist(_, thresholds):
            members.append(("thresholds", .object([
                ("shortfall_probability", exact(thresholds.shortfallProbability)),
                ("cap_probability", exact(thresholds.capProbability)), ("window_months", .integer(thresholds.windowMonths)),
            ])))
        case let .renew(_, risk, sensitivity):
            members.append(("risk", .string(risk.rawValue)))
            members.append(("sensitivity", .bool(sensitivity != nil)))
        }
        return .object(members)
    }

    /// The line of the workspace at `offset` in the payload, at `position` in the portfolio.
    static func record(_ payload: ShardPayload, offset: Int, position: Int) -> JSONValue {
        switch payload {
        case let .forecast(runs):
            return .object([("position", .integer(position)), ("forecasts", .array(runs.map { json($0.workspaces[offset]) }))])
        case let .watchlist(workspaces, _):
            return .object([("position", .integer(position)), ("forecasts", .array([json(workspaces[offset])]))])
        case let .renew(scenarios, _, sensitivity):
            return .object(
                [("position", .integer(position)), ("renewals", .array(scenarios.map { json($0.forecasts[offset]) }))]
                    + (sensitivity.map { [("sensitivity", json($0[offset]))] } ?? [])
            )
        }
    }

    /// A double as the shortest text that reads back to it, in a string.
    static func exact(_ value: Double) -> JSONValue { .string(String(describing: value)) }

    static func json(_ prior: PortfolioPrior) -> JSONValue {
        .object([
            ("trend_mean", exact(prior.trend.mean)), ("trend_sigma", exact(prior.trend.sigma)),
            ("trend_workspaces", .integer(prior.trend.workspaces)),
            ("season_effects", .array(prior.seasonality.effects.map(exact))),
            ("season_first_calendar_month", .integer(prior.seasonality.firstCalendarMonth)),
            ("season_workspaces", .integer(prior.seasonality.workspaces)),
        ])
    }

    static func json(_ percentiles: Percentiles) -> JSONValue {
        .array([percentiles.p5, percentiles.p10, percentiles.p50, percentiles.p90, percentiles.p95].map(JSONValue.integer))
    }

    static func json(_ workspace: WorkspaceForecast) -> JSONValue {
        .object([
            ("name", .string(workspace.name)), ("plan", .string(workspace.plan)), ("seats", .integer(workspace.seats)),
            ("starting_balance", .integer(workspace.startingBalance)), ("cap", .integer(workspace.cap)),
            ("p_any_cap", exact(workspace.probabilityOfAnyCapHit)), ("p_any_shortfall", exact(workspace.probabilityOfAnyShortfall)),
            ("cap_likely_by", .optional(workspace.capHitLikelyBy?.description)),
            ("shortfall_likely_by", .optional(workspace.shortfallLikelyBy?.description)),
            ("expected_forfeited", exact(workspace.expectedForfeited)), ("expected_shortfall", exact(workspace.expectedShortfall)),
            ("expected_payg_cents", .integer(workspace.expectedPayAsYouGoCost.cents)), ("trials", .integer(workspace.trials)),
            ("months", .array(workspace.months.map { month in
                .object([
                    ("month", .string(month.month.description)), ("seats", .integer(month.seats)), ("accrual", .integer(month.accrual)),
                    ("cap", .integer(month.cap)), ("usage", json(month.usage)), ("opening", json(month.opening)),
                    ("closing", json(month.closing)), ("closing_mean", exact(month.closingMean)),
                    ("p_cap", exact(month.probabilityOfCapHit)), ("p_shortfall", exact(month.probabilityOfShortfall)),
                    ("forfeited_mean", exact(month.forfeitedMean)), ("shortfall_mean", exact(month.shortfallMean)),
                    ("payg_cents", .integer(month.payAsYouGoCostMean.cents)),
                    ("p_cap_by_then", exact(month.probabilityOfCapHitByThen)),
                    ("p_shortfall_by_then", exact(month.probabilityOfShortfallByThen)),
                ])
            })),
        ])
    }

    static func json(_ package: CreditPackage) -> JSONValue {
        .object([("credits", .integer(package.credits)), ("price_cents", .integer(package.price.cents))])
    }

    /// A sensitivity analysis as its reports show it: each setting's value, not the scenario
    /// changes that put it there (which no report shows).
    static func json(_ analysis: WorkspaceSensitivity) -> JSONValue {
        func outcome(_ outcome: SensitivityOutcome) -> JSONValue {
            .object([("cost_cents", .integer(outcome.renewalCost.cents)), ("p_shortfall", exact(outcome.shortfallProbability))])
        }
        func value(_ value: SensitivityValue) -> JSONValue {
            switch value {
            case let .multiplier(factor): .object([("kind", .string("multiplier")), ("millionths", .integer(factor.millionths))])
            case let .monthlyGrowth(factor): .object([("kind", .string("monthly_growth")), ("millionths", .integer(factor.millionths))])
            case let .seats(delta): .object([("kind", .string("seats")), ("delta", .integer(delta))])
            case let .plan(name): .object([("kind", .string("plan")), ("name", .optional(name))])
            }
        }
        return .object([
            ("workspace", .string(analysis.workspace)), ("renewal", .string(analysis.renewal.description)),
            ("strategy", .string(analysis.strategy)), ("baseline", outcome(analysis.baseline)),
            ("effects", .array(analysis.effects.map { effect in
                .object([
                    ("driver", .string(effect.driver.rawValue)), ("low", value(effect.range.low.value)),
                    ("high", value(effect.range.high.value)), ("at_low", outcome(effect.atLow)), ("at_high", outcome(effect.atHigh)),
                ])
            })),
        ])
    }

    static func json(_ renewal: ForecastEngine.RenewalForecast) -> JSONValue {
        .object([
            ("name", .string(renewal.name)), ("plan", .string(renewal.plan)), ("seats", .integer(renewal.seats)),
            ("starting_balance", .integer(renewal.startingBalance)), ("renewal", .string(renewal.renewal.description)),
            ("trials", .integer(renewal.trials)),
            ("outcomes", .array(renewal.outcomes.map { outcome in
                .object([
                    ("strategy", .string(outcome.strategy.name)), ("upfront", .array(outcome.strategy.upfront.map(json))),
                    ("auto_purchase", outcome.strategy.autoPurchase.map(json) ?? .null),
                    ("expected_cost_cents", .integer(outcome.expectedCost.cents)), ("p90_cost_cents", .integer(outcome.p90Cost.cents)),
                    ("p_any_payg", exact(outcome.probabilityOfAnyPayAsYouGo)),
                    ("expected_unused_credits", exact(outcome.expectedUnusedCredits)),
                ])
            })),
        ])
    }
}
