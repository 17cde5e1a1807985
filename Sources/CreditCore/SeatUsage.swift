/// A seat's credits in each month of the history (index 0 is the history's first month), held
/// from the seat's first month with a row on: the months before it are zero and take no memory,
/// so that one seat's row years before the others' does not cost every seat the whole history.
public struct SeatUsage: Sendable, RandomAccessCollection, Equatable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The months before `recorded`, all zero.
    public let leadingZeros: Int
    /// The credits of the months from `leadingZeros` on.
    public private(set) var recorded: [Int]

    /// The credits of months `leadingZeros` onwards, zero before.
    public init(leadingZeros: Int, recorded: [Int]) {
        precondition(leadingZeros >= 0, "a negative month count")
        self.leadingZeros = leadingZeros
        self.recorded = recorded
    }

    /// The credits of every month, its leading zeros up to `firstOffset` kept without memory.
    public init(_ months: [Int], firstOffset: Int = 0) {
        let zeros = months.prefix(Swift.max(0, firstOffset)).prefix { $0 == 0 }.count
        self.init(leadingZeros: zeros, recorded: Array(months.dropFirst(zeros)))
    }

    /// The credits of every month.
    public init(arrayLiteral months: Int...) {
        self.init(months)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { leadingZeros + recorded.count }

    public subscript(offset: Int) -> Int {
        offset < leadingZeros ? 0 : recorded[offset - leadingZeros]
    }

    /// The first `count` months.
    public func prefix(_ count: Int) -> SeatUsage {
        SeatUsage(
            leadingZeros: Swift.min(leadingZeros, count), recorded: Array(recorded.prefix(Swift.max(0, count - leadingZeros))))
    }

    /// Equal when every month is, however the months are held.
    public static func == (lhs: SeatUsage, rhs: SeatUsage) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public var description: String { Array(self).description }
}
