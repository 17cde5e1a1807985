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
        #expect(file.changeLines == [[2, 3], [4]])
        let forecast = Month("2026-12")!...Month("2027-11")!
        #expect(
            throws: UsageImportError(errors: [
                ImportDiagnostic(
                    file: "plans.csv", line: 3,
                    message: "workspace \"Acme\" is not in the usage file; check its spelling, or leave the cell blank for every workspace"
                )
            ])
        ) { try file.check(seats: ["Beta": 4], forecastMonths: forecast, file: "plans.csv") }
        try file.check(seats: ["Acme": 4, "Beta": 2], forecastMonths: forecast, file: "plans.csv")
    }

    /// The messages of checking `text` against a forecast of `seats` from 2027-01 to 2027-12.
    private func checkProblems(_ text: String, seats: [String: Int]) throws -> [String] {
        do {
            try read(text).check(seats: seats, forecastMonths: Month("2027-01")!...Month("2027-12")!, file: "what-if.csv")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func changesOutsideTheForecastOrOfUnknownWorkspacesAreNamedWithTheNearestName() throws {
        #expect(
            try checkProblems(
                """
                scenario,month,seats,workspace
                a,2026-12,+1,Acme Corp
                a,2028-01,+1,
                a,Jan 2027,+1,Acme Crop
                a,März 2027,+1,Gamma

                """, seats: ["Acme Corp": 3, "Beta": 2]) == [
                    "what-if.csv:2: month 2026-12 is before the forecast, which starts in 2027-01; date the change 2027-01 or later",
                    "what-if.csv:3: month 2028-01 is after the forecast's last month, 2027-12; the change would change nothing",
                    "what-if.csv:4: workspace \"Acme Crop\" is not in the usage file; did you mean \"Acme Corp\"?; "
                        + "check its spelling, or leave the cell blank for every workspace",
                    "what-if.csv:5: workspace \"Gamma\" is not in the usage file; check its spelling, or leave the cell blank for every workspace",
                ])
    }

    @Test func aChangeMayNotRemoveMoreSeatsThanTheWorkspaceHasThen() throws {
        // Changes apply in month order: -3 for every workspace in January fails for Beta's 2
        // seats (Acme keeps 7); Beta is set to 5 in March, -2 in May leaves 3, -3 in June 0.
        #expect(
            try checkProblems(
                """
                scenario,month,seats,workspace
                cut,2027-06,-3,Beta
                cut,2027-03,5,Beta
                cut,2027-05,-2,
                cut,2027-01,-3,

                """, seats: ["Acme": 10, "Beta": 2]) == [
                    "what-if.csv:5: seats -3 removes 3 seats from workspace \"Beta\", which has 2 in 2027-01"
                ])
        #expect(try checkProblems("scenario,month,seats,workspace\ncut,2027-02,-10,Acme\n", seats: ["Acme": 10]) == [])
    }

    @Test func aRowRepeatingAnotherOfItsScenarioWorkspaceAndMonthIsAnError() {
        #expect(
            problems(
                """
                scenario,month,seats,workspace
                a,2027-01,+1,Acme
                a,Jan 2027,+2,Acme
                b,2027-01,+2,Acme
                a,2027-01,+2,
                a,01/2027,+3,

                """) == [
                    "what-if.csv:3: scenario \"a\" changes workspace \"Acme\" in 2027-01 twice (first on line 2); keep one row",
                    "what-if.csv:6: scenario \"a\" changes every workspace in 2027-01 twice (first on line 5); keep one row",
                ])
    }

    @Test func valuesAreQuotedShortWithControlsAndOverridesWrittenOut() {
        #expect(
            problems("scenario,month,seats\na,2027-01,\u{202E}12\u{1B}\n")
                == ["what-if.csv:2: seats \"\\u{202E}12\\x1B\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove"])
        #expect(
            problems("scenario,month,seats\na,2027-01,\(String(repeating: "9", count: 70))\n")
                == [
                    "what-if.csv:2: seats \"\(String(repeating: "9", count: 60))…\" is not a seat count; write 12 to set the count, +3 to add or -2 to remove"
                ])
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
