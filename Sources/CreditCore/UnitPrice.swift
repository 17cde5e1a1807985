/// An exact price per credit, in millionths of a currency unit (micro-dollars).
///
/// Pay-as-you-go at $0.035 a credit is 3.5 cents, so cents alone cannot hold a unit price; a
/// millionth of a dollar can hold every price a vendor lists, and multiplying by a credit count
/// stays exact integer arithmetic.
public struct UnitPrice: Hashable, Sendable, CustomStringConvertible {
    /// The price of one credit in millionths of a currency unit.
    public var micros: Int

    /// A price of `micros` millionths of a currency unit per credit.
    public init(micros: Int) {
        self.micros = micros
    }

    /// Parses a plain decimal price with at most six decimals (`0.035`); `nil` otherwise.
    public init?(decimal text: String) {
        guard let micros = Self.parseScaled(text, decimals: 6), micros >= 0 else { return nil }
        self.micros = micros
    }

    /// The cost of `credits` credits, rounded half-up to the cent once, as the rules say.
    ///
    /// Inlinable because every month of every Monte Carlo trial bills its shortfall: inlined, the
    /// common case is a multiply and a division by a constant, where a 128-bit division was a
    /// library call on every trial's every month.
    @inlinable
    public func cost(ofCredits credits: Int) -> Money {
        // 10,000 micro-dollars make a cent; half-up for the non-negative amounts the ledger
        // bills. Both paths truncate toward zero, so they agree wherever the product fits.
        let (product, overflow) = credits.multipliedReportingOverflow(by: micros)
        guard !overflow, product <= Int.max - 5_000 else { return wideCost(ofCredits: credits) }
        return Money(cents: (product + 5_000) / 10_000)
    }

    /// `cost(ofCredits:)` when the product passes 64 bits (a trillion credits at $100) though the
    /// cents never do: formed in 128 bits.
    @usableFromInline
    func wideCost(ofCredits credits: Int) -> Money {
        let product = Int128(credits) * Int128(micros) + 5_000
        return Money(cents: Int(product / 10_000))
    }

    /// `0.035`: the shortest exact decimal.
    public var description: String {
        var fraction = String(micros % 1_000_000)
        while fraction.count < 6 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(micros / 1_000_000)" : "\(micros / 1_000_000).\(fraction)"
    }

    /// Parses `[-]digits[.digits]` into an integer scaled by 10^`decimals`; `nil` when the text
    /// has more decimals than that, any other character, or does not fit in 64 bits.
    static func parseScaled(_ text: String, decimals: Int) -> Int? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var value = 0
        var fractionDigits = -1
        var sawDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard let digit = byte.decimalDigit else { return nil }
            sawDigit = true
            if fractionDigits >= 0 {
                fractionDigits += 1
                guard fractionDigits <= decimals else { return nil }
            }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        guard sawDigit else { return nil }
        for _ in 0..<(decimals - max(fractionDigits, 0)) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        return negative ? -value : value
    }
}
