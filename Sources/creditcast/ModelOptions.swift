import ArgumentParser
import CreditCore
import CreditForecast

/// Which model forecasts, and from which month: for forecast, watchlist and renew.
struct ModelOptions: ParsableArguments {
    @Option(help: "Usage model: seats (per-seat, common factor, damped trend) or bootstrap (resample whole months).")
    var model: UsageModelKind = .seats

    @Option(name: .customLong("as-of"), help: "The last month of history to use (YYYY-MM); the forecast starts the month after.")
    var asOf: Month?
}
