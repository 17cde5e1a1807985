import CreditDecisions
import CreditForecast
import CreditReports

/// Builds a payload a workspace line at a time, in the order the lines are given, so a merge
/// holds each workspace's figures once: in the result it returns, or, with a digest, only what
/// the reports keep of them (`ForecastDigest`).
struct ShardPayloadBuilder {
    /// Takes the baseline's workspaces instead of the payload's list, when given.
    let digest: ForecastDigest?
    private let scenarios: [String]
    private let layout: ShardLayout
    private var forecasts: [[WorkspaceForecast]]
    private var annual: [RenewalForecast] = []
    private var renewals: [[RenewalForecast]]
    private var analyses: [WorkspaceSensitivity] = []
    /// How many lines were appended.
    private(set) var count = 0

    /// An empty payload for `header`'s run. Nothing is reserved by the header's counts: the
    /// lists grow with the lines actually read, so a header that lies allocates nothing.
    init(_ header: ShardHeader, digest: ForecastDigest? = nil) {
        self.digest = digest
        scenarios = header.scenarios
        layout = header.layout
        forecasts = header.scenarios.map { _ in [] }
        renewals = header.scenarios.map { _ in [] }
    }

    /// Adds `record`, laid out as the header says (checked by the reader).
    mutating func append(_ record: ShardRecord) throws(ReportWriteError) {
        count += 1
        for (index, forecast) in record.forecasts.enumerated() {
            if index == 0, let digest { try digest.append(forecast) } else { forecasts[index].append(forecast) }
        }
        for (index, renewal) in record.renewals.enumerated() { renewals[index].append(renewal) }
        if let year = record.annual { annual.append(year) }
        if let analysis = record.sensitivity { analyses.append(analysis) }
    }

    /// The payload of every line appended.
    var payload: ShardPayload {
        var forecasts = forecasts
        if let digest, !forecasts.isEmpty { forecasts[0] = digest.workspaces }
        switch layout {
        case .forecast: return .forecast(zip(scenarios, forecasts).map { ($0, $1) }, annual: annual)
        case let .watchlist(thresholds): return .watchlist(workspaces: forecasts.first ?? [], thresholds: thresholds)
        case let .renew(risk, sensitive):
            return .renew(scenarios: zip(scenarios, renewals).map { ($0, $1) }, risk: risk, sensitivity: sensitive ? analyses : nil)
        }
    }
}
