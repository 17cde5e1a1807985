/// The `kind` of a sensitivity setting in a shard file, one table for the writer and the reader.
enum ShardSettingKind: String {
    case multiplier
    case monthlyGrowth = "monthly_growth"
    case seats
    case plan
}
