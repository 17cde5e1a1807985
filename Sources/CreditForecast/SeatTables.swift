import CreditCore
import Foundation

/// The seat draws of a `SeatsUsageModel`: one quantile table of `SeatsUsageModel.tableSize`
/// values per seat of the history, each seat's own months brought to the as-of level and out of
/// their season and, for a seat with few months, blended with its colleagues' months: the pooled
/// table of every seat's months relative to that seat's own mean, times the seat's own mean (a
/// seat that never used anything draws the pooled months as they are); the extra seats a seat
/// count above the history's adds draw the pooled table as it is, the first
/// `SeatsUsageModel.individualExtraSeats` one by one and the rest as one normal sum.
///
/// Relative, because the pool is to say how a seat's month varies, not how large its colleagues
/// are: a city group's cities or an airline's routes differ a hundredfold in size, and pooled as
/// they are, a few of a small seat's slots drew a large colleague's month (and a large seat's a
/// small one's). Those tails set the variance that the spread is matched on (`v_R`), so the
/// month's spread went to the rare tails and the central band was too narrow: over the real-data
/// suite's twelve origins home-sales' P10–P90 band held 58.8% (78.4% pooled relative to each
/// seat's mean, with the local level's robust noise).
struct SeatTables {
    /// `rows × tableSize` values: the history's seats, then the pooled table when extra seats
    /// draw it.
    var tables: [Double]
    /// The offset in `tables` of each simulated seat's row.
    var seatRows: [Int]
    /// The mean and standard deviation of the sum of the extra seats past
    /// `individualExtraSeats`; both 0 when there are none.
    var pooledSum: (mean: Double, sigma: Double)
    /// How many extra seats are drawn as that one sum.
    var summedSeats: Double

    /// The tables of `workspace`'s seats over `monthCount` months, for `seatCount` seats (`nil`:
    /// the history's), each month `t` weighted by recency, multiplied by `e^{slope·age − S(t)}`.
    init(
        workspace: WorkspaceHistory, monthCount: Int, seatCount: Int?, slope: Double, season: SeasonalProfile,
        parameters: SeatsModelParameters
    ) {
        let size = SeatsUsageModel.tableSize
        let lastIndex = monthCount - 1
        var ownAtoms: [[(value: Double, weight: Double)]] = []
        var ownMeans: [Double] = []
        var pooledAtoms: [(value: Double, weight: Double)] = []
        var relativeAtoms: [(value: Double, weight: Double)] = []
        // Each month's multiplier and weight, the same for every seat: worked out once a month,
        // not once a seat and month.
        let months = (0..<max(0, monthCount)).map { offset in
            let age = Double(lastIndex - offset)
            return (
                multiplier: exp(slope * age - season.effect(atOffset: offset)),
                weight: SeatsUsageModel.recencyWeight(age: age, halfLife: parameters.recencyHalfLife)
            )
        }
        for seat in workspace.seats {
            var atoms: [(value: Double, weight: Double)] = []
            var weightSum = 0.0
            for offset in seat.firstOffset..<monthCount {
                atoms.append((Double(seat.usage[offset]) * months[offset].multiplier, months[offset].weight))
                weightSum += months[offset].weight
            }
            for index in atoms.indices { atoms[index].weight /= weightSum }
            let mean = atoms.reduce(0) { $0 + $1.value * $1.weight }
            for atom in atoms {
                pooledAtoms.append((atom.value, atom.weight / Double(workspace.seats.count)))
                if mean > 0 { relativeAtoms.append((atom.value / mean, atom.weight / Double(workspace.seats.count))) }
            }
            ownAtoms.append(atoms)
            ownMeans.append(mean)
        }
        let pooledTable =
            pooledAtoms.isEmpty
            ? [Double](repeating: 0, count: size) : SeatsUsageModel.quantileTable(pooledAtoms, size: size)
        let relativeTable = relativeAtoms.isEmpty ? pooledTable : SeatsUsageModel.quantileTable(relativeAtoms, size: size)
        let allExtraSeats = max(0, (seatCount ?? 0) - workspace.seats.count)
        let extraSeats = min(allExtraSeats, SeatsUsageModel.individualExtraSeats)
        summedSeats = Double(allExtraSeats - extraSeats)
        let pooledMean = pooledTable.reduce(0, +) / Double(size)
        let pooledVariance = pooledTable.reduce(0) { $0 + ($1 - pooledMean) * ($1 - pooledMean) } / Double(size)
        pooledSum = summedSeats > 0 ? (summedSeats * pooledMean, (summedSeats * pooledVariance).squareRoot()) : (0, 0)
        tables = []
        tables.reserveCapacity((workspace.seats.count + 1) * size)
        for (index, seat) in workspace.seats.enumerated() {
            let mean = ownMeans[index]
            tables.append(
                contentsOf: Self.seatTable(
                    own: ownAtoms[index], months: monthCount - seat.firstOffset,
                    pooled: mean > 0 ? (relativeTable, mean) : (pooledTable, 1), parameters: parameters))
        }
        seatRows = Array(stride(from: 0, to: workspace.seats.count * size, by: size))
        if extraSeats > 0 {
            let pooledRow = tables.count
            tables.append(contentsOf: pooledTable)
            seatRows.append(contentsOf: repeatElement(pooledRow, count: extraSeats))
        }
    }

    /// One seat's table from its own weighted months (`months` of them): jittered when the seat
    /// has fewer than `jitterBelowMonths`, and blended with the `pooled` table times its scale
    /// by `months / (months + pooledPriorMonths)`.
    private static func seatTable(
        own: [(value: Double, weight: Double)], months count: Int, pooled: (table: [Double], scale: Double),
        parameters: SeatsModelParameters
    ) -> [Double] {
        let size = SeatsUsageModel.tableSize
        let months = Double(count)
        let ownShare = months / (months + parameters.pooledPriorMonths)
        var atoms: [(value: Double, weight: Double)] = []
        let jitter = count < parameters.jitterBelowMonths && parameters.jitterSigma > 0 ? parameters.jitterSigma / months.squareRoot() : 0
        if jitter > 0 {
            let multipliers = SeatsUsageModel.stratifiedNormals.map { exp(jitter * $0) }
            let meanMultiplier = multipliers.reduce(0, +) / Double(multipliers.count)
            for atom in own {
                for multiplier in multipliers {
                    atoms.append((atom.value * multiplier / meanMultiplier, atom.weight * ownShare / Double(multipliers.count)))
                }
            }
        } else {
            for atom in own { atoms.append((atom.value, atom.weight * ownShare)) }
        }
        if ownShare < 1 {
            for value in pooled.table { atoms.append((value * pooled.scale, (1 - ownShare) / Double(size))) }
        }
        return SeatsUsageModel.quantileTable(atoms, size: size)
    }

    /// The contraction of every row toward its mean by `factor`, and of the summed seats' spread.
    mutating func contract(by factor: Double) {
        SeatsUsageModel.contract(&tables, size: SeatsUsageModel.tableSize, by: factor)
        pooledSum.sigma *= factor
    }
}
