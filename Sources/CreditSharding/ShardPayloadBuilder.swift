import CreditDecisions
import CreditForecast

/// Builds a payload a workspace line at a time, in the order the lines are given, so a merge
/// holds each workspace's figures once: in the result it returns.
struct ShardPayloadBuilder {
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
    init(_ header: ShardHeader) {
        scenarios = header.scenarios
        layout = header.layout
        forecasts = header.scenarios.map { _ in [] }
        renewals = header.scenarios.map { _ in [] }
    }

    /// Adds `record`, laid out as the header says (checked by the reader).
    mutating func append(_ record: ShardRecord) {
        count += 1
        for (index, forecast) in record.forecasts.enumerated() { forecasts[index].append(forecast) }
        for (index, renewal) in record.renewals.enumerated() { renewals[index].append(renewal) }
        if let year = record.annual { annual.append(year) }
        if let analysis = record.sensitivity { analyses.append(analysis) }
    }

    /// The payload of every line appended.
    var payload: ShardPayload {
        switch layout {
        case .forecast: .forecast(zip(scenarios, forecasts).map { ($0, $1) }, annual: annual)
        case let .watchlist(thresholds): .watchlist(workspaces: forecasts.first ?? [], thresholds: thresholds)
        case let .renew(risk, sensitive):
            .renew(scenarios: zip(scenarios, renewals).map { ($0, $1) }, risk: risk, sensitivity: sensitive ? analyses : nil)
        }
    }
}
