import CEL

/// One version of a municipality's rule pack: the policy it implements, when it is in
/// force, its principles and rules.
public struct RulePack: Sendable {
  /// The name proposals use in `municipality:`, e.g. `halsnaes`.
  public var name: String
  public var version: String
  public var municipality: LocalizedText
  public var policy: Policy
  public var inForce: Period
  public var scoring: Scoring
  /// Checkable and not-checkable principles, in pack order.
  public var principles: [Principle]
  public var rules: [Rule]
  /// SHA-256 of the files this pack version was built from (its own, the ladder and the schema).
  public var fingerprint: String
  /// The folder the pack was read from.
  public var directory: String

  /// The policy document a pack implements.
  public struct Policy: Sendable, Hashable {
    public var title: String
    public var adopted: CivilDate?
    public var adoptedBy: String?
    /// The seed text the quotes come from.
    public var seed: String?
  }

  /// The days a pack version is in force, both ends inclusive; `until == nil` is open-ended.
  public struct Period: Sendable, Hashable, CustomStringConvertible {
    public var from: CivilDate
    public var until: CivilDate?

    public func contains(_ date: CivilDate) -> Bool {
      date >= from && (until.map { date <= $0 } ?? true)
    }

    public func overlaps(_ other: Period) -> Bool {
      (until.map { other.from <= $0 } ?? true) && (other.until.map { from <= $0 } ?? true)
    }

    public var description: String { "\(from)–\(until?.description ?? "")" }
  }

  /// Verdict thresholds on the 0–100 score.
  public struct Scoring: Sendable, Hashable {
    /// A proposal without violations at or above this score reads "compliant".
    public var approve: Int
    /// Below this score the verdict is "non_compliant".
    public var review: Int
  }

  /// The principle with this id.
  public func principle(_ id: String) -> Principle? {
    principles.first { $0.id == id }
  }

  /// The municipality's own name, without the word for municipality: `Halsnæs`.
  public func shortMunicipality(in language: Language) -> String {
    let name = municipality[language]
    for suffix in [" Kommune", " Municipality"] where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  /// `halsnaes 2019.1`
  public var label: String { "\(name) \(version)" }
}

extension RulePack {
  /// Each rule's scope, in rule order.
  var ruleScopes: [RuleScope] { rules.map(\.scope) }
}
