import ArgumentParser
import CreditCore
import CreditForecast
import CreditReports
import UsageImport

/// Which model forecasts, and from which month: for forecast, watchlist and renew.
struct ModelOptions: ParsableArguments {
    @Option(help: "Usage model: seats (per-seat, common factor, damped trend) or bootstrap (resample whole months).")
    var model: UsageModelKind = .seats

    @Option(name: .customLong("as-of"), help: "The last month of history to use (YYYY-MM); the forecast starts the month after.")
    var asOf: Month?

    @Flag(
        help:
            "Forecast each workspace from its own history alone, without the trend prior and seasonality the seats model learns from all workspaces of the file."
    )
    var standalone = false

    /// The seats model's parameters, or nil for the bootstrap model, which has none.
    var seatsParameters: SeatsModelParameters? { model == .seats ? .standard : nil }

    /// The seats model's prior: learnt from every workspace of `history`, the whole file even
    /// when a shard forecasts part of it, so that every shard uses the single run's prior.
    func portfolioPrior(for history: UsageHistory) -> PortfolioPrior? {
        guard let parameters = seatsParameters else { return nil }
        return standalone ? .standalone(parameters) : .estimate(from: history, parameters: parameters)
    }

    /// Mixes the model choices into a run's input fingerprint, the seats model's parameters
    /// included: a release that retunes them changes the figures, so it changes the hash too.
    func fingerprint(into fingerprint: inout InputFingerprint) {
        fingerprint.field("model", model.rawValue)
        fingerprint.field("standalone", standalone)
        if let parameters = seatsParameters { fingerprint.seatsParameters(parameters) }
    }
}
