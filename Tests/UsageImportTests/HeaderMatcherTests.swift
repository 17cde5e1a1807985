import CreditCore
import Testing

@testable import UsageImport

@Suite struct HeaderMatcherTests {
    @Test(arguments: [("Seat_ID", "seatid"), ("User Email", "useremail"), ("CREDITS USED", "creditsused"), ("as_of", "asof")])
    func normalisesNames(name: String, normalised: String) {
        #expect(HeaderMatcher<UsageColumn>.normalized(name) == normalised)
    }

    @Test func acceptsEveryAlias() throws {
        let path = temporaryFile("Account,Member,Date,Usage,PLAN\nacme,ana,2026-04,5,Pro\n")
        let history = try UsageImporter.load(fileAt: path).history
        #expect(history.workspaces.map(\.name) == ["acme"])
        #expect(history.workspaces[0].seats == [SeatHistory(id: "ana", plan: "pro", firstOffset: 0, usage: [5])])
        for seat in ["seat_id", "User", "user email", "Seat ID"] {
            let file = temporaryFile("\(seat),period,credits_used\nana,2026-04,5\n")
            #expect(try UsageImporter.load(fileAt: file).history.workspaces[0].seats[0].id == "ana")
        }
    }
}
