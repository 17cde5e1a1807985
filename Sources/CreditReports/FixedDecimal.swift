import CreditCore

/// Deterministic fixed-point text for the few binary floating-point values reports carry
/// (probabilities and means from the Monte Carlo engine).
///
/// `String(format:)` depends on the C library and locale; this does not. Values are rounded half
/// away from zero at the requested number of places, and a result that rounds to zero never
/// carries a minus sign, so the same run always produces the same bytes.
enum FixedDecimal {
    /// `value` with exactly `places` decimals and no thousands separators (`0.1235`, `1500.0`);
    /// an empty string for NaN or infinity, which a report must never pass off as a number.
    static func text(_ value: Double, places: Int) -> String {
        precondition((0...9).contains(places), "0 to 9 decimal places")
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double has no fractional digits to show; such a credit count is not real.
        guard scaled.magnitude < 9.0e15 else { return "" }
        let integer = Int(scaled)
        let digits = String(integer.magnitude)
        let sign = integer < 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return "\(sign)\(padded[..<split]).\(padded[split...])"
    }

    /// A probability as a percentage for people: `12.3%`, `0%`, `100%`.
    ///
    /// A chance that is not zero never reads `0.0%` (it reads `<0.1%`), and one short of
    /// certain never reads `100.0%` (it reads `>99.9%`): a reader acts on the difference.
    static func percent(_ probability: Double) -> String {
        guard probability.isFinite else { return "" }
        if probability <= 0 { return "0%" }
        if probability >= 1 { return "100%" }
        let text = Self.text(probability * 100, places: 1)
        if text == "0.0" { return "<0.1%" }
        if text == "100.0" { return ">99.9%" }
        return text + "%"
    }

    /// A mean number of credits rounded to a whole credit with thousands separators, for people.
    static func groupedWhole(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 9.0e15 else { return "" }
        return Int(value.rounded(.toNearestOrAwayFromZero)).groupedThousands
    }
}
