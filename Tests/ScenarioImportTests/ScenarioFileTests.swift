import CreditCore
import CreditForecast
import CreditLedger
import ScenarioImport
import Testing
import UsageImport

@Suite struct ScenarioFileTests {
    private func read(_ text: String, options: UsageImportOptions = .init()) throws(UsageImportError) -> ScenarioFile {
        try ScenarioFile(bytes: Array(text.utf8), file: "what-if.csv", pricing: .standard, options: options)
    }

    /// The problems reading `text` reports, each as `file:line: message`; `nil` when it reads.
    private func problems(_ text: String, options: UsageImportOptions = .init()) -> [String]? {
        do {
            _ = try read(text, options: options)
            return nil
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func rowsBecomeChangesOfTheirScenarioInFileOrder() throws {
        let file = try read(
            """
            Scenario,Month,Seats,Plan,Usage Multiplier,Workspace
            grow,2027-01,+5,,1.2,
            grow,2027-04,12,,,Acme
            downgrade,2026-12,-2,launch,,

            """)
        #expect(file.scenarios.map(\.name) == ["grow", "downgrade"])
        #expect(
            file.scenarios[0].changes == [
                .init(from: Month("2027-01")!, seats: .add(5), usageMultiplier: .init(millionths: 1_200_000)),
                .init(workspace: "Acme", from: Month("2027-04")!, seats: .set(12)),
            ])
        #expect(
            file.scenarios[1].changes == [
                .init(from: Month("2026-12")!, seats: .add(-2), plan: Plan(name: "launch", monthlyAllowance: 2_000))
            ])
        #expect(file.workspaceLines.map(\.name) == ["Acme"] && file.workspaceLines.map(\.line) == [3])
        #expect(
            throws: UsageImportError(errors: [
                ImportDiagnostic(
                    file: "plans.csv", line: 3,
                    message: "workspace \"Acme\" is not in the usage file; check its spelling, or leave the cell blank for every workspace"
                )
            ])
        ) { try file.checkWorkspaces(known: ["Beta"], file: "plans.csv") }
    }

    @Test func everyBadRowIsReportedByLine() {
        #expect(
            problems(
                """
                scenario,month,seats,plan,usage_multiplier
                a,2027-13,,,
                ,2027-01,1,,
                a,2027-01,+-3,,
                a,2027-01,,gold,
                a,2027-01,,,"1,5"
                Baseline,2027-01,1,,

                """) == [
                    "what-if.csv:2: month \"2027-13\" is not readable: 13 is not a month number (1 to 12)",
                    "what-if.csv:3: the scenario name is empty; name the scenario this row belongs to",
                    "what-if.csv:4: seats \"+-3\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove",
                    "what-if.csv:5: unknown plan \"gold\"; the pricing lists launch, growth, pro",
                    "what-if.csv:6: usage_multiplier \"1,5\" is not a plain decimal of 0 or more with at most 6 decimals, like 1.2",
                    "what-if.csv:7: \"baseline\" is the forecast without changes; give this scenario another name",
                ])
    }

    @Test func aHeaderWithoutTheNeededColumnsIsNamed() {
        #expect(
            problems("scenario,people\na,3\n") == [
                "what-if.csv:1: column \"people\" is not a scenario column; the columns are scenario, month, seats, plan, usage_multiplier and workspace",
                "what-if.csv:1: the header has no month column; the first row must name the columns scenario,month,seats,plan,usage_multiplier",
            ])
        #expect(
            problems("\n\n") == [
                "what-if.csv: the file is empty; its first row must name the columns scenario,month,seats,plan,usage_multiplier"
            ])
    }

    @Test func monthsAreReadAsAUsageExportsAre() throws {
        let file = try read("scenario,month,seats\na,Jan 2027,+1\nb,2027-02-15,+1\nc,14/03/2027,+1\n")
        #expect(file.scenarios.map { $0.changes[0].from.description } == ["2027-01", "2027-02", "2027-03"])
        #expect(
            problems("scenario,month,seats\na,04/03/2027,+1\n") == [
                "what-if.csv:2: date \"04/03/2027\" could be April 3, 2027 or March 4, 2027; "
                    + "rerun with --date-order mdy (month first) or --date-order dmy (day first)"
            ])
        let dayFirst = try read("scenario,month,seats\na,04/03/2027,+1\n", options: UsageImportOptions(dateOrder: .dayFirst))
        #expect(dayFirst.scenarios[0].changes[0].from.description == "2027-03")
    }

    @Test func aHeaderNamingAColumnTwiceIsAnError() {
        #expect(
            problems("scenario,month,Month\na,2027-01,2027-02\n") == [
                "what-if.csv:1: columns \"month\" and \"Month\" both name the month column; keep one"
            ])
    }

    @Test func problemsBeyondTheCapAreCounted() {
        let rows = (1...3).map { _ in "a,never,," }.joined(separator: "\n")
        #expect(
            problems("scenario,month,seats\n" + rows + "\n", options: UsageImportOptions(maxErrors: 2)) == [
                "what-if.csv:2: month \"never\" is not a month; write it like 2026-04 or Apr 2026",
                "what-if.csv:3: month \"never\" is not a month; write it like 2026-04 or Apr 2026",
                "what-if.csv: … and 1 more errors",
            ])
    }
}
