import CreditCore
import CreditDecisions
import CreditForecast
import CreditLedger
import Testing

@Suite struct ScenarioFileTests {
    private func read(_ text: String) throws(DecisionError) -> ScenarioFile {
        try ScenarioFile(bytes: Array(text.utf8), file: "what-if.csv", pricing: .standard)
    }

    @Test func rowsBecomeChangesOfTheirScenarioInFileOrder() throws {
        let file = try read("""
            Scenario,Month,Seats,Plan,Usage Multiplier,Workspace
            grow,2027-01,+5,,1.2,
            grow,2027-04,12,,,Acme
            downgrade,2026-12,-2,launch,,

            """)
        #expect(file.scenarios.map(\.name) == ["grow", "downgrade"])
        #expect(file.scenarios[0].changes == [
            .init(from: Month("2027-01")!, seats: .add(5), usageMultiplier: .init(millionths: 1_200_000)),
            .init(workspace: "Acme", from: Month("2027-04")!, seats: .set(12)),
        ])
        #expect(file.scenarios[1].changes == [
            .init(from: Month("2026-12")!, seats: .add(-2), plan: Plan(name: "launch", monthlyAllowance: 2_000)),
        ])
        #expect(file.workspaceLines.map(\.name) == ["Acme"] && file.workspaceLines.map(\.line) == [3])
        #expect(throws: DecisionError.badScenarioFile([
            "plans.csv:3: workspace \"Acme\" is not in the usage file; check its spelling, or leave the cell blank for every workspace",
        ])) { try file.checkWorkspaces(known: ["Beta"], file: "plans.csv") }
    }

    @Test func everyBadRowIsReportedByLine() {
        #expect(throws: DecisionError.badScenarioFile([
            "what-if.csv:2: month \"2027-13\" is not readable; write months like 2027-01",
            "what-if.csv:3: the scenario name is empty; name the scenario this row belongs to",
            "what-if.csv:4: seats \"+-3\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove",
            "what-if.csv:5: unknown plan \"gold\"; the pricing lists launch, growth, pro",
            "what-if.csv:6: usage_multiplier \"1,5\" is not a plain decimal of 0 or more with at most 6 decimals, like 1.2",
            "what-if.csv:7: \"baseline\" is the forecast without changes; give this scenario another name",
        ])) {
            try read("""
                scenario,month,seats,plan,usage_multiplier
                a,2027-13,,,
                ,2027-01,1,,
                a,2027-01,+-3,,
                a,2027-01,,gold,
                a,2027-01,,,"1,5"
                Baseline,2027-01,1,,

                """)
        }
    }

    @Test func aHeaderWithoutTheNeededColumnsIsNamed() {
        #expect(throws: DecisionError.badScenarioFile([
            "what-if.csv:1: column \"people\" is not a scenario column; the columns are scenario, month, seats, plan, usage_multiplier and workspace",
            "what-if.csv:1: the header has no month column; the first row must name the columns scenario,month,seats,plan,usage_multiplier",
        ])) { try read("scenario,people\na,3\n") }
        #expect(throws: DecisionError.badScenarioFile([
            "what-if.csv: the file is empty; its first row must name the columns scenario,month,seats,plan,usage_multiplier",
        ])) { try read("\n\n") }
    }

    @Test func multipliersAreExactMillionths() {
        #expect(ForecastEngine.UsageMultiplier(decimal: "1.2")?.millionths == 1_200_000)
        #expect(ForecastEngine.UsageMultiplier(decimal: "0.000001")?.millionths == 1)
        #expect(ForecastEngine.UsageMultiplier(decimal: ".5")?.millionths == 500_000)
        #expect(ForecastEngine.UsageMultiplier(decimal: "2")?.description == "2")
        #expect(ForecastEngine.UsageMultiplier(decimal: "1.250")?.description == "1.25")
        for bad in ["", ".", "-1", "1e3", "1.0000001", "1,5", "+1"] { #expect(ForecastEngine.UsageMultiplier(decimal: bad) == nil, "\(bad)") }
    }
}
