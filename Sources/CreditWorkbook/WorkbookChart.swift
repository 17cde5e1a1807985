/// A native Excel line chart of some of a sheet's columns over its rows, placed beside the
/// table: the balance fan of a workspace's months, say.
public struct WorkbookChart: Sendable {
    /// The chart's title.
    public var title: String
    /// The column whose cells label the x-axis (the months).
    public var categoryColumn: Int
    /// The lines: each one's name in the legend and the column it draws, by index into the
    /// sheet's columns.
    public var series: [(name: String, column: Int)]
    /// The y-axis title.
    public var valueAxisTitle: String

    /// A chart of `series` against `categoryColumn`.
    public init(title: String, categoryColumn: Int, series: [(name: String, column: Int)], valueAxisTitle: String) {
        self.title = title
        self.categoryColumn = categoryColumn
        self.series = series
        self.valueAxisTitle = valueAxisTitle
    }
}

extension WorkbookChart: Hashable {
    public static func == (left: WorkbookChart, right: WorkbookChart) -> Bool {
        left.title == right.title && left.categoryColumn == right.categoryColumn && left.valueAxisTitle == right.valueAxisTitle
            && left.series.map(\.name) == right.series.map(\.name) && left.series.map(\.column) == right.series.map(\.column)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(categoryColumn)
        hasher.combine(series.map(\.name))
        hasher.combine(series.map(\.column))
        hasher.combine(valueAxisTitle)
    }
}
