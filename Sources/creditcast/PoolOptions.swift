import ArgumentParser
import CreditCore
import CreditLedger
import UsageImport

/// The pool's set-up and prices, shared by every command that runs the rules.
struct PoolOptions: ParsableArguments {
    @Option(help: "Pricing file (YAML; see samples/pricing.yaml). Built-in vendor prices when left out.")
    var pricing: String?

    @Option(help: "Plan of every workspace: launch, growth, pro, or a plan of the pricing file.")
    var plan: String?

    @Option(help: "Seats of every workspace, every month (counted from the usage file when left out).")
    var seats: Int?

    @Option(help: "Pool balance: for ledger, opening its first month; for forecast, the balance now (replayed from 0 when left out).")
    var balance: Int?

    @Option(help: "A fixed cap in credits (cap_months × the month's accrual when left out).")
    var cap: Int?

    @Option(name: .customLong("cap-timing"), help: "When the cap applies: accrual (new accruals only top up) or close (the closing balance is cut).")
    var capTiming: CapTiming?

    @Option(name: .customLong("auto-purchase"), help: "Buy packages of this many credits whenever the pool and lots run short.")
    var autoPurchase: Int?

    @Option(help: "Workspaces file: workspace,plan,seats[,balance,as_of,cap].")
    var workspaces: String?

    func validate() throws {
        for (name, value) in [("--seats", seats), ("--balance", balance), ("--cap", cap)] {
            if let value, value < 0 { throw ValidationError("\(name) must not be negative") }
        }
        if let autoPurchase, autoPurchase <= 0 { throw ValidationError("--auto-purchase must be a package size in credits") }
    }

    /// The pricing file's prices (or the built-in ones) with `--cap-timing` applied.
    func loadPricing() throws -> Pricing {
        var loaded = Pricing.standard
        if let pricing {
            do { loaded = try Pricing(contentsOfFile: pricing) } catch { throw CommandFailure(error) }
        }
        if let capTiming { loaded.capTiming = capTiming }
        return loaded
    }

    /// The month rules under `pricing`, with the `--auto-purchase` package.
    func purchaseRules(_ pricing: Pricing) throws -> PurchaseRules {
        do {
            let package = try autoPurchase.map { credits throws(PricingError) in try pricing.package(ofCredits: credits) }
            return PurchaseRules(pricing: pricing, autoPurchase: package)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The resolver that settles each workspace's pool from these options and the workspaces
    /// file; `--balance` opens `balanceMonth` (`nil`: the history's first month).
    func resolver(_ pricing: Pricing, balanceMonth: Month? = nil) throws -> PoolResolver {
        var settings: [WorkspaceSettings] = []
        if let workspaces {
            do { settings = try WorkspaceListImporter.load(fileAt: workspaces) } catch { throw CommandFailure(error) }
        }
        let overrides = PoolResolver.Overrides(plan: plan, seats: seats, balance: balance, balanceMonth: balanceMonth, cap: cap)
        return PoolResolver(pricing: pricing, overrides: overrides, settings: settings)
    }
}
