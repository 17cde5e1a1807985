// The libFuzzer target for the pricing file (`Pricing(yaml:file:)`, YAML through Yams): every
// input is read as a pricing file's text. Built by `scripts/fuzz.sh pricing`, never by
// `swift build`.
//
// A crash, a hang, a memory error or an out-of-memory is a bug; a `PricingError` naming a line is
// the expected outcome for bad text. What it accepts must be within `PricingLimits`.
import CreditCore
import CreditLedger

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let pricing: Pricing
    do {
        pricing = try Pricing(yaml: text, file: "pricing.yaml")
    } catch {
        // Every refusal names the file and a line.
        precondition(error.description.hasPrefix("pricing.yaml"), "an error without the file: \(error)")
        return 0
    }
    precondition(!pricing.plans.isEmpty, "no plan")
    for plan in pricing.plans {
        precondition((0...PricingLimits.allowance).contains(plan.monthlyAllowance), "an allowance out of range")
    }
    precondition((1...PricingLimits.capMonths).contains(pricing.capMonths), "cap months out of range")
    precondition((0...PricingLimits.expiryMonths).contains(pricing.packageExpiryMonths), "expiry out of range")
    precondition((0...PricingLimits.payAsYouGoMicros).contains(pricing.payAsYouGoPrice.micros), "a price out of range")
    for package in pricing.packages {
        precondition(PricingLimits.packageCredits.contains(package.credits), "package credits out of range")
        precondition(package.price <= PricingLimits.packagePrice, "a package price out of range")
    }
    return 0
}
