#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a 1 MB buffer, with the few number formats the generator needs.
struct BufferedWriter: ~Copyable {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    /// Bytes written so far.
    private(set) var bytesWritten = 0

    /// Opens `path` for writing, replacing it.
    init(path: String) throws(BenchError) {
        guard let file = fopen(path, "wb") else { throw BenchError.failed("cannot write \(path)") }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends text.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// Appends one byte.
    mutating func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends `value` in decimal, zero-padded to at least `width` digits.
    mutating func write(_ value: Int, width: Int = 1) {
        precondition(value >= 0)
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                raw[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if buffer.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    consuming func close() throws(BenchError) -> Int {
        flush()
        let failed = ferror(file) != 0
        let closed = fclose(file) == 0
        guard !failed, closed else { throw BenchError.failed("writing failed") }
        return bytesWritten
    }
}

/// Synthetic usage exports: deterministic from the seed, shaped like a real vendor export.
///
/// Each workspace has a utilisation level; each seat a lognormal level around it (a few heavy
/// users, many light ones), a small chance of an idle month (no row, as exports leave zero
/// months out) and, for one seat in twenty, a first month after the start of the history.
/// Monthly credits are the seat's level times lognormal noise (σ 0.35) and a per-workspace
/// trend, rounded to 10 credits.
struct UsageGenerator {
    /// The seed every workspace's stream derives from.
    var seed: UInt64
    /// Months of history, from 2024-01.
    var months: Int
    /// Share of seats that join after the first month.
    var lateJoinShare = 0.05
    /// The largest per-seat chance of an idle month (each seat draws its own in 0…this).
    var maxIdleChance = 0.04

    /// The expected share of seat-months that have a row: what `--rows` is sized with.
    var expectedRowShare: Double {
        // A late seat joins uniformly in 1…months−1: it misses months/2 of them on average.
        let lateMissing = months > 1 ? lateJoinShare * Double(months) / 2 / Double(months) : 0
        return (1 - lateMissing) * (1 - maxIdleChance / 2)
    }

    /// `ws0456`.
    static func workspaceName(_ index: Int) -> String { "ws" + padded(index, 4) }

    /// `user0123@ws0456.example.com`.
    static func seatName(_ seat: Int, workspace: Int) -> String {
        "user" + padded(seat, 4) + "@" + workspaceName(workspace) + ".example.com"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The month labels `2024-01`, ….
    private var monthLabels: [String] {
        (0..<months).map { offset in
            let year = 2024 + offset / 12
            let month = offset % 12 + 1
            return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
        }
    }

    /// Writes one workspace's rows (seat by seat, month by month) and returns how many rows
    /// each seat got. With `writer` nil nothing is written, but the same rows are drawn: a dry
    /// run that tells how many rows the workspace would have.
    ///
    /// - Parameters:
    ///   - baseLevel: the median seat's monthly credits before the workspace's own factor.
    ///   - seats: how many seats to write; seat `i` is the same whatever the count.
    ///   - stream: the workspace's random stream (its index, or a fresh one for added seats).
    ///   - limit: write at most this many rows (the dry run's counts ignore it).
    @discardableResult
    func writeWorkspace(
        _ index: Int, seats: Int, firstSeat: Int = 0, stream: UInt64? = nil, baseLevel: Double,
        writer: inout BufferedWriter?, limit: Int = .max
    ) -> [Int] {
        var rng = BenchRandom(seed: seed, stream: stream ?? UInt64(index))
        let labels = monthLabels.map { Array($0.utf8) }
        let workspace = Array((Self.workspaceName(index) + ",").utf8)
        let domain = Array(("@" + Self.workspaceName(index) + ".example.com,").utf8)
        let utilisation = rng.logNormal(sigma: 0.45)
        let trend = rng.unit() * 0.03 - 0.01  // −1 % … +2 % a month
        var rowsPerSeat: [Int] = []
        var written = 0
        for seat in firstSeat..<(firstSeat + seats) {
            let level = baseLevel * utilisation * rng.logNormal(sigma: 0.8)
            let idleChance = rng.unit() * maxIdleChance
            let first = months > 1 && rng.unit() < lateJoinShare ? rng.int(in: 1...(months - 1)) : 0
            var rows = 0
            for month in first..<months {
                // The first month always has a row: it is what makes the seat count.
                if month > first && rng.unit() < idleChance { continue }
                let growth = pow(1 + trend, Double(month))
                let credits = Int((level * growth * rng.logNormal(sigma: 0.35) / 10).rounded()) * 10
                rows += 1
                guard writer != nil, written < limit else { continue }
                written += 1
                writer!.buffer(workspace)
                writer!.write("user")
                writer!.write(seat, width: 4)
                writer!.buffer(domain)
                writer!.buffer(labels[month])
                writer!.write(byte: UInt8(ascii: ","))
                writer!.write(max(0, credits))
                writer!.write(byte: UInt8(ascii: "\n"))
            }
            rowsPerSeat.append(rows)
        }
        return rowsPerSeat
    }
}

extension BufferedWriter {
    /// Appends raw bytes.
    mutating func buffer(_ bytes: [UInt8]) {
        for byte in bytes { write(byte: byte) }
    }
}

/// `generate-usage`: exactly `--rows` rows over `--workspaces` workspaces.
func generateUsage(_ arguments: Arguments) throws(BenchError) {
    let rows = try arguments.int("rows")
    let workspaces = try arguments.int("workspaces", default: 1000)
    let months = try arguments.int("months", default: 24)
    let seed = UInt64(try arguments.int("seed", default: 1))
    let out = try arguments.string("out")
    if let format = try? arguments.string("format"), format != "long" {
        throw BenchError.usage("only --format long is implemented")
    }
    guard rows > 0, workspaces > 0, months > 0 else { throw BenchError.usage("--rows, --workspaces and --months must be positive") }

    let generator = UsageGenerator(seed: seed, months: months)
    let seatMonths = Double(rows) / generator.expectedRowShare / Double(months)
    let totalSeats = max(workspaces, Int(seatMonths.rounded()))
    var writer: BufferedWriter? = try BufferedWriter(path: out)
    writer!.write("workspace,seat,month,credits\n")
    var written = 0
    let (_, elapsed) = Measure.time {
        // A dry run tells each seat's row count; seats are then dropped from (or added to)
        // workspaces in turn, from the last one back, until the file has exactly `rows` rows.
        var none: BufferedWriter? = nil
        var seatRows = (0..<workspaces).map { index in
            let seats = totalSeats / workspaces + (index < totalSeats % workspaces ? 1 : 0)
            return generator.writeWorkspace(index, seats: seats, baseLevel: 2_500, writer: &none)
        }
        var extraRows = [[Int]](repeating: [], count: workspaces)
        var total = seatRows.reduce(0) { $0 + $1.reduce(0, +) }
        var turn = workspaces - 1
        while total - (seatRows[turn].last ?? 0) >= rows, seatRows[turn].count > 1 {
            total -= seatRows[turn].removeLast()
            turn = turn == 0 ? workspaces - 1 : turn - 1
        }
        while total < rows {
            let seat = seatRows[turn].count + extraRows[turn].count
            let added = generator.writeWorkspace(
                turn, seats: 1, firstSeat: seat, stream: UInt64(turn) &+ UInt64(seat) << 32, baseLevel: 2_500, writer: &none)
            extraRows[turn].append(added[0])
            total += added[0]
            turn = turn == 0 ? workspaces - 1 : turn - 1
        }
        for index in 0..<workspaces {
            // The last seat written may lose its last months: seats come whole, rows must not.
            written += min(
                rows - written,
                generator.writeWorkspace(index, seats: seatRows[index].count, baseLevel: 2_500, writer: &writer, limit: rows - written)
                    .reduce(0, +))
            for offset in extraRows[index].indices {
                let seat = seatRows[index].count + offset
                written += min(
                    rows - written,
                    generator.writeWorkspace(
                        index, seats: 1, firstSeat: seat, stream: UInt64(index) &+ UInt64(seat) << 32, baseLevel: 2_500, writer: &writer,
                        limit: rows - written
                    ).reduce(0, +))
            }
        }
    }
    let bytes = try writer.take()!.close()
    Figure.emit(
        "generate-usage",
        [
            "rows": "\(written)", "workspaces": "\(workspaces)", "months": "\(months)", "seed": "\(seed)",
            "mb": Figure.fixed(Double(bytes) / 1_048_576, 1), "wall_s": Figure.fixed(elapsed), "out": out,
        ])
}

/// `generate-portfolio`: `DIR/usage.csv` and `DIR/workspaces.csv`.
func generatePortfolio(_ arguments: Arguments) throws(BenchError) {
    let workspaces = try arguments.int("workspaces", default: 1000)
    let minSeats = try arguments.int("min-seats", default: 5)
    let maxSeats = try arguments.int("max-seats", default: 50)
    let months = try arguments.int("months", default: 24)
    let seed = UInt64(try arguments.int("seed", default: 1))
    let out = try arguments.string("out")
    guard workspaces > 0, months > 0, minSeats > 0, maxSeats >= minSeats else {
        throw BenchError.usage("need --workspaces, --months > 0 and 0 < --min-seats ≤ --max-seats")
    }
    mkdir(out, 0o755)

    let plans: [(name: String, allowance: Double)] = [("launch", 2_000), ("growth", 3_000), ("pro", 4_000)]
    var setup = BenchRandom(seed: seed, stream: 0xFFFF_FFFF)
    var list = try BufferedWriter(path: out + "/workspaces.csv")
    list.write("workspace,plan,seats\n")
    var usage: BufferedWriter? = try BufferedWriter(path: out + "/usage.csv")
    usage!.write("workspace,seat,month,credits\n")
    let generator = UsageGenerator(seed: seed, months: months)
    var rows = 0
    let (_, elapsed) = Measure.time {
        for index in 0..<workspaces {
            let seats = setup.int(in: minSeats...maxSeats)
            let draw = setup.unit()
            let plan = plans[draw < 0.4 ? 0 : draw < 0.8 ? 1 : 2]
            list.write(UsageGenerator.workspaceName(index) + "," + plan.name + ",")
            list.write(seats)
            list.write("\n")
            // A median seat uses 70 % of its allowance: most pools grow, some run short.
            rows += generator.writeWorkspace(index, seats: seats, baseLevel: 0.7 * plan.allowance, writer: &usage).reduce(0, +)
        }
    }
    _ = try list.close()
    let bytes = try usage.take()!.close()
    Figure.emit(
        "generate-portfolio",
        [
            "workspaces": "\(workspaces)", "rows": "\(rows)", "months": "\(months)", "seed": "\(seed)",
            "mb": Figure.fixed(Double(bytes) / 1_048_576, 1), "wall_s": Figure.fixed(elapsed), "out": out,
        ])
}
