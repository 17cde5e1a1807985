import CreditCore

/// One model's forecast of one workspace, `step` months after one origin, against what happened.
public struct BacktestRecord: Sendable, Equatable {
    /// The cut-off month: the model saw the history through it.
    public var origin: Month
    /// The workspace.
    public var workspace: String
    /// The model.
    public var model: BacktestModel
    /// Months after the origin, 1 … horizon.
    public var step: Int
    /// The month's usage.
    public var usage: TargetForecast
    /// The month's closing pool balance.
    public var balance: TargetForecast
    /// A cap hit in any of months 1 … `step` after the origin.
    public var capHit: EventForecast
    /// A shortfall in any of months 1 … `step` after the origin.
    public var shortfall: EventForecast
    /// Whether this is the last month compared from this origin (the horizon, or the history's
    /// last month when it comes first): its events are "within the horizon".
    public var isLastStep: Bool

    /// A record with the given values.
    public init(
        origin: Month, workspace: String, model: BacktestModel, step: Int, usage: TargetForecast, balance: TargetForecast,
        capHit: EventForecast, shortfall: EventForecast, isLastStep: Bool
    ) {
        self.origin = origin
        self.workspace = workspace
        self.model = model
        self.step = step
        self.usage = usage
        self.balance = balance
        self.capHit = capHit
        self.shortfall = shortfall
        self.isLastStep = isLastStep
    }

    /// The month forecast.
    public var month: Month { origin.advanced(by: step) }

    /// The forecast of `target`.
    public func forecast(of target: BacktestTarget) -> TargetForecast {
        target == .usage ? usage : balance
    }

    /// The forecast of `event`.
    public func forecast(of event: BacktestEvent) -> EventForecast {
        event == .capHit ? capHit : shortfall
    }
}
