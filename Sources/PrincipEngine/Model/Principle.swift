/// A principle of a municipality's policy, tied to the sentence it rests on.
public struct Principle: Sendable, Hashable {
  /// Unique within its pack, e.g. `local-before-external`.
  public var id: String
  public var title: LocalizedText
  /// Shared theme tags (`least_intrusive`, `involvement`, …) that line principles of
  /// different municipalities up, and let one justification serve them all.
  public var themes: [String]
  /// The policy sentence, word for word.
  public var quote: String
  /// Where in the policy document the sentence stands.
  public var source: String
  /// For principles no proposal can show: why not. `nil` for checkable ones.
  public var notCheckableReason: LocalizedText?
  /// Where the principle is declared.
  public var location: SourceLocation
}
