import Foundation
import Testing

/// `creditcast renew --sensitivity`: the tornado files, and that they shard and merge like the rest.
@Suite struct SensitivityCommandTests {
    /// Two seats taking turns at 2,000 and 5,000 credits: 7,000 every month for six months.
    private func alternatingUsage(in directory: URL) throws -> String {
        var text = "seat,month,credits\n"
        for offset in 0..<6 {
            let month = "2025-0\(offset + 1)"
            text += "a,\(month),\(offset % 2 == 0 ? 2_000 : 5_000)\nb,\(month),\(offset % 2 == 0 ? 5_000 : 2_000)\n"
        }
        let file = directory.appendingPathComponent("usage.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The same history as `SensitivityTests`: every bar's ends are the deterministic ledger's.
    @Test func sensitivityFilesOfAConstantTotalHoldTheLedgersFigures() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let result = try CommandRunner.run([
            "renew", "--usage", try alternatingUsage(in: directory), "--plan", "growth", "--model", "bootstrap", "--trials", "20",
            "--sensitivity", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasSuffix(
                "renew.md, renew.html, renew-summary.csv, renew.csv, provenance.json, sensitivity.md, sensitivity.html, sensitivity.csv, charts/ (1 tornado chart).\n"
            ))
        let csv = try String(contentsOf: out.appendingPathComponent("sensitivity.csv"), encoding: .utf8)
        #expect(
            csv == """
                workspace,renewal,strategy,measure,rank,driver,low_setting,high_setting,baseline,at_low,at_high,swing
                workspace,2025-07,payg,renewal_cost,1,plan,launch,pro,420.00,1260.00,0.00,1260.00
                workspace,2025-07,payg,renewal_cost,2,heaviest-seats,x0.785714,x1.214286,420.00,0.00,1050.00,1050.00
                workspace,2025-07,payg,renewal_cost,3,seat-count,1 seat fewer,1 seat more,420.00,210.00,630.00,420.00
                workspace,2025-07,payg,renewal_cost,4,usage-level,x1,x1,420.00,420.00,420.00,0.00
                workspace,2025-07,payg,renewal_cost,5,trend,x1 a month,x1 a month,420.00,420.00,420.00,0.00
                workspace,2025-07,payg,p_shortfall,1,heaviest-seats,x0.785714,x1.214286,1.0000,0.0000,1.0000,1.0000
                workspace,2025-07,payg,p_shortfall,2,plan,launch,pro,1.0000,1.0000,0.0000,1.0000
                workspace,2025-07,payg,p_shortfall,3,usage-level,x1,x1,1.0000,1.0000,1.0000,0.0000
                workspace,2025-07,payg,p_shortfall,4,trend,x1 a month,x1 a month,1.0000,1.0000,1.0000,0.0000
                workspace,2025-07,payg,p_shortfall,5,seat-count,1 seat fewer,1 seat more,1.0000,1.0000,1.0000,0.0000

                """)
        let provenance = try String(contentsOf: out.appendingPathComponent("provenance.json"), encoding: .utf8)
        #expect(provenance.contains("\"files\": [\n    \"renew.csv\",\n    \"renew-summary.csv\",\n    \"sensitivity.csv\"\n  ]"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path)
        #expect(charts.count == 1 && charts[0].hasPrefix("tornado-workspace-") && charts[0].hasSuffix(".svg"))
        let svg = try String(contentsOf: out.appendingPathComponent("charts/\(charts[0])"), encoding: .utf8)
        #expect(svg.contains("<title>plan launch: $1,260.00</title>"))
        let markdown = try String(contentsOf: out.appendingPathComponent("sensitivity.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# What drives the renewal\n"))
        #expect(markdown.contains("\n## Provenance\n\n```json\n{\n  \"tool\": \"creditcast\",\n"))
        #expect(markdown.contains("![What drives the renewal of workspace](charts/\(charts[0]))"))
    }

    @Test func sensitivityShardsMergeIntoTheSingleRunByteForByte() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let common = [
            "renew", "--usage", "samples/portfolio-usage.csv", "--workspaces", "samples/workspaces.csv", "--trials", "60", "--sensitivity",
            "--quiet",
        ]
        let single = directory.appendingPathComponent("single")
        #expect(try CommandRunner.run(common + ["--out", single.path]).status == 0)
        var shards: [String] = []
        for number in 1...2 {
            let out = directory.appendingPathComponent("shard-\(number)").path
            #expect(try CommandRunner.run(common + ["--shard", "\(number)/2", "--out", out]).status == 0)
            shards.append(out)
        }
        let merged = directory.appendingPathComponent("merged")
        #expect(try CommandRunner.run(["merge"] + shards + ["--out", merged.path, "--quiet"]).status == 0)
        func files(_ root: URL) throws -> [String: Data] {
            var result: [String: Data] = [:]
            let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                result[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
            }
            return result
        }
        let whole = try files(single)
        #expect(whole.keys.filter { $0.hasPrefix("/charts/tornado-") }.count == 24)
        #expect(whole["/sensitivity.csv"] != nil && whole["/sensitivity.md"] != nil)
        #expect(whole == (try files(merged)))
    }
}
