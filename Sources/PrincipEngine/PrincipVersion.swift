/// The version of princip, in one place: `princip --version` prints it.
public enum PrincipVersion {
  /// Semantic version of the tool (the rule packs carry versions of their own).
  public static let current = "0.9.0"
}
