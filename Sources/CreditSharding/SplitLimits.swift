/// The bounds of `creditcast split`.
public enum SplitLimits {
    /// Parts a usage file may be split into: every part is open for writing at once.
    public static let parts = 10_000
}
