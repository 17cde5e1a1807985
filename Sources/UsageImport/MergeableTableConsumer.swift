/// A table consumer whose reading of the rows can be split: copies of it made once the header
/// is read can each read a consecutive part of the rows, and then combine into one consumer that
/// read them all, as if it had read them in one go.
protocol MergeableTableConsumer: TableConsumer, Sendable {
    /// Takes in what `later`, a copy of this consumer made right after the header, read from the
    /// rows that follow this consumer's rows in the file. `later` may be emptied as it is taken
    /// in, to lower the merge's peak memory.
    ///
    /// - Returns: `false` when the two cannot be combined exactly as one reading would have left
    ///   them; this consumer is then part-combined, to be thrown away.
    mutating func absorb(_ later: inout Self) -> Bool
}
