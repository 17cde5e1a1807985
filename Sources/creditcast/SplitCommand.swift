import ArgumentParser
import CSVStream
import CreditCore
import CreditForecast
import CreditSharding
import Foundation
import UsageImport

/// `creditcast split`: a usage file cut into the parts the shards of `--shard K/N` forecast, so
/// each shard reads only its own, and the portfolio file they all read for what the whole file
/// would have told them.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Cut a usage file into N parts by workspace, one per shard, and write the portfolio file every shard reads.",
        discussion: """
            Part K (usage-K.csv) holds the header and the rows of the workspaces shard K/N \
            forecasts (the same FNV-1a hash of the name); creditcast-portfolio.json holds the \
            whole file's workspace count, months, seats-model prior and hash. Run shard K with \
            --usage DIR/usage-K.csv --portfolio DIR/creditcast-portfolio.json --shard K/N and \
            the other options of a single run: the merge of the shards is the single run's \
            reports byte for byte. The file is read twice (imported once, then cut in one \
            streaming pass); the parts are written all together or not at all.
            """
    )

    @Option(help: "The usage export (CSV), with its header on the first line and a workspace column.")
    var usage: String

    @Option(help: "Parts to cut it into, 1 to 10,000: N of the shards' --shard K/N.")
    var shards: Int

    @Option(help: "A new directory for usage-1.csv … usage-N.csv and creditcast-portfolio.json.")
    var out: String

    @Option(name: .customLong("as-of"), help: "The last month of history the shards will use (YYYY-MM), as they will give it.")
    var asOf: Month?

    @OptionGroup(title: "Reading the usage file")
    var reading: ImportOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (1...SplitLimits.parts).contains(shards) else {
            throw ValidationError("--shards must be 1 to \(SplitLimits.parts.groupedThousands)")
        }
        let most = MergeCommand.openFileLimit() - MergeCommand.reservedFiles
        guard shards <= most else {
            throw ValidationError(
                "--shards \(shards) needs a file open per part but this machine allows \(most.groupedThousands) (ulimit -n)")
        }
    }

    func run() throws {
        try reportingFailures {
            let imported: ImportedUsage
            do { imported = try UsageImporter.load(fileAt: usage, options: reading.importOptions) } catch { throw CommandFailure(error) }
            var history = imported.history
            if let asOf {
                do throws(HistoryTruncationError) { history = try history.truncated(through: asOf) } catch {
                    throw CommandFailure([FlagWording.message(error, usageFile: usage)])
                }
            }
            guard imported.history.hasWorkspaceColumn else {
                throw CommandFailure(["\(usage): the file has no workspace column, so it is one workspace and cannot be split"])
            }
            var state = StableHash()
            state.combine(fileAt: usage)
            let portfolio = PortfolioFile(
                shards: shards, usageState: state.value, workspaceCount: history.workspaces.count,
                firstMonth: imported.history.firstMonth, lastMonth: imported.history.lastMonth, asOf: history.lastMonth,
                prior: .estimate(from: history, parameters: .standard)
            )
            let rows = try writeParts(names: Set(imported.history.workspaces.map(\.name)), portfolio: portfolio)
            if !quiet {
                print(
                    "Split \(usage) (\(history.workspaces.count.groupedThousands) workspaces, \(rows.groupedThousands) rows) into \(shards) parts in \(out).\n"
                        + "Shard K: creditcast forecast --usage \(out)/usage-K.csv --portfolio \(out)/\(PortfolioFile.fileName) --shard K/\(shards) ...\n",
                    terminator: "")
            }
        }
    }

    /// Cuts the file into the parts and writes them with the portfolio file into a staging
    /// directory beside `out`, renamed into place when all are written; returns the rows written.
    /// `names` are the workspaces the importer read: a row naming none of them is one it skipped
    /// (a total row), and every one of them must land in a part.
    private func writeParts(names: Set<String>, portfolio: PortfolioFile) throws -> Int {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw CommandFailure(["\(out) is not empty; give split a new directory"], code: CommandFailure.outputFailed)
        }
        let staging = out.hasSuffix("/") ? String(out.dropLast()) + ".split-\(getpid())" : out + ".split-\(getpid())"
        var parts: [UnsafeMutablePointer<FILE>] = []
        defer { for part in parts { fclose(part) } }
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for number in 1...shards {
                guard let part = fopen(staging + "/usage-\(number).csv", "wb") else { throw failure("cannot create a part") }
                parts.append(part)
            }
            let rows = try cut(into: parts, names: names)
            for part in parts where fflush(part) != 0 || ferror(part) != 0 { throw failure("cannot write a part") }
            guard
                manager.createFile(
                    atPath: staging + "/" + PortfolioFile.fileName, contents: Data(portfolio.reportFile.text.utf8))
            else { throw failure("cannot write \(PortfolioFile.fileName)") }
            if manager.fileExists(atPath: out) { try manager.removeItem(atPath: out) }
            try manager.moveItem(atPath: staging, toPath: out)
            return rows
        } catch {
            try? manager.removeItem(atPath: staging)
            if let failure = error as? CommandFailure { throw failure }
            throw CommandFailure(["cannot write \(out): \(error.localizedDescription)"], code: CommandFailure.outputFailed)
        }
    }

    private func failure(_ reason: String) -> CommandFailure {
        CommandFailure(["cannot write \(out): \(reason) (\(String(cString: strerror(errno))))"], code: CommandFailure.outputFailed)
    }

    /// Streams the usage file's records into `parts`: the header into every part, each row into
    /// the part of its workspace's shard. Returns the rows written.
    private func cut(into parts: [UnsafeMutablePointer<FILE>], names: Set<String>) throws -> Int {
        let options = reading.importOptions
        let prefix = FilePrefix(path: usage)
        let start = prefix.start
        let delimiter = UsageFileLayout.delimiter(sniffing: prefix.bytes, options: options)
        let length = (try? fileSize(usage)) ?? 0
        var column: Int?
        var placed = Set<String>()
        var rows = 0
        var line = [UInt8]()
        do {
            try CSVStreamReader(delimiter: delimiter).read(fileAt: usage, bytes: start..<max(start, length), firstLine: 1) { record in
                guard let workspaceColumn = column else {
                    guard let found = UsageFileLayout.workspaceColumn(of: record, options: options) else {
                        throw CommandFailure([
                            "\(usage):\(record.line): split needs the usage header on the first line, with a workspace column"
                        ])
                    }
                    column = found
                    Self.encode(record, delimiter: delimiter, into: &line)
                    for part in parts { fwrite(line, 1, line.count, part) }
                    return
                }
                let name = UsageFileLayout.workspace(of: record, column: workspaceColumn)
                guard names.contains(name) else { return }
                placed.insert(name)
                Self.encode(record, delimiter: delimiter, into: &line)
                fwrite(line, 1, line.count, parts[Shard.number(of: name, count: parts.count) - 1])
                rows += 1
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
        guard placed.count == names.count else {
            let example = names.subtracting(placed).min() ?? ""
            throw CommandFailure([
                "\(usage): \(names.count - placed.count) workspace(s), such as \"\(example)\", are not written in the file as they are read; run the shards on the whole file instead"
            ])
        }
        return rows
    }

    /// The size of the file at `path`.
    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// A record as one CSV line: fields holding the delimiter, a quote or a line break quoted.
    static func encode(_ record: CSVRecord, delimiter: UInt8, into line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        for index in 0..<record.count {
            if index > 0 { line.append(delimiter) }
            let field = record.bytes(at: index)
            if field.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                line.append(UInt8(ascii: "\""))
                for byte in field {
                    if byte == UInt8(ascii: "\"") { line.append(byte) }
                    line.append(byte)
                }
                line.append(UInt8(ascii: "\""))
            } else {
                line.append(contentsOf: field)
            }
        }
        line.append(10)
    }
}
