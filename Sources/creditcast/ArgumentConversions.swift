import ArgumentParser
import CreditCore
import CreditForecast
import CreditLedger
import CreditReports
import UsageImport

extension Month: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension CapTiming: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension DecimalMark: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension UsageModelKind: ExpressibleByArgument {}
extension LedgerFormat: ExpressibleByArgument {}
