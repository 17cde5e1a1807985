/// The version of creditcast that reports carry in their provenance.
public enum CreditcastVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
